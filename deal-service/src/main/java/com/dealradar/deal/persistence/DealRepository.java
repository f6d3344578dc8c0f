package com.dealradar.deal.persistence;

import com.dealradar.deal.domain.Deal;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DealRepository implements PanacheRepositoryBase<Deal, UUID> {

    /** Cursor key standing for "no value" (values never print as an empty string). */
    static final String NULL_KEY = "";

    /** Up to {@code limit} deals matching {@code filter} in {@code sort} order, after {@code after} when given. */
    public List<Deal> search(DealFilter filter, DealSort sort, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.company() != null || filter.role() != null) {
            List<String> on = new ArrayList<>();
            if (filter.company() != null) {
                on.add("p.companyId = :company");
                params.put("company", filter.company());
            }
            if (filter.role() != null) {
                on.add("p.role = :role");
                params.put("role", filter.role());
            }
            where.add("d.id in (select d2.id from Deal d2 join d2.participants p where " + String.join(" and ", on) + ")");
        }
        if (filter.type() != null) {
            where.add("d.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("d.status = :status");
            params.put("status", filter.status());
        }
        if (filter.confidence() != null) {
            where.add("d.confidence = :confidence");
            params.put("confidence", filter.confidence());
        }
        if (filter.region() != null) {
            where.add(":region member of d.regions");
            params.put("region", filter.region());
        }
        if (filter.announcedFrom() != null) {
            where.add("d.announcedOn >= :announcedFrom");
            params.put("announcedFrom", filter.announcedFrom());
        }
        if (filter.announcedTo() != null) {
            where.add("d.announcedOn <= :announcedTo");
            params.put("announcedTo", filter.announcedTo());
        }
        if (filter.valueUsdMin() != null) {
            where.add("d.valueUsd >= :valueUsdMin");
            params.put("valueUsdMin", filter.valueUsdMin());
        }
        if (filter.valueUsdMax() != null) {
            where.add("d.valueUsd <= :valueUsdMax");
            params.put("valueUsdMax", filter.valueUsdMax());
        }
        if (filter.ids() != null) {
            where.add("d.id in :ids");
            params.put("ids", filter.ids());
        }
        String op = sort.direction.equals("asc") ? ">" : "<";
        if (after != null) {
            String key = after.keys().get(0);
            params.put("afterId", QueryParams.asUuid(after.keys().get(1)).orElseThrow(DealRepository::notOurCursor));
            if (sort.nullable && key.equals(NULL_KEY)) {
                // already in the trailing block of deals without a value
                where.add("(" + sort.column + " is null and d.id " + op + " :afterId)");
            } else {
                where.add("(" + sort.column + " " + op + " :afterKey or (" + sort.column + " = :afterKey and d.id " + op
                        + " :afterId)" + (sort.nullable ? " or " + sort.column + " is null" : "") + ")");
                params.put("afterKey", parseKey(sort, key));
            }
        }
        String order = (sort.nullable ? "case when " + sort.column + " is null then 1 else 0 end, " : "")
                + sort.column + " " + sort.direction + ", d.id " + sort.direction;
        String jpql = "select d from Deal d"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + order;
        TypedQuery<Deal> query = getEntityManager().createQuery(jpql, Deal.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }


    /** The cursor's sort key as a value; a tampered cursor is a 400, not a 500. */
    private static Object parseKey(DealSort sort, String key) {
        try {
            return switch (sort) {
                case announced, announcedDesc -> LocalDate.parse(key);
                case valueUsd, valueUsdDesc -> new BigDecimal(key);
                case updatedAt, updatedAtDesc -> Instant.parse(key);
            };
        } catch (RuntimeException e) {
            throw notOurCursor();
        }
    }

    private static ProblemException notOurCursor() {
        return ProblemException.badParameter("cursor", "not a cursor this API issued; use nextCursor from a previous page");
    }
}
