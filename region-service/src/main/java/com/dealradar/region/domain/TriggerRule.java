package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One way a deal falls under a regime, as data: every condition given must hold (absent conditions are
 * not checked). A regime is triggered when any of its rules holds and it is in force on the deal date, and
 * the deal touches the regime's region (the region is among the deal's regions or a party's country).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TriggerRule", description = "One way a deal falls under a regime; every condition given must hold")
public record TriggerRule(
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9_]+", message = "must be lower-case letters, digits and _")
        @Schema(
                description = "Identifier of the rule within the regime",
                examples = "mandatory_notification",
                required = true)
        String code,

        @NotBlank
        @Size(max = 1000)
        @Schema(
                description = "The rule in words, as the statute puts it",
                examples =
                        "Acquisition of more than 25% of a qualifying entity active in communications or data infrastructure",
                required = true)
        String description,

        @Size(max = 8) @Schema(description = "Deal types it covers; absent: any")
        Set<@NotNull DealType> dealTypes,

        @Schema(
                description =
                        "The deal must take place in the regime's region: the region is among the deal's regions or is the country of the"
                                + " company acquired, invested in, hosting or reselling (not of a partner)")
        Boolean dealInRegion,

        @Schema(
                description =
                        "A party on the acquiring, investing, partnering or supplying side comes from outside the domestic countries")
        Boolean foreignParty,

        @Size(max = 60)
        @Schema(
                description =
                        "Countries treated as domestic for foreignParty besides the region itself (e.g. the EU for Germany's cross-sector review)")
        Set<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String>
                domesticCountries,

        @Schema(description = "A party on the target, investee, partner or host side is in the region")
        Boolean domesticTarget,

        @Size(max = 14)
        @Schema(description = "Sectors of which at least one must be present among the parties in sectorScope")
        Set<@NotNull Sector> sectors,

        @Schema(description = "Whose sectors count (default any_party)")
        SectorScope sectorScope,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 6)
        @Schema(description = "Minimum stake acquired, in percent: the stake must be at least this", examples = "25")
        BigDecimal minStakePercent,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 6)
        @Schema(
                description =
                        "Stake the acquired one must exceed, in percent (a statute's \"more than 25%\", NSIA s. 8(2)(a)): "
                                + "25.001 is caught, 25 is not. Give it or minStakePercent, not both",
                examples = "25")
        BigDecimal stakeAbovePercent,

        @Size(max = 1000)
        @Schema(
                description =
                        "Thresholds the facts cannot show (turnover, share of supply, operator designation): the deal only possibly triggers the rule unless thresholdsMet is given",
                examples = "Target UK turnover above GBP 70 m or a 25% share of supply")
        String thresholds,

        @Schema(
                description =
                        "Whether a deal this rule catches must be notified; absent: as the version (or the regime) says. "
                                + "False for a review the authority may open of its own motion (Germany's cross-sector review, AWV § 55)",
                examples = "false")
        Boolean mandatory,

        @Schema(
                description =
                        "Whether a deal this rule catches may not complete before clearance; absent: as the version (or the regime) says",
                examples = "false")
        Boolean suspensory) {

    public TriggerRule {
        dealTypes = Unmodifiable.set(dealTypes);
        domesticCountries = Unmodifiable.set(domesticCountries);
        sectors = Unmodifiable.set(sectors);
    }

    /** Whether filing is compulsory under this rule: its own flag, else {@code otherwise} (the version's). */
    public boolean mandatoryOr(boolean otherwise) {
        return mandatory != null ? mandatory : otherwise;
    }

    /** Whether completion waits for clearance under this rule: its own flag, else {@code otherwise} (the version's). */
    public boolean suspensoryOr(boolean otherwise) {
        return suspensory != null ? suspensory : otherwise;
    }
}
