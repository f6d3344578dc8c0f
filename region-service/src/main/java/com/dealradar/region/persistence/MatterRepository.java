package com.dealradar.region.persistence;

import com.dealradar.platform.paging.Cursor;
import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.RegulatoryMatter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MatterRepository implements PanacheRepositoryBase<RegulatoryMatter, UUID> {

    public static final String SORT = "createdAt";

    public record Filter(
            UUID dealId, UUID companyId, String region, UUID regimeId, MatterStatus status, Boolean open) {}

    /** How many matters are under the regime {@code regimeId}. */
    public long countOfRegime(UUID regimeId) {
        return count("regime.id", regimeId);
    }

    /** The matters under the regime {@code regimeId} that name a trigger rule. */
    public List<RegulatoryMatter> withTriggerRule(UUID regimeId) {
        return list("regime.id = ?1 and triggerRule is not null", regimeId);
    }

    /** Matters in creation order (then id), after the cursor's position. */
    public List<RegulatoryMatter> search(Filter filter, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.dealId() != null) {
            where.add("m.dealId = :deal");
            params.put("deal", filter.dealId());
        }
        if (filter.companyId() != null) {
            where.add("m.companyId = :company");
            params.put("company", filter.companyId());
        }
        if (filter.region() != null) {
            where.add("m.regionCode = :region");
            params.put("region", filter.region());
        }
        if (filter.regimeId() != null) {
            where.add("m.regime.id = :regime");
            params.put("regime", filter.regimeId());
        }
        if (filter.status() != null) {
            where.add("m.status = :status");
            params.put("status", filter.status());
        }
        if (filter.open() != null) {
            where.add(filter.open() ? "m.status in :open" : "m.status not in :open");
            params.put("open", MatterStatus.OPEN);
        }
        if (after != null) {
            where.add("(m.createdAt > :afterKey or (m.createdAt = :afterKey and m.id > :afterId))");
            params.put("afterKey", after.instantKey(0));
            params.put("afterId", after.uuidKey(1));
        }
        String jpql = "select m from RegulatoryMatter m"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by m.createdAt, m.id";
        TypedQuery<RegulatoryMatter> query =
                getEntityManager().createQuery(jpql, RegulatoryMatter.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The open matters of a deal. Whether one blocks completion depends on the regime version in force on the matter's
     * day, which the regime's columns (the version in force when it was last written) cannot tell: the caller decides.
     */
    public List<RegulatoryMatter> openFor(UUID dealId) {
        return list("dealId = ?1 and status in ?2 order by createdAt, id", dealId, MatterStatus.OPEN);
    }

    public static List<String> cursorKeys(RegulatoryMatter m) {
        return List.of(m.createdAt.toString(), m.id.toString());
    }
}
