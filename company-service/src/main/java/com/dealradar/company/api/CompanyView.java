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
        @Schema(examples = "6a1bf7c0-3d3f-3b8e-8f0e-3f1c1d2a4b5c", required = true)
        UUID id,

        @Schema(
                description =
                        "Readable unique id (lower-case words joined by hyphens), usable instead of the id in paths",
                examples = "alibaba-group",
                required = true)
        String slug,

        @Schema(description = "Common name", examples = "Alibaba Group", required = true)
        String name,

        @Schema(description = "Registered legal name; absent when not recorded")
        String legalName,

        @Schema(description = "Other names it is known by, searched like the name; empty when none", required = true)
        List<String> aliases,

        @Schema(
                description = "Country of incorporation or headquarters (ISO 3166-1 alpha-2)",
                examples = "CN",
                required = true)
        String country,

        @Schema(description = "Headquarters city; absent when not recorded")
        String headquartersCity,

        @Schema(
                description = "What the company is within its group: the group itself, a subsidiary or a division",
                required = true)
        CompanyKind kind,

        @Schema(description = "Sectors it is active in; empty when none recorded", required = true)
        Set<Sector> sectors,

        @Schema(
                description =
                        "Ownership at the top of the group (public, private, state_owned or mixed); absent when unknown")
        Ownership ownership,

        @Schema(
                description = "Stock listings of its shares; empty when it is not listed or none is recorded",
                required = true)
        List<StockListing> listings,

        @Schema(description = "External identifiers (LEI, Wikidata item id); absent when it has none")
        Identifiers identifiers,

        @Schema(description = "Short description; absent when none")
        String description,

        @Schema(
                description =
                        "active, or archived (companies are archived, never deleted: deals and matters keep referring to them)",
                required = true)
        CompanyStatus status,

        @Schema(required = true) List<Source> sources,

        @Schema(description = "Companies that own this one (through subsidiary, division, JV or minority links)")
        List<RelatedCompany> parents,

        @Schema(description = "Companies this one owns or holds a stake in")
        List<RelatedCompany> subsidiaries,

        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
