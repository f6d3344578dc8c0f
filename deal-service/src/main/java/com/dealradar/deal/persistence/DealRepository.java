package com.dealradar.deal.persistence;

import com.dealradar.deal.domain.Deal;
import com.dealradar.platform.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
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
        // A company's deals in announced order are read from deal_company, whose (company, status, announced date,
        // deal) index holds them in that order: the page is an index range however many deals the company has. The
        // other orders, and role filters, check participation per deal (deal_participant).
        boolean byParticipatingCompany = filter.company() != null
                && filter.role() == null
                && (sort == DealSort.announced || sort == DealSort.announcedDesc);
        String from = byParticipatingCompany ? "Deal d join d.participatingCompanies c" : "Deal d";
        String sortColumn = byParticipatingCompany ? "c.announcedOn" : sort.column;
        if (byParticipatingCompany) {
            where.add("c.companyId = :company");
            params.put("company", filter.company());
        } else if (filter.company() != null || filter.role() != null) {
            List<String> on = new ArrayList<>();
            if (filter.company() != null) {
                on.add("p.companyId = :company");
                params.put("company", filter.company());
            }
            if (filter.role() != null) {
                on.add("p.role = :role");
                params.put("role", filter.role());
            }
            where.add("d.id in (select d2.id from Deal d2 join d2.participants p where " + String.join(" and ", on)
                    + ")");
        }
        if (filter.type() != null) {
            where.add("d.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.add((byParticipatingCompany ? "c" : "d") + ".status = :status");
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
        Object afterKey = null;
        UUID afterId = null;
        boolean inNullBlock = false;
        if (after != null) {
            String key = after.keys().get(0);
            afterId = after.uuidKey(1);
            inNullBlock = sort.nullable && key.equals(NULL_KEY);
            afterKey = inNullBlock ? null : sortKey(sort, after);
        }
        if (!sort.nullable) {
            return run(
                    from,
                    where,
                    params,
                    keyset(sortColumn, op, afterKey, afterId),
                    sortColumn + " " + sort.direction + ", d.id " + sort.direction,
                    limit);
        }
        // Deals without the sort value come last in both directions. Read as two ranges, each an ordered index range
        // (status, sort column, id) that the keyset condition bounds: the deals with a value after the cursor, then,
        // if the page is not full, the trailing block without one. (One query with "... or column is null" in its
        // keyset condition cannot be bounded by an index: page 1,000 of a walk then scans everything before it.)
        List<Deal> page = new ArrayList<>();
        if (!inNullBlock) {
            List<String> valued = new ArrayList<>(where);
            valued.add(sortColumn + " is not null");
            page.addAll(run(
                    from,
                    valued,
                    params,
                    keyset(sortColumn, op, afterKey, afterId),
                    sortColumn + " " + sort.direction + ", d.id " + sort.direction,
                    limit));
        }
        if (page.size() < limit) {
            List<String> empty = new ArrayList<>(where);
            empty.add(sortColumn + " is null");
            Map<String, Object> emptyParams = new HashMap<>(params);
            if (inNullBlock) {
                empty.add("d.id " + op + " :afterId");
                emptyParams.put("afterId", afterId);
            }
            page.addAll(run(from, empty, emptyParams, null, "d.id " + sort.direction, limit - page.size()));
        }
        return page;
    }

    /** Rows after ({@code afterKey}, {@code afterId}): bounded by the sort key itself so that an index range starts there. */
    private static Keyset keyset(String column, String op, Object afterKey, UUID afterId) {
        if (afterKey == null) {
            return null;
        }
        return new Keyset(
                "(" + column + " " + op + "= :afterKey and (" + column + " " + op + " :afterKey or d.id " + op
                        + " :afterId))",
                afterKey,
                afterId);
    }

    private record Keyset(String condition, Object afterKey, UUID afterId) {}

    private List<Deal> run(
            String from, List<String> where, Map<String, Object> params, Keyset keyset, String order, int limit) {
        List<String> conditions = new ArrayList<>(where);
        Map<String, Object> values = new HashMap<>(params);
        if (keyset != null) {
            conditions.add(keyset.condition());
            values.put("afterKey", keyset.afterKey());
            values.put("afterId", keyset.afterId());
        }
        String jpql = "select d from " + from
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + order;
        TypedQuery<Deal> query =
                getEntityManager().createQuery(jpql, Deal.class).setMaxResults(limit);
        values.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The cursor's sort key as a value of the sort's column; a tampered cursor, or one whose key no column could hold, is
     * a 400, not a 500.
     */
    private static Object sortKey(DealSort sort, Cursor after) {
        return switch (sort) {
            case announced, announcedDesc -> after.dateKey(0);
            case valueUsd, valueUsdDesc -> after.decimalKey(0);
            case updatedAt, updatedAtDesc -> after.instantKey(0);
        };
    }
}
