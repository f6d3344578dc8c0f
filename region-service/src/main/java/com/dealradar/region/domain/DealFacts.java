package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The facts of a deal an assessment looks at. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DealFacts", description = "The facts of a deal that decide which regimes it triggers")
public record DealFacts(
        @Schema(description = "deal-service id, if the deal is recorded")
        UUID dealId,

        @NotNull @Schema(description = "Kind of deal", required = true, examples = "acquisition")
        DealType dealType,

        @NotNull
        @Schema(
                description = "Signing or announcement date: decides which regimes were in force",
                required = true,
                examples = "2023-05-10")
        LocalDate date,

        @Size(max = 50)
        @Schema(
                description =
                        "Countries where the deal's activity is (ISO 3166-1 alpha-2, or EU), besides the country of a company"
                                + " acquired, invested in, hosting or reselling, which counts without being named here; a"
                                + " partnership's market is named here",
                examples = "[\"GB\"]")
        Set<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB") String>
                regions,

        @NotEmpty
        @Size(max = 20)
        @Schema(description = "The companies taking part, with their roles and countries", required = true)
        List<@NotNull @Valid DealParty> parties,

        // Digits bound the scale too: 1e-999999999 is between 0 and 100, and writing it out in an answer ran out of
        // memory.
        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 6)
        @Schema(description = "Stake acquired, in percent", examples = "60")
        BigDecimal stakePercent,

        @Schema(description = "Whether the regimes' turnover or share-of-supply thresholds are met; absent: unknown")
        Boolean thresholdsMet) {}
