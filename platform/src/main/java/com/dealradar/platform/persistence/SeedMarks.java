package com.dealradar.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The seed marks of the rows of a {@link SeededEntity} table among some ids, in one statement that reads four columns
 * (like {@link ExistingIds}, which the seeders use for the tables they only add to): a row missing from the answer is
 * not there yet.
 */
public final class SeedMarks {

    /** What the seeder needs to know of a stored row. */
    public record Mark(String digest, long version, Long seedVersion) {

        /**
         * Whether the row is as the seed last wrote it: no write through the API since. A row seeded before marks were
         * kept has none; it counts as the seed's while it was never written after its insert (version 0).
         */
        public boolean asSeeded() {
            return digest == null ? version == 0 : seedVersion != null && version == seedVersion;
        }
    }

    private SeedMarks() {}

    public static <E extends SeededEntity, I> Map<I, Mark> of(
            EntityManager em, Class<E> entity, Class<I> idType, Collection<I> ids) {
        Map<I, Mark> marks = new HashMap<>();
        if (ids.isEmpty()) {
            return marks;
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<E> root = query.from(entity);
        Path<I> id = root.get(em.getMetamodel().entity(entity).getId(idType));
        query.multiselect(id, root.get("seedDigest"), root.get("version"), root.get("seedVersion"))
                .where(id.in(ids));
        for (Tuple row : em.createQuery(query).getResultList()) {
            marks.put(
                    row.get(0, idType),
                    new Mark(row.get(1, String.class), row.get(2, Long.class), row.get(3, Long.class)));
        }
        return marks;
    }
}
