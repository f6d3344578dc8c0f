package com.dealradar.company.persistence;

import com.dealradar.company.domain.CompanyKind;
import com.dealradar.company.domain.CompanyStatus;
import com.dealradar.company.domain.Ownership;
import com.dealradar.company.domain.Sector;
import java.util.Set;
import java.util.UUID;

/** Filters of the company list; null means "any". */
public record CompanyFilter(
        String namePrefix,
        String country,
        Sector sector,
        CompanyKind kind,
        Ownership ownership,
        CompanyStatus status,
        Set<UUID> ids) {

    /** A name prefix and nothing else: the search box's query. */
    public boolean onlyNamePrefix() {
        return namePrefix != null
                && country == null
                && sector == null
                && kind == null
                && ownership == null
                && status == null
                && ids == null;
    }
}
