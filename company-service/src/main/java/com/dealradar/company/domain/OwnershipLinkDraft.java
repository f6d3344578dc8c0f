package com.dealradar.company.domain;

import com.dealradar.platform.provenance.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An ownership link as a write states it: {@code ownerId} holds {@code ownedId}. */
public record OwnershipLinkDraft(
        UUID ownerId,
        UUID ownedId,
        OwnershipLinkType type,
        BigDecimal stakePercent,
        LocalDate validFrom,
        LocalDate validTo,
        List<Source> sources) {}
