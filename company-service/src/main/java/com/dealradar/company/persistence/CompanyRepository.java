package com.dealradar.company.persistence;

import com.dealradar.company.domain.Company;
import com.dealradar.company.domain.SearchText;
import com.dealradar.platform.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public Optional<Company> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * Locks the companies' rows for the rest of the transaction (SELECT ... FOR UPDATE) and reads each again under its
     * lock, in id order: every writer that locks several companies takes them in this one order, so two writers with
     * overlapping sets wait for each other instead of deadlocking. Ids without a company are left out.
     */
    public Map<UUID, Company> lockInIdOrder(Collection<UUID> ids) {
        Map<UUID, Company> locked = new LinkedHashMap<>();
        for (UUID id : new TreeSet<>(ids)) {
            Company company = getEntityManager().find(Company.class, id);
            if (company != null) {
                getEntityManager().refresh(company, LockModeType.PESSIMISTIC_WRITE);
                locked.put(id, company);
            }
        }
        return locked;
    }

    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except == null ? new UUID(0, 0) : except) > 0;
    }

    public boolean identifierTaken(String column, String value, UUID except) {
        return value != null
                && count(column + " = ?1 and id <> ?2", value, except == null ? new UUID(0, 0) : except) > 0;
    }

    /** Up to {@code limit} companies matching {@code filter} in {@code sort} order, after {@code after} when given. */
    public List<Company> search(CompanyFilter filter, CompanySort sort, Cursor after, int limit) {
        if (sort == CompanySort.name && filter.onlyNamePrefix()) {
            return byNamePrefix(prefixPattern(filter.namePrefix()), after, limit);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // A name prefix is looked up first (prefix index on the search terms), then the matches are sorted: as a plain
        // semi-join PostgreSQL walks the whole sort index up to the names that match (336 ms for "telv" at 100,000
        // companies, bench/scale.sh), because it cannot know that matches cluster late in that order.
        String from = "Company c";
        String cte = "";
        if (filter.namePrefix() != null) {
            cte = "with matching as materialized (select distinct c2.id as id from Company c2 join c2.searchTerms t"
                    + " where t.term like :prefix escape '!') ";
            from = "Company c join matching m on m.id = c.id";
            params.put("prefix", prefixPattern(filter.namePrefix()));
        }
        if (filter.country() != null) {
            where.add("c.country = :country");
            params.put("country", filter.country());
        }
        if (filter.sector() != null) {
            where.add(":sector member of c.sectors");
            params.put("sector", filter.sector());
        }
        if (filter.kind() != null) {
            where.add("c.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.ownership() != null) {
            where.add("c.ownership = :ownership");
            params.put("ownership", filter.ownership());
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.ids() != null) {
            where.add("c.id in :ids");
            params.put("ids", filter.ids());
        }
        if (after != null) {
            String op = sort.direction.equals("asc") ? ">" : "<";
            where.add("(" + sort.column + " " + op + " :afterKey or (" + sort.column + " = :afterKey and c.id " + op
                    + " :afterId))");
            params.put("afterKey", sort == CompanySort.name ? after.keys().get(0) : after.instantKey(0));
            params.put("afterId", after.uuidKey(1));
        }
        String jpql = cte + "select c from " + from
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + sort.column + " " + sort.direction + ", c.id " + sort.direction;
        TypedQuery<Company> query =
                getEntityManager().createQuery(jpql, Company.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * A name-prefix search in name order, without other filters (the search box's query): the page's company ids come
     * from the prefix index alone, which holds each term's sort name and company id (db/postgresql/V5), so PostgreSQL
     * reads the matching index range and keeps the first {@code limit} in name order; only those companies are read.
     * Through the general query below, every matching company was read to be sorted (585 for "telv" at 100,000
     * companies, bench/scale.sh).
     */
    private List<Company> byNamePrefix(String pattern, Cursor after, int limit) {
        String sql =
                "select cast(company_id as varchar(36)) from company_search_term where term like :prefix escape '!'"
                        + (after == null
                                ? ""
                                : " and (sort_name > :afterKey or (sort_name = :afterKey and company_id > :afterId))")
                        + " group by sort_name, company_id order by sort_name, company_id";
        // No result class: Hibernate 7 keys its native-query interpretation cache on the result mapping, and the
        // mapping built for a result class per call does not equal the previous call's, so every call added an entry
        // and lookups compared them all (12% of company-service's CPU in a JFR profile of this search). The id comes as
        // text because the drivers' own types differ (PostgreSQL: UUID, H2: bytes).
        Query ids = getEntityManager()
                .createNativeQuery(sql)
                .setParameter("prefix", pattern)
                .setMaxResults(limit);
        if (after != null) {
            ids.setParameter("afterKey", after.keys().get(0)).setParameter("afterId", after.uuidKey(1));
        }
        List<UUID> page = ids.getResultList().stream()
                .map(id -> UUID.fromString((String) id))
                .toList();
        // The companies by id, in the page's order, through Hibernate's multi-id loader: one statement with the ids
        // as an array, whose SQL Hibernate keeps. A query with "id in (list)" was translated from HQL to SQL again on
        // every call (the SQL depends on the list's length): about a tenth of this search's CPU in a JFR profile. A
        // missing id (companies are not deleted today) would come back as null and is left out.
        return page.isEmpty()
                ? List.of()
                : getSession().findMultiple(Company.class, page).stream()
                        .filter(Objects::nonNull)
                        .toList();
    }

    /** A LIKE pattern for names starting with {@code prefix}: folded like the terms, wildcards escaped with '!'. */
    private static String prefixPattern(String prefix) {
        return SearchText.fold(prefix).replaceAll("([!%_])", "!$1") + "%";
    }
}
