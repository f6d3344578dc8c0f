package com.dealradar.region.persistence;

import com.dealradar.region.domain.Regime;
import com.dealradar.region.domain.RegimeKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RegimeRepository implements PanacheRepositoryBase<Regime, UUID> {

    /**
     * What a list of regimes asks for. The flags are those of the version in force on {@code inForceOn} (today when
     * not given), which a regime's JSON versions hold: {@link #search} leaves them to its caller.
     */
    public record Filter(String region, RegimeKind kind, Boolean mandatory, Boolean suspensory, LocalDate inForceOn) {}

    /** Regime codes are upper-case (RegimeInput's rule), so a code is found whatever case a client writes it in. */
    public Optional<Regime> findByCode(String code) {
        return byCode(code).firstResultOptional();
    }

    /**
     * The regime a matter is filed under, its row share-locked until the matter's transaction ends: a move of the
     * regime to another region (which reads it with {@code PESSIMISTIC_WRITE}, {@link #find}) waits for the matter, and
     * then counts it, or the matter waits for the move, and then reads the regime where it now is.
     */
    public Optional<Regime> findByCodeForShare(String code) {
        return byCode(code).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    /** By {@code id} when given, else by {@code code}, read with {@code lock}. */
    public Optional<Regime> find(UUID id, String code, LockModeType lock) {
        return id != null
                ? findByIdOptional(id, lock)
                : byCode(code).withLock(lock).firstResultOptional();
    }

    private PanacheQuery<Regime> byCode(String code) {
        return find("code", code.toUpperCase(Locale.ROOT));
    }

    public boolean codeTaken(String code, UUID except) {
        return count("code = ?1 and id <> ?2", code, except == null ? new UUID(0, 0) : except) > 0;
    }

    public List<Regime> ofRegion(String regionCode) {
        return list("regionCode = ?1 order by code", regionCode);
    }

    public List<Regime> ofRegions(Collection<String> regionCodes) {
        return regionCodes.isEmpty() ? List.of() : list("regionCode in ?1 order by code", regionCodes);
    }

    /** Regimes in code order (codes are unique), after {@code afterCode}, by every filter but the flags. */
    public List<Regime> search(Filter filter, String afterCode, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.region() != null) {
            where.add("r.regionCode = :region");
            params.put("region", filter.region());
        }
        if (filter.kind() != null) {
            where.add("r.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.inForceOn() != null) {
            where.add(
                    "(r.inForceFrom is null or r.inForceFrom <= :day) and (r.inForceTo is null or r.inForceTo >= :day)");
            params.put("day", filter.inForceOn());
        }
        if (afterCode != null) {
            where.add("r.code > :after");
            params.put("after", afterCode);
        }
        String jpql = "select r from Regime r" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by r.code";
        TypedQuery<Regime> query =
                getEntityManager().createQuery(jpql, Regime.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
