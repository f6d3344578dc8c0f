package com.dealradar.region.api;

import com.dealradar.region.domain.DealFacts;
import com.dealradar.region.domain.RegimeKind;
import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.TriggerOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RegulatoryAssessment", description = "Which regimes a deal triggers and why")
public record AssessmentView(
        DealFacts facts,
        @Schema(description = "Every regime of the regions the deal touches: triggered first, then possibly triggered, then not triggered")
        List<RegimeResult> regimes,
        @Schema(description = "Codes of the regimes triggered", examples = "[\"UK-NSIA\"]") List<String> triggered,
        @Schema(description = "Codes of the regimes possibly triggered (facts or thresholds missing)") List<String> possiblyTriggered,
        @Schema(description = "A triggered or possibly triggered regime is mandatory and suspensory: completion must wait for clearance")
        boolean completionMustWait,
        @Schema(description = "Regions the deal touches for which DealRadar holds no regimes", examples = "[\"US\"]")
        List<String> regionsWithoutRegimes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegimeResult", description = "The answer for one regime")
    public record RegimeResult(
            UUID regimeId,
            @Schema(examples = "UK-NSIA") String regimeCode,
            String regimeName,
            @Schema(examples = "GB") String regionCode,
            RegimeKind kind,
            @Schema(description = "Authority in charge on the deal date") String authority,
            boolean mandatory,
            boolean suspensory,
            TriggerOutcome outcome,
            @Schema(description = "The rule that decided the outcome") String ruleCode,
            @Schema(description = "Why, condition by condition") List<String> reasons,
            @Schema(description = "Statutory clocks that would apply (when triggered or possibly triggered)") List<StatutoryClock> clocks) {
    }
}
