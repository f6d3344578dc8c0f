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
        @Schema(examples = "973a4522-3530-5077-b71c-a59a70f0ce3f", required = true)
        UUID id,

        @Schema(
                description = "Short description of the deal",
                examples = "Alibaba's rumoured acquisition of ZTEsoft from ZTE",
                required = true)
        String title,

        @Schema(description = "Kind of deal", required = true)
        DealType type,

        @Schema(
                description =
                        "Where the deal stands now; it changes only through status changes (see allowedNextStatuses)",
                required = true)
        DealStatus status,

        @Schema(
                description = "The statuses the deal may change to next (POST /deals/{id}/status-changes)",
                required = true)
        Set<DealStatus> allowedNextStatuses,

        @Schema(
                description =
                        "How sure the facts are: rumored (unnamed sources), reported (by a credible publication) or "
                                + "confirmed (by a party or an official record)",
                required = true)
        Confidence confidence,

        @Schema(
                description =
                        "When it was announced (or first reported, for rumours), with its precision; absent when unknown")
        PartialDate announced,

        @Schema(
                description =
                        "When it completed, with its precision; absent while it has not completed or when the date is unknown")
        PartialDate completed,

        @Schema(
                description =
                        "Value of the deal: an amount or a range, with its USD equivalent when known; absent when unknown")
        Money value,

        @Schema(
                description =
                        "The USD figure value filters and the value sort use: value.amountUsd, else the midpoint of "
                                + "the USD range, else the amount (or range midpoint) when the currency is USD",
                examples = "368000000")
        String valueUsd,

        @Schema(description = "Stake acquired, in percent; absent when not applicable or unknown", examples = "100")
        BigDecimal stakePercent,

        @Schema(
                description = "ISO 3166-1 alpha-2 codes (or EU) of the regions whose regulators the deal touches, in "
                        + "alphabetical order",
                examples = "[\"CN\"]",
                required = true)
        List<String> regions,

        @Schema(description = "The companies taking part (ids in company-service) and their roles", required = true)
        List<Participant> participants,

        @Schema(description = "What the deal is about; absent when none")
        String description,

        @Schema(required = true) List<Source> sources,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
