package com.dealradar.company.domain;

import com.dealradar.platform.provenance.Source;
import java.util.List;
import java.util.Set;

/**
 * A company as a write states it (create, replace): the command {@link CompanyService} applies its rules to. The
 * HTTP shape ({@code api.CompanyInput}) maps to it; absent optional values are null or empty.
 */
public record CompanyDraft(
        String slug,
        String name,
        String legalName,
        List<String> aliases,
        String country,
        String headquartersCity,
        CompanyKind kind,
        Set<Sector> sectors,
        Ownership ownership,
        List<StockListing> listings,
        String lei,
        String wikidataQid,
        String description,
        CompanyStatus status,
        List<Source> sources) {}
