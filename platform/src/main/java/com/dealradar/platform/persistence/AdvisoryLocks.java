package com.dealradar.platform.persistence;

import com.dealradar.platform.crypto.Sha256;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.hibernate.Session;

/**
 * PostgreSQL transaction-level advisory locks: one writer at a time for work that no row can be locked for (the
 * seeding of a database, the count of what one owner may hold before a new one is added). Released when the
 * transaction ends. On the embedded H2 of the local run, a single process, nothing is taken.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {}

    /**
     * Waits for the lock named {@code name} (at most the connection's {@code lock_timeout}, then the statement fails and
     * the transaction with it) and holds it until the current transaction ends.
     */
    public static void holdForTransaction(EntityManager em, String name) {
        holdForTransaction(em, name, null);
    }

    /**
     * The same, waiting up to {@code maxWait} instead of the connection's lock timeout: for a holder known to keep the
     * lock longer than a request's write would (another replica seeding the database). The longer limit lasts until
     * the transaction ends.
     */
    public static void holdForTransaction(EntityManager em, String name, Duration maxWait) {
        long key = ByteBuffer.wrap(Sha256.of(name)).getLong();
        em.unwrap(Session.class).doWork(connection -> {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                if (maxWait != null) {
                    try (PreparedStatement statement =
                            connection.prepareStatement("select set_config('lock_timeout', ?, true)")) {
                        statement.setString(1, maxWait.toMillis() + "ms");
                        statement.execute();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    statement.setLong(1, key);
                    statement.execute();
                }
            }
        });
    }
}
