package com.dealradar.company.api;

import com.dealradar.company.domain.CompanyDraft;
import com.dealradar.company.domain.CompanyKind;
import com.dealradar.company.domain.CompanyStatus;
import com.dealradar.company.domain.Ownership;
import com.dealradar.company.domain.Sector;
import com.dealradar.company.domain.StockListing;
import com.dealradar.platform.provenance.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A company as clients write it: the body of POST and PUT, and what a PATCH is merged into. */
@Schema(name = "CompanyInput", description = "A company as written by clients (POST, PUT)")
public record CompanyInput(
        @Size(max = 80)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        @Schema(description = "Readable unique id; derived from the name when absent", examples = "alibaba-group")
        String slug,

        @NotBlank @Size(max = 200) @Schema(description = "Common name", examples = "Alibaba Group", required = true)
        String name,

        @Size(max = 300) @Schema(description = "Registered legal name", examples = "Alibaba Group Holding Limited")
        String legalName,

        @Size(max = 50)
        @Schema(
                description = "Other names it is known by; searched like the name",
                examples = "[\"Alibaba\", \"阿里巴巴\"]")
        List<@NotBlank @Size(max = 200) String> aliases,

        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CN")
        @Schema(
                description = "Country of incorporation or headquarters (ISO 3166-1 alpha-2)",
                examples = "CN",
                required = true)
        String country,

        @Size(max = 100) @Schema(description = "Headquarters city", examples = "Hangzhou")
        String headquartersCity,

        @NotNull @Schema(description = "What the company is within its group", required = true)
        CompanyKind kind,

        @Size(max = 20) @Schema(description = "Sectors it is active in")
        Set<@NotNull Sector> sectors,

        @Schema(description = "Ownership at the top of the group")
        Ownership ownership,

        @Size(max = 10) @Schema(description = "Stock listings")
        List<@NotNull @Valid StockListing> listings,

        @Valid @Schema(description = "External identifiers") Identifiers identifiers,

        @Size(max = 2000) @Schema(description = "Short description")
        String description,

        @Schema(
                description = "active or archived. A new company is active unless given. On PUT and PATCH, absent keeps"
                        + " the current status and active restores an archived company; archiving is POST"
                        + " /companies/{idOrSlug}/archive (409 here), which announces it with company.archived")
        CompanyStatus status,

        @Size(max = 50) @Schema(description = "Where these facts come from")
        List<@NotNull @Valid Source> sources) {

    /** The command the domain applies its rules to. */
    public CompanyDraft toDraft() {
        Identifiers ids = identifiers == null ? new Identifiers(null, null) : identifiers;
        return new CompanyDraft(
                slug,
                name,
                legalName,
                aliases,
                country,
                headquartersCity,
                kind,
                sectors,
                ownership,
                listings,
                ids.lei(),
                ids.wikidataQid(),
                description,
                status,
                sources);
    }
}
