package com.dealradar.company.api;

import com.dealradar.company.domain.OwnershipLinkType;
import com.dealradar.platform.provenance.Source;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OwnershipLink", description = "owner holds owned")
public record OwnershipLinkView(
        @Schema(required = true) UUID id,

        @Schema(description = "The owning company", required = true)
        CompanyRef owner,

        @Schema(description = "The owned company", required = true)
        CompanyRef owned,

        @Schema(description = "How the owner holds the owned company", required = true)
        OwnershipLinkType type,

        @Schema(description = "Share of capital held, in percent; null when unknown")
        BigDecimal stakePercent,

        @Schema(description = "First day of the holding (inclusive); null when unknown")
        LocalDate validFrom,

        @Schema(description = "Last day of the holding (inclusive); null while it lasts")
        LocalDate validTo,

        @Schema(required = true) List<Source> sources,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
