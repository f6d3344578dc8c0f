package com.dealradar.platform.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * The one transaction a seeder loads its data in, taken by one replica at a time. Replicas of a service start
 * together (the prod overlay runs at least two, and a rolling upgrade starts new pods beside old ones): without a
 * lock, two seeders that both found a row missing both inserted it, and the loser's start failed on the primary key;
 * two that both found a corrected entry both rewrote it, and the loser failed on the row's version. On PostgreSQL the
 * transaction first takes an advisory lock (released at its end), so the second seeder waits and then finds the first
 * one's rows; an embedded H2 database (the local run) has a single process and takes none.
 */
public final class SeedTransaction {

    /** The advisory lock's key: one per database, and each service has its own database. */
    static final long LOCK_KEY = 0x5EED_DEA1_4ADA_0001L;

    private SeedTransaction() {}

    public static void run(EntityManager em, Runnable seeding) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.unwrap(Session.class).doWork(connection -> {
                if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                    }
                }
            });
            seeding.run();
        });
    }
}
