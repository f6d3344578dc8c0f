package com.dealradar.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The seed entries a database has had ({@code seed_ledger}), so that a seeder adds each entry once in the database's
 * life: an entry deleted through the API since stays deleted. Without it, a seeded deal or ownership link deleted by an
 * analyst came back at the next start of any replica (a rollout, a scale-out), and partners, who had its delete event,
 * never heard of its return.
 */
public final class SeedLedger {

    private static final Logger LOG = Logger.getLogger(SeedLedger.class);

    private SeedLedger() {}

    /**
     * Of the seed's entries of {@code kind}, those to add now: never had, and not in {@code entity}'s table. Every
     * entry not yet in the ledger is recorded, in the caller's transaction (the seeder's), so that what it adds is
     * recorded with it. A database seeded before the ledger was kept (entries present, the ledger empty) cannot tell a
     * deleted entry from a new one: every entry of the seed is then taken as had, and none is added.
     */
    public static Set<UUID> toAdd(EntityManager em, String kind, Class<?> entity, Collection<UUID> seed) {
        Set<UUID> present = ExistingIds.of(em, entity, UUID.class, seed);
        Set<UUID> had = new HashSet<>();
        for (Object id : em.createNativeQuery("select id from seed_ledger where kind = :kind")
                .setParameter("kind", kind)
                .getResultList()) {
            had.add((UUID) id);
        }
        boolean seededBeforeTheLedger = had.isEmpty() && seed.stream().anyMatch(present::contains);
        Set<UUID> toAdd = new LinkedHashSet<>();
        int recorded = 0;
        for (UUID id : seed) {
            if (had.contains(id)) {
                continue;
            }
            if (!seededBeforeTheLedger && !present.contains(id)) {
                toAdd.add(id);
            }
            em.createNativeQuery("insert into seed_ledger (kind, id) values (:kind, :id)")
                    .setParameter("kind", kind)
                    .setParameter("id", id)
                    .executeUpdate();
            recorded++;
        }
        if (seededBeforeTheLedger) {
            long missing = seed.stream().filter(id -> !present.contains(id)).count();
            LOG.infof(
                    "Seed ledger of %s started on a seeded database: %d entries recorded as had, %d of them absent"
                            + " (deleted, or new in this seed) and not added",
                    kind, recorded, missing);
        }
        return toAdd;
    }
}
