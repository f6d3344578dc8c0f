package com.dealradar.region.persistence;

import com.dealradar.region.domain.Region;
import com.dealradar.region.domain.RegionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    /** Unions of countries (the EU): rules may name them where they mean "a member state on that date". */
    public List<Region> supranational() {
        return list("kind = ?1 order by code", RegionKind.supranational);
    }

    /** Every region's time zone (IANA id) by its code. */
    public Map<String, String> timeZones() {
        return getEntityManager()
                .createQuery("select r.code, r.timeZone from Region r", Object[].class)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    /** Regions in code order after {@code afterCode}. */
    public List<Region> page(String afterCode, int limit) {
        return (afterCode == null ? find("order by code") : find("code > ?1 order by code", afterCode))
                .page(0, limit)
                .list();
    }
}
