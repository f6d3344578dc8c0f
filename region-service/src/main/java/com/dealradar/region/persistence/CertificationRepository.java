package com.dealradar.region.persistence;

import com.dealradar.platform.paging.Cursor;
import com.dealradar.region.domain.Certification;
import com.dealradar.region.domain.CertificationScheme;
import com.dealradar.region.domain.CertificationStatus;
import com.dealradar.region.domain.RegionalToday;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<Certification, UUID> {

    public static final String SORT = "createdAt";

    public record Filter(Set<UUID> companyIds, CertificationScheme scheme, CertificationStatus status, String region) {}

    /**
     * Certifications in creation order (then id). The status filter uses the status as of {@code today} in each
     * certification's region: an attested or qualified certification whose validity has passed there is expired.
     */
    public List<Certification> search(Filter filter, RegionalToday today, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.companyIds() != null && !filter.companyIds().isEmpty()) {
            where.add("c.companyId in :companies");
            params.put("companies", filter.companyIds());
        }
        if (filter.scheme() != null) {
            where.add("c.scheme = :scheme");
            params.put("scheme", filter.scheme());
        }
        if (filter.region() != null) {
            where.add("c.regionCode = :region");
            params.put("region", filter.region());
        }
        if (filter.status() != null) {
            if (filter.status() == CertificationStatus.expired) {
                where.add("(c.status = :expired or " + lapsed(today, params) + ")");
                params.put("expired", CertificationStatus.expired);
            } else if (Certification.LAPSING.contains(filter.status())) {
                where.add("c.status = :status and (c.validTo is null or "
                        + RegionalDates.compare("c.validTo", ">=", "c.regionCode", today, "today", params) + ")");
                params.put("status", filter.status());
            } else {
                where.add("c.status = :status");
                params.put("status", filter.status());
            }
        }
        if (after != null) {
            where.add("(c.createdAt > :afterKey or (c.createdAt = :afterKey and c.id > :afterId))");
            params.put("afterKey", after.instantKey(0));
            params.put("afterId", after.uuidKey(1));
        }
        String jpql = "select c from Certification c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.createdAt, c.id";
        TypedQuery<Certification> query =
                getEntityManager().createQuery(jpql, Certification.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Attested or qualified certifications whose validity ended before today in their region and not before
     * {@code since}: those that lapsed lately (the expiry events).
     */
    public List<Certification> lapsedSince(RegionalToday today, LocalDate since) {
        Map<String, Object> params = new HashMap<>();
        params.put("since", since);
        TypedQuery<Certification> query = getEntityManager()
                .createQuery(
                        "from Certification c where " + lapsed(today, params) + " and c.validTo >= :since",
                        Certification.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** JPQL: the certification has lapsed (attested or qualified, its validity ended before today in its region). */
    private static String lapsed(RegionalToday today, Map<String, Object> params) {
        params.put("lapsing", Certification.LAPSING);
        return "(c.status in :lapsing and "
                + RegionalDates.compare("c.validTo", "<", "c.regionCode", today, "today", params) + ")";
    }

    public static List<String> cursorKeys(Certification c) {
        return List.of(c.createdAt.toString(), c.id.toString());
    }
}
