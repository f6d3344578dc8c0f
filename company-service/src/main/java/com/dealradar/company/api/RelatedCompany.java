package com.dealradar.company.api;

import com.dealradar.company.domain.OwnershipLinkType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A parent or a holding of a company, through one ownership link")
public record RelatedCompany(
        @Schema(description = "The ownership link", required = true)
        UUID linkId,

        @Schema(
                description =
                        "The other company of the link: the owner among parents, the owned company among subsidiaries",
                required = true)
        CompanyRef company,

        @Schema(description = "How the owner holds the owned company", required = true)
        OwnershipLinkType type,

        @Schema(description = "Share of capital held, in percent; null when unknown", examples = "100")
        BigDecimal stakePercent,

        @Schema(description = "First day of the holding (inclusive); null when unknown")
        LocalDate validFrom,

        @Schema(description = "Last day of the holding (inclusive); null while it lasts")
        LocalDate validTo) {}
