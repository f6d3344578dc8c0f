package com.dealradar.company.persistence;

import com.dealradar.company.domain.OwnershipLink;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class OwnershipLinkRepository implements PanacheRepositoryBase<OwnershipLink, UUID> {

    /** Links in which the company is the owned one: its parents. */
    public List<OwnershipLink> ownersOf(UUID companyId) {
        return list(
                "select l from OwnershipLink l join fetch l.owner where l.owned.id = ?1 order by l.owner.sortName, l.id",
                companyId);
    }

    /** Links in which the company is the owner: its subsidiaries, divisions and stakes. */
    public List<OwnershipLink> holdingsOf(UUID companyId) {
        return list(
                "select l from OwnershipLink l join fetch l.owned where l.owner.id = ?1 order by l.owned.sortName, l.id",
                companyId);
    }

    /** Links in id order, after {@code afterId} when given, involving {@code companyId} when given. */
    public List<OwnershipLink> page(UUID companyId, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (companyId != null) {
            where.append(" and (owner.id = :company or owned.id = :company)");
            params.put("company", companyId);
        }
        if (afterId != null) {
            where.append(" and id > :after");
            params.put("after", afterId);
        }
        return find(where + " order by id", params).page(0, limit).list();
    }

    /** Every owner -> owned edge, for the cycle rule. Ownership graphs are small (thousands of edges). */
    public Map<UUID, Set<UUID>> holdingsGraph() {
        Map<UUID, Set<UUID>> graph = new HashMap<>();
        getEntityManager()
                .createQuery("select l.owner.id, l.owned.id from OwnershipLink l", Object[].class)
                .getResultStream()
                .forEach(row -> graph.computeIfAbsent((UUID) row[0], k -> new HashSet<>())
                        .add((UUID) row[1]));
        return graph;
    }
}
