package com.dealradar.region.api;

import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.region.domain.Assessor;
import com.dealradar.region.domain.DealFacts;
import com.dealradar.region.domain.Regime;
import com.dealradar.region.domain.RegimeService;
import com.dealradar.region.domain.TriggerEvaluator;
import com.dealradar.region.domain.TriggerOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/regulatory-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class AssessmentResource {

    private final RegimeService regimes;
    private final Idempotency idempotency;

    AssessmentResource(RegimeService regimes, Idempotency idempotency) {
        this.regimes = regimes;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(
            operationId = "assessDeal",
            summary = "Which regimes does a deal trigger, and why?",
            description =
                    "Evaluates the trigger rules of every regime of the regions the deal touches (its regions and its parties' countries) "
                            + "against the facts, on the deal date: a 2018 UK deal falls under the Enterprise Act 2002, a 2023 one under the NSIA. "
                            + "Each regime is judged by the version of its rules (thresholds, clocks, member-state lists) in force on that date "
                            + "and the answer names the version (regimeVersion) and the authority of that date. "
                            + "Nothing is stored; an Idempotency-Key is accepted like on every POST.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = DealFacts.class),
                            examples = {
                                @ExampleObject(
                                        name = "UK acquisition 2023",
                                        value =
                                                "{\"dealType\": \"acquisition\", \"date\": \"2023-05-10\", \"regions\": [\"GB\"], \"stakePercent\": 60, "
                                                        + "\"parties\": [{\"name\": \"Alibaba Cloud\", \"role\": \"acquirer\", \"country\": \"CN\", \"sectors\": [\"cloud_provider\"]}, "
                                                        + "{\"name\": \"BT Global Services\", \"role\": \"target\", \"country\": \"GB\", \"sectors\": [\"telecom_operator\", \"it_services\"]}]}"),
                                @ExampleObject(
                                        name = "Market entry into China",
                                        value =
                                                "{\"dealType\": \"market_entry\", \"date\": \"2017-03-27\", \"regions\": [\"CN\"], "
                                                        + "\"parties\": [{\"name\": \"Vodafone Group\", \"role\": \"investor\", \"country\": \"GB\", \"sectors\": [\"telecom_operator\", \"cloud_provider\"]}]}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The assessment",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid facts")
    public Response assess(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull DealFacts facts) {
        return idempotency.execute(
                idempotencyKey,
                "POST /regulatory-assessments",
                facts,
                complete -> regimes.assess(
                        facts,
                        assessment -> complete.apply(
                                Response.ok(view(facts, assessment)).build())));
    }

    private static AssessmentView view(DealFacts facts, RegimeService.Assessment assessment) {
        Set<String> touched = assessment.touched();
        List<Regime> candidates = assessment.candidates();
        List<AssessmentView.RegimeResult> results = new ArrayList<>();
        for (Assessor.RegimeAnswer answer : assessment.answers()) {
            Regime regime = answer.regime();
            TriggerEvaluator.Verdict verdict = answer.verdict();
            boolean applies = verdict.outcome() != TriggerOutcome.not_triggered;
            results.add(new AssessmentView.RegimeResult(
                    regime.id,
                    regime.code,
                    regime.name,
                    regime.regionCode,
                    regime.kind,
                    answer.authority(),
                    verdict.mandatory(),
                    verdict.suspensory(),
                    verdict.completionMustWait(),
                    verdict.outcome(),
                    verdict.ruleCode(),
                    verdict.reasons(),
                    applies ? answer.version().clocksOrEmpty() : null,
                    AssessmentView.VersionRef.of(answer.version())));
        }
        Set<String> withRegimes = new TreeSet<>();
        candidates.forEach(r -> withRegimes.add(r.regionCode));
        List<String> without =
                touched.stream().filter(code -> !withRegimes.contains(code)).toList();
        List<String> triggered = results.stream()
                .filter(r -> r.outcome() == TriggerOutcome.triggered)
                .map(AssessmentView.RegimeResult::regimeCode)
                .toList();
        List<String> possibly = results.stream()
                .filter(r -> r.outcome() == TriggerOutcome.possibly_triggered)
                .map(AssessmentView.RegimeResult::regimeCode)
                .toList();
        return new AssessmentView(facts, results, triggered, possibly, assessment.completionMustWait(), without);
    }
}
