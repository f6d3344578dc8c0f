package com.dealradar.deal.domain;

import com.dealradar.platform.provenance.Source;
import java.math.BigDecimal;
import java.util.List;

/**
 * A deal as a write states it (create, replace): the command {@link DealService} applies its rules to. The HTTP
 * shape ({@code api.DealInput}) maps to it. {@code status} is the initial status of a new deal; on a replacement
 * it must be absent or the current one.
 */
public record DealDraft(
        String title,
        DealType type,
        DealStatus status,
        Confidence confidence,
        PartialDate announced,
        PartialDate completed,
        Money value,
        BigDecimal stakePercent,
        List<String> regions,
        List<Participant> participants,
        String description,
        List<Source> sources) {}
