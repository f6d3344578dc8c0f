package com.dealradar.deal.client;

import com.dealradar.platform.client.DependencyConfig;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks region-service whether a deal may complete. Open blocking matters give a 409 problem naming them;
 * no answer (down, slow, circuit open, any non-200) gives a 503 problem with Retry-After.
 */
@ApplicationScoped
public class ClearanceChecks {

    private static final Logger LOG = Logger.getLogger(ClearanceChecks.class);

    private final RegionClient client;
    private final ClearanceCheckConfig checks;
    private final DependencyConfig config;

    ClearanceChecks(@RestClient RegionClient client, ClearanceCheckConfig checks, DependencyConfig config) {
        this.client = client;
        this.checks = checks;
        this.config = config;
    }

    public void requireClearToComplete(UUID dealId) {
        if (!checks.enabled()) {
            return;
        }
        RegionClient.Clearance clearance;
        try {
            clearance = client.clearance(dealId);
        } catch (RuntimeException e) {
            LOG.warnf("region-service could not be asked about deal %s: %s", dealId, e.toString());
            throw ProblemException.unavailable(
                    "region-service cannot be reached to check the deal's regulatory clearance; nothing was written, retry later",
                    config.retryAfter());
        }
        if (clearance == null) {
            throw ProblemException.unavailable(
                    "region-service gave an empty answer; nothing was written, retry later", config.retryAfter());
        }
        if (clearance.clear()) {
            return;
        }
        List<RegionClient.BlockingMatter> matters =
                clearance.blockingMatters() == null ? List.of() : clearance.blockingMatters();
        List<FieldViolation> errors = matters.stream()
                .map(m -> new FieldViolation("status", "blocked by regulatory matter " + m.id() + ": " + describe(m)))
                .toList();
        String detail = matters.isEmpty()
                ? "The deal cannot complete: region-service reports it is not cleared"
                : "The deal cannot complete while these regulatory matters are open: "
                        + matters.stream().map(ClearanceChecks::describe).collect(Collectors.joining("; "));
        throw new ProblemException(ProblemType.CONFLICT, detail, errors, Map.of());
    }

    /**
     * A deal with regulatory matters keeps them: deleting it would leave matters (deadlines in calendars, counts in
     * region overviews) about a deal that no longer exists. 409 naming them; 503 when region-service cannot say.
     */
    public void requireNoRegulatoryMatters(UUID dealId) {
        RegionClient.MatterPage page;
        try {
            page = client.mattersOf(dealId, 20);
        } catch (RuntimeException e) {
            LOG.warnf("region-service could not be asked about the matters of deal %s: %s", dealId, e.toString());
            throw ProblemException.unavailable(
                    "region-service cannot be reached to check the deal's regulatory matters; nothing was deleted, retry later",
                    config.retryAfter());
        }
        List<RegionClient.Matter> matters = page == null || page.items() == null ? List.of() : page.items();
        if (matters.isEmpty()) {
            return;
        }
        throw new ProblemException(
                ProblemType.CONFLICT,
                "The deal has regulatory matters ("
                        + matters.stream()
                                .map(m -> m.id() + " in " + m.regionCode() + ", " + m.status())
                                .collect(Collectors.joining("; "))
                        + (matters.size() == 20 ? "; and more" : "")
                        + "): a deal with a regulatory history is not deleted",
                List.of(new FieldViolation("id", "has regulatory matters")),
                Map.of());
    }

    private static String describe(RegionClient.BlockingMatter m) {
        return m.regimeCode() + (m.regimeName() == null ? "" : " (" + m.regimeName() + ")") + " in " + m.regionCode()
                + ", status " + m.status()
                + (m.periodEndedOn() == null
                        ? ""
                        : " (its statutory period ended on " + m.periodEndedOn()
                                + " with no decision recorded: record the authority's outcome, or the clearance the"
                                + " law gives when it does not decide in time)");
    }
}
