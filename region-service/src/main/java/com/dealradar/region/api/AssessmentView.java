package com.dealradar.region.api;

import com.dealradar.region.domain.DealFacts;
import com.dealradar.region.domain.RegimeKind;
import com.dealradar.region.domain.RegimeVersion;
import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.TriggerOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RegulatoryAssessment", description = "Which regimes a deal triggers and why")
public record AssessmentView(
        @Schema(description = "The facts assessed, as sent", required = true)
        DealFacts facts,

        @Schema(
                description =
                        "Every regime of the regions the deal touches: triggered first, then possibly triggered, then not triggered",
                required = true)
        List<RegimeResult> regimes,

        @Schema(description = "Codes of the regimes triggered", examples = "[\"UK-NSIA\"]", required = true)
        List<String> triggered,

        @Schema(description = "Codes of the regimes possibly triggered (facts or thresholds missing)", required = true)
        List<String> possiblyTriggered,

        @Schema(
                description =
                        "A rule the deal triggers or possibly triggers is mandatory and suspensory (completionMustWait of a"
                                + " regime): completion must wait for clearance",
                required = true)
        boolean completionMustWait,

        @Schema(
                description = "Regions the deal touches for which DealRadar holds no regimes",
                examples = "[\"US\"]",
                required = true)
        List<String> regionsWithoutRegimes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegimeResult", description = "The answer for one regime")
    public record RegimeResult(
            @Schema(description = "Id of the regime", required = true)
            UUID regimeId,

            @Schema(description = "Unique code of the regime", examples = "UK-NSIA", required = true)
            String regimeCode,

            @Schema(description = "Name of the law or regime", required = true)
            String regimeName,

            @Schema(description = "ISO 3166-1 alpha-2 code of the regime's region", examples = "GB", required = true)
            String regionCode,

            @Schema(description = "What the regime does", required = true)
            RegimeKind kind,

            @Schema(description = "Authority in charge on the deal date", required = true)
            String authority,

            @Schema(
                    description =
                            "Whether filing was compulsory on the deal date: under the rule that decided the outcome where the rule"
                                    + " says (Germany's cross-sector review is not), else under the version in force",
                    required = true)
            boolean mandatory,

            @Schema(
                    description =
                            "Whether completion had to wait on the deal date: under the rule that decided the outcome where the"
                                    + " rule says, else under the version in force",
                    required = true)
            boolean suspensory,

            @Schema(
                    description =
                            "A rule of this regime that the deal triggers or possibly triggers is mandatory and suspensory, the"
                                    + " deciding rule or another: completion must wait for clearance under this regime",
                    required = true)
            boolean completionMustWait,

            @Schema(
                    description =
                            "triggered, possibly_triggered (a rule would apply but facts it needs, such as the stake, the sectors or "
                                    + "whether thresholds are met, are not given) or not_triggered",
                    required = true)
            TriggerOutcome outcome,

            @Schema(description = "The rule that decided the outcome")
            String ruleCode,

            @Schema(description = "Why, condition by condition", required = true)
            List<String> reasons,

            @Schema(
                    description =
                            "Statutory clocks of the version used that would apply (when triggered or possibly triggered)")
            List<StatutoryClock> clocks,

            @Schema(
                    description = "The version of the regime's rules in force on the deal date, which this answer used",
                    required = true)
            VersionRef regimeVersion) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegimeVersionRef", description = "Which version of a regime's rules an answer used")
    public record VersionRef(
            @Schema(
                    description =
                            "Identifier of the version within the regime; single for a regime whose rules never changed",
                    examples = "CSRM-2022",
                    required = true)
            String code,

            @Schema(
                    description = "Name of the version: the instrument and when it took effect",
                    examples = "Cybersecurity Review Measures 2022 (in force 15 February 2022)",
                    required = true)
            String label,

            @Schema(description = "First day of this version; absent: from the regime's inForceFrom")
            LocalDate validFrom,

            @Schema(description = "Last day of this version; absent: still current")
            LocalDate validTo,

            @Schema(description = "The provision its numbers come from")
            String note) {

        public static VersionRef of(RegimeVersion v) {
            return new VersionRef(v.code(), v.label(), v.validFrom(), v.validTo(), v.note());
        }
    }
}
