package com.dealradar.platform.seed;

import com.dealradar.platform.persistence.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * The one transaction a seeder loads its data in, taken by one replica at a time. Replicas of a service start
 * together (the prod overlay runs at least two, and a rolling upgrade starts new pods beside old ones): without a
 * lock, two seeders that both found a row missing both inserted it, and the loser's start failed on the primary key;
 * two that both found a corrected entry both rewrote it, and the loser failed on the row's version. The transaction
 * first takes an advisory lock ({@link AdvisoryLocks}), so the second seeder waits and then finds the first one's rows.
 * It waits up to {@link #WAIT} for it, not the 5 s lock timeout of a request's write: a first seeding of an empty
 * database on a busy node can take longer, and a replica that gave up would fail its start.
 */
public final class SeedTransaction {

    static final Duration WAIT = Duration.ofMinutes(2);

    private SeedTransaction() {}

    public static void run(EntityManager em, Runnable seeding) {
        QuarkusTransaction.requiringNew().run(() -> {
            AdvisoryLocks.holdForTransaction(em, "dealradar seed", WAIT);
            seeding.run();
        });
    }
}
