package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.platform.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One caller's burst of failing requests (bad input the backend refuses with 4xx problems, and requests it
 * answers with a 500 problem) must not open the backend's circuit breaker: another caller's requests keep
 * succeeding throughout. Only failures of the backend itself (timeouts, refused connections, 5xx without a
 * problem body) count; {@link FaultInjectionTest} shows those still open it.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(PatientBackends.class)
class BreakerIsolationTest extends GatewayTestBase {

    static final int BURST = 60;
    static final int OTHER_CALLER = 40;

    @Inject
    com.dealradar.gateway.client.Backends backends;

    @Test
    void aBurstOfBadRequestsOfOneCallerDoesNotTripTheBreakerForAnother() throws Exception {
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        Backends.deal()
                .stubFor(
                        get(urlPathEqualTo("/deals"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(400)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://dealradar.dev/problems/bad-parameter\",\"status\":400,\"detail\":\"limit: not a number\"}")));
        Backends.deal()
                .stubFor(
                        post(urlPathEqualTo("/deals"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(500)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://dealradar.dev/problems/internal\",\"status\":500,\"detail\":\"a bug this input triggers\"}")));
        String badCaller = KeycloakTokens.bearer("analyst");
        String goodCaller = KeycloakTokens.bearer("viewer");

        Map<Integer, Integer> burst = new TreeMap<>();
        Map<Integer, Integer> other = new TreeMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> bad = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                boolean write = i % 2 == 0;
                bad.add(pool.submit(() -> write
                        ? given().header("Authorization", badCaller)
                                .contentType("application/json")
                                .body("{\"title\": \"x\"}")
                                .post("/api/v1/deals")
                                .statusCode()
                        : given().header("Authorization", badCaller)
                                .get("/api/v1/deals?limit=abc")
                                .statusCode()));
            }
            for (int i = 0; i < OTHER_CALLER; i++) {
                other.merge(
                        given().header("Authorization", goodCaller)
                                .get("/api/v1/deals/" + DEAL_ID)
                                .statusCode(),
                        1,
                        Integer::sum);
            }
            for (Future<Integer> answer : bad) {
                burst.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
        }
        BackendClient deals = backends.client("deal-service");
        System.out.printf(
                "breaker isolation: bad caller %d requests by status %s; other caller %d requests by status %s; "
                        + "deal-service circuit %s%n",
                BURST, burst, OTHER_CALLER, other, deals.circuitState());
        assertThat(burst).isEqualTo(Map.of(400, BURST / 2, 500, BURST / 2));
        assertThat(other).isEqualTo(Map.of(200, OTHER_CALLER));
        assertThat(deals.circuitState()).isEqualTo(CircuitBreakerState.CLOSED);
    }
}
