package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party of a deal as far as an assessment needs it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DealParty", description = "A party of a deal: its role, country and sectors")
public record DealParty(
        @Schema(description = "company-service id, if known")
        UUID companyId,

        @Size(max = 200) @Schema(description = "Name of the company", examples = "Alibaba Cloud")
        String name,

        @NotNull @Schema(description = "Its role in the deal", required = true, examples = "acquirer")
        PartyRole role,

        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CN")
        @Schema(description = "Its country (ISO 3166-1 alpha-2)", examples = "CN", required = true)
        String country,

        @Size(max = 14) @Schema(description = "Sectors it is active in")
        Set<@NotNull Sector> sectors) {

    public Set<Sector> sectorsOrEmpty() {
        return sectors == null ? Set.of() : sectors;
    }
}
