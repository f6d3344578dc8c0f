package com.dealradar.deal.api;

import com.dealradar.deal.domain.Confidence;
import com.dealradar.deal.domain.DealDraft;
import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.DealType;
import com.dealradar.deal.domain.Money;
import com.dealradar.deal.domain.PartialDate;
import com.dealradar.deal.domain.Participant;
import com.dealradar.platform.provenance.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deal as clients write it: the body of POST and PUT, and what a PATCH is merged into. */
@Schema(
        name = "DealInput",
        description =
                "A deal as written by clients (POST, PUT). "
                        + "status is the initial status on POST; afterwards it changes only through POST /deals/{id}/status-changes.")
public record DealInput(
        @NotBlank
        @Size(max = 200)
        @Schema(
                description = "Short description of the deal",
                examples = "Alibaba's rumoured acquisition of ZTEsoft from ZTE",
                required = true)
        String title,

        @NotNull @Schema(description = "Kind of deal", required = true)
        DealType type,

        @Schema(description = "Initial status on POST (default announced). On PUT/PATCH it must be the current status.")
        DealStatus status,

        @NotNull @Schema(description = "How sure the facts are", required = true)
        Confidence confidence,

        @Valid @Schema(description = "When it was announced (or first reported, for rumours)")
        PartialDate announced,

        @Valid @Schema(description = "When it completed") PartialDate completed,
        @Valid @Schema(description = "Value of the deal") Money value,

        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @Schema(description = "Stake acquired, in percent", examples = "100")
        BigDecimal stakePercent,

        @Size(max = 30)
        @Schema(
                description = "ISO 3166-1 alpha-2 codes of the regions whose regulators the deal touches (EU allowed)",
                examples = "[\"CN\"]")
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CN") String>
                regions,

        @NotEmpty @Size(max = 50) @Schema(description = "The companies taking part and their roles", required = true)
        List<@NotNull @Valid Participant> participants,

        @Size(max = 4000) @Schema(description = "What the deal is about")
        String description,

        @Size(max = 50) @Schema(description = "Where these facts come from")
        List<@NotNull @Valid Source> sources) {

    /** The command the domain applies its rules to. */
    public DealDraft toDraft() {
        return new DealDraft(
                title,
                type,
                status,
                confidence,
                announced,
                completed,
                value,
                stakePercent,
                regions,
                participants,
                description,
                sources);
    }
}
