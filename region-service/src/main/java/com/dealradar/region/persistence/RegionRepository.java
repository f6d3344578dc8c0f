package com.dealradar.region.persistence;

import com.dealradar.region.domain.Region;
import com.dealradar.region.domain.RegionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    /** Unions of countries (the EU): rules may name them where they mean "a member state on that date". */
    public List<Region> supranational() {
        return list("kind = ?1 order by code", RegionKind.supranational);
    }

    /** Regions in code order after {@code afterCode}. */
    public List<Region> page(String afterCode, int limit) {
        return (afterCode == null ? find("order by code") : find("code > ?1 order by code", afterCode))
                .page(0, limit)
                .list();
    }
}
