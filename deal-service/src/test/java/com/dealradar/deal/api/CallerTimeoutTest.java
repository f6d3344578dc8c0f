package com.dealradar.deal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway tells deal-service how long it waits ({@code X-Request-Timeout-Ms}); deal-service does no work the
 * caller has stopped waiting for. A failing region-service is not retried past the caller's time, a completion whose
 * clearance came back too late is not committed (so the gateway's 504 means "not done", and a client's retry cannot
 * complete a deal twice), and what is left of the time goes on to region-service. Without the header, as before.
 */
@QuarkusTest
class CallerTimeoutTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    @AfterEach
    void closeCircuits() {
        circuitBreakers.resetAll();
    }

    @Test
    void aFailingDependencyIsNotRetriedPastTheCallersTime() {
        UUID withTime = created();
        UUID withoutLimit = created();
        for (UUID deal : List.of(withTime, withoutLimit)) {
            // region-service fails each clearance after 700 ms: with 1,200 ms to wait there is no time for a retry.
            FakeServices.server()
                    .stubFor(get(urlPathEqualTo("/clearances/" + deal))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(500).withFixedDelay(700)));
        }

        Response limited = complete(withTime, "1200");
        Response unlimited = complete(withoutLimit, null);

        List<LoggedRequest> limitedCalls = clearanceCalls(withTime);
        List<LoggedRequest> unlimitedCalls = clearanceCalls(withoutLimit);
        System.out.printf(
                "failing region-service: with 1200 ms to wait %d call(s), answer %d in %d ms; without a limit %d"
                        + " call(s), answer %d in %d ms; budget passed on: %s%n",
                limitedCalls.size(),
                limited.statusCode(),
                limited.time(),
                unlimitedCalls.size(),
                unlimited.statusCode(),
                unlimited.time(),
                limitedCalls.stream()
                        .map(call -> call.getHeader("X-Request-Timeout-Ms"))
                        .toList());
        assertThat(limited.statusCode()).isEqualTo(503);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limitedCalls)
                .as("calls to region-service with 1,200 ms to wait")
                .hasSize(1);
        long passedOn = Long.parseLong(limitedCalls.getFirst().getHeader("X-Request-Timeout-Ms"));
        assertThat(passedOn)
                .as("what was left of the caller's 1,200 ms, less the tenth kept for the answer")
                .isBetween(1L, 1080L);
        assertThat(unlimited.statusCode()).isEqualTo(503);
        assertThat(unlimitedCalls)
                .as("calls to region-service without a limit: the first and two retries")
                .hasSize(3);
        assertThat(unlimitedCalls.getFirst().containsHeader("X-Request-Timeout-Ms"))
                .as("no limit is passed on where the caller set none")
                .isFalse();
    }

    @Test
    void aWriteWhoseCallerStoppedWaitingIsNotCommitted() {
        UUID late = created();
        UUID inTime = created();
        for (UUID deal : List.of(late, inTime)) {
            // Clear, after 1,300 ms: within deal-service's 2.5 s for the call, after a caller that waits 1,000 ms.
            FakeServices.server()
                    .stubFor(get(urlPathEqualTo("/clearances/" + deal))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"clear\": true, \"blockingMatters\": []}")
                                    .withFixedDelay(1300)));
        }
        String lateTag = Json.etagOf(late.toString());

        Response tooLate = complete(late, "1000");
        Response waitedFor = complete(inTime, "10000");

        System.out.printf(
                "clearance after 1300 ms: caller waiting 1000 ms got %d (%s), caller waiting 10000 ms got %d%n",
                tooLate.statusCode(), tooLate.path("detail"), waitedFor.statusCode());
        assertThat(tooLate.statusCode()).isEqualTo(503);
        assertThat(tooLate.contentType()).startsWith("application/problem+json");
        assertThat(tooLate.header("Retry-After")).isNotBlank();
        // Refused at the commit, after region-service's one (late, clear) answer: not a failed call to it.
        assertThat((String) tooLate.path("detail")).contains("before the write could be committed");
        assertThat(clearanceCalls(late)).hasSize(1);
        given().get("/deals/" + late)
                .then()
                .statusCode(200)
                .header("ETag", lateTag)
                .body("status", org.hamcrest.Matchers.equalTo("announced"));
        given().get("/deals/" + late + "/history").then().body("items.size()", org.hamcrest.Matchers.equalTo(1));
        assertThat(waitedFor.statusCode()).isEqualTo(200);
        given().get("/deals/" + inTime).then().body("status", org.hamcrest.Matchers.equalTo("completed"));
    }

    private static Response complete(UUID deal, String timeoutMs) {
        var request = given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(deal.toString()))
                .body(Json.write(Json.map("status", "completed")));
        if (timeoutMs != null) {
            request = request.header("X-Request-Timeout-Ms", timeoutMs);
        }
        return request.post("/deals/" + deal + "/status-changes");
    }

    private static List<LoggedRequest> clearanceCalls(UUID deal) {
        return FakeServices.server().findAll(getRequestedFor(urlPathEqualTo("/clearances/" + deal)));
    }

    private static UUID created() {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }
}
