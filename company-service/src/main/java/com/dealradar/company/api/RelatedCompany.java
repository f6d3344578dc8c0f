package com.dealradar.company.api;

import com.dealradar.company.domain.OwnershipLinkType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A parent or a holding of a company, through one ownership link")
public record RelatedCompany(
        @Schema(description = "The ownership link") UUID linkId,
        CompanyRef company,
        OwnershipLinkType type,
        @Schema(examples = "100") BigDecimal stakePercent,
        LocalDate validFrom,
        LocalDate validTo) {}
