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
        UUID id,
        CompanyRef owner,
        CompanyRef owned,
        OwnershipLinkType type,
        BigDecimal stakePercent,
        LocalDate validFrom,
        LocalDate validTo,
        List<Source> sources,
        Instant createdAt,
        Instant updatedAt) {}
