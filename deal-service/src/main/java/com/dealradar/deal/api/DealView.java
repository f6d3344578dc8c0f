package com.dealradar.deal.api;

import com.dealradar.deal.domain.Confidence;
import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.DealType;
import com.dealradar.deal.domain.Money;
import com.dealradar.deal.domain.PartialDate;
import com.dealradar.deal.domain.Participant;
import com.dealradar.platform.provenance.Source;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Deal", description = "A deal with its participants and sources")
public record DealView(
        @Schema(examples = "973a4522-3530-5077-b71c-a59a70f0ce3f")
        UUID id,

        String title,
        DealType type,
        DealStatus status,

        @Schema(description = "The statuses the deal may change to next (POST /deals/{id}/status-changes)")
        Set<DealStatus> allowedNextStatuses,

        Confidence confidence,
        PartialDate announced,
        PartialDate completed,
        Money value,

        @Schema(
                description =
                        "The USD figure value filters and the value sort use: value.amountUsd, else the midpoint of "
                                + "the USD range, else the amount (or range midpoint) when the currency is USD",
                examples = "368000000")
        String valueUsd,

        BigDecimal stakePercent,
        List<String> regions,
        List<Participant> participants,
        String description,
        List<Source> sources,
        Instant createdAt,
        Instant updatedAt) {}
