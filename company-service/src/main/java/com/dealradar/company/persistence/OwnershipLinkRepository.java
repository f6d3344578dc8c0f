package com.dealradar.company.persistence;

import com.dealradar.company.domain.OwnershipLink;
import com.dealradar.company.domain.OwnershipLinkType;
import com.dealradar.platform.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class OwnershipLinkRepository implements PanacheRepositoryBase<OwnershipLink, UUID> {

    /**
     * Waits until no other transaction may add an edge to the ownership graph and holds that until this one ends: the
     * cycle check reads the whole graph, which no row lock covers.
     */
    public void holdGraphForTransaction() {
        AdvisoryLocks.holdForTransaction(getEntityManager(), "ownership graph");
    }

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

    /** Every link on either end of which the company is: the links its representation embeds. */
    public List<OwnershipLink> involving(UUID companyId) {
        return list("owner.id = ?1 or owned.id = ?1", companyId);
    }

    /** The ids of the companies linked to this one, as owner or owned. */
    public Set<UUID> neighbourIds(UUID companyId) {
        Set<UUID> ids = new HashSet<>();
        getEntityManager()
                .createQuery(
                        "select l.owner.id, l.owned.id from OwnershipLink l where l.owner.id = :c or l.owned.id = :c",
                        Object[].class)
                .setParameter("c", companyId)
                .getResultStream()
                .forEach(row -> {
                    ids.add((UUID) row[0]);
                    ids.add((UUID) row[1]);
                });
        ids.remove(companyId);
        return ids;
    }

    /** Another link recording that {@code ownerId} holds {@code ownedId} in the same way, if there is one. */
    public Optional<OwnershipLink> sameLink(UUID ownerId, UUID ownedId, OwnershipLinkType type, UUID except) {
        return find(
                        "owner.id = ?1 and owned.id = ?2 and type = ?3 and id <> ?4 order by id",
                        ownerId,
                        ownedId,
                        type,
                        except)
                .firstResultOptional();
    }

    /** The other links of the owned company that state a stake: its owners' shares. */
    public List<OwnershipLink> stakesIn(UUID ownedId, UUID except) {
        return list("owned.id = ?1 and id <> ?2 and stakePercent is not null order by id", ownedId, except);
    }

    /**
     * Every owner -> owned edge but those of the link {@code exceptLinkId} (the one being replaced; null for none), for
     * the cycle rule. Another link between the same two companies still counts. Ownership graphs are small (thousands
     * of edges).
     */
    public Map<UUID, Set<UUID>> holdingsGraph(UUID exceptLinkId) {
        Map<UUID, Set<UUID>> graph = new HashMap<>();
        getEntityManager()
                .createQuery("select l.owner.id, l.owned.id from OwnershipLink l where l.id <> :except", Object[].class)
                .setParameter("except", exceptLinkId == null ? new UUID(0, 0) : exceptLinkId)
                .getResultStream()
                .forEach(row -> graph.computeIfAbsent((UUID) row[0], k -> new HashSet<>())
                        .add((UUID) row[1]));
        return graph;
    }
}
