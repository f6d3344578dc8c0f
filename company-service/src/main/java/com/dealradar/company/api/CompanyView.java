package com.dealradar.company.api;

import com.dealradar.company.domain.CompanyKind;
import com.dealradar.company.domain.CompanyStatus;
import com.dealradar.company.domain.Ownership;
import com.dealradar.company.domain.Sector;
import com.dealradar.company.domain.StockListing;
import com.dealradar.platform.provenance.Source;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Company", description = "A company. parents and subsidiaries are present on single reads only.")
public record CompanyView(
        @Schema(examples = "6a1bf7c0-3d3f-3b8e-8f0e-3f1c1d2a4b5c")
        UUID id,

        @Schema(examples = "alibaba-group") String slug,
        @Schema(examples = "Alibaba Group") String name,
        String legalName,
        List<String> aliases,
        @Schema(examples = "CN") String country,
        String headquartersCity,
        CompanyKind kind,
        Set<Sector> sectors,
        Ownership ownership,
        List<StockListing> listings,
        Identifiers identifiers,
        String description,
        CompanyStatus status,
        List<Source> sources,

        @Schema(description = "Companies that own this one (through subsidiary, division, JV or minority links)")
        List<RelatedCompany> parents,

        @Schema(description = "Companies this one owns or holds a stake in")
        List<RelatedCompany> subsidiaries,

        Instant createdAt,
        Instant updatedAt) {}
