package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each backend slow, failing, down or answering garbage: pass-through and composite answers, and the circuit. */
@QuarkusTest
class FaultInjectionTest extends GatewayTestBase {

    enum Fault {
        SLOW,
        ERROR_500,
        /** The backend's own 503 problem (its database is down): "unavailable, retry later". */
        UNAVAILABLE_PROBLEM,
        REFUSED,
        GARBAGE
    }

    static void inject(WireMockServer server, Fault fault) {
        switch (fault) {
            case SLOW ->
                server.stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(okJson(EMPTY_PAGE).withFixedDelay(Backends.TIMEOUT_MS * 3)));
            case ERROR_500 ->
                server.stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500).withBody("<html>boom</html>")));
            case UNAVAILABLE_PROBLEM ->
                server.stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "application/problem+json")
                                .withHeader("Retry-After", "5")
                                .withBody("{\"type\":\"https://dealradar.dev/problems/dependency-unavailable\","
                                        + "\"status\":503,\"detail\":\"the database is unavailable\"}")));
            case REFUSED -> server.stop();
            case GARBAGE ->
                server.stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"items\": [tru")));
        }
    }

    static WireMockServer server(String backend) {
        return Backends.SERVERS.get(backend);
    }

    // ---- pass-through ----

    @ParameterizedTest
    @CsvSource({
        "company-service, /api/v1/companies/zte, SLOW, 504",
        "company-service, /api/v1/companies/zte, ERROR_500, 502",
        "company-service, /api/v1/companies/zte, REFUSED, 502",
        "deal-service, /api/v1/deals, SLOW, 504",
        "deal-service, /api/v1/deals, ERROR_500, 502",
        "deal-service, /api/v1/deals, REFUSED, 502",
        "region-service, /api/v1/regimes, SLOW, 504",
        "region-service, /api/v1/regimes, ERROR_500, 502",
        "region-service, /api/v1/regimes, REFUSED, 502"
    })
    void passThroughFailuresAreProblemsWithinTheTimeout(String backend, String path, Fault fault, int status) {
        WireMockServer server = server(backend);
        inject(server, fault);
        given().get(path)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("instance", equalTo(path));
        if (fault != Fault.REFUSED) {
            // A failing backend costs the caller one timeout at most: a request that timed out or got a 500 may have
            // run, so it is never sent again (a refused connection is retried once: it never ran).
            int calls = server.findAll(anyRequestedFor(anyUrl())).size();
            System.out.printf("pass-through %s %s: %d -> %d call(s) to the backend%n", backend, fault, status, calls);
            assertThat(calls).as("calls %s received for one request", backend).isEqualTo(1);
        }
    }

    // ---- composites: each backend in each fault, partial answer or 503 ----

    void stubHealthy() {
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        Backends.deal().stubFor(get(urlPathEqualTo("/deals")).willReturn(okJson("{\"items\":[" + DEAL + "]}")));
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        Backends.company()
                .stubFor(
                        get(urlEqualTo("/companies/alibaba-group"))
                                .willReturn(
                                        okJson(
                                                "{\"id\":\"" + ALIBABA
                                                        + "\",\"slug\":\"alibaba-group\",\"name\":\"Alibaba Group\",\"parents\":[],"
                                                        + "\"subsidiaries\":[{\"company\":{\"slug\":\"alibaba-cloud\"},\"type\":\"subsidiary\"}]}")));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(MATTERS)));
        Backends.region().stubFor(get(urlPathEqualTo("/certifications")).willReturn(okJson(CERTIFICATIONS)));
        Backends.region()
                .stubFor(get(urlEqualTo("/regions/CN")).willReturn(okJson("{\"code\":\"CN\",\"name\":\"China\"}")));
        Backends.region()
                .stubFor(get(urlPathEqualTo("/regimes")).willReturn(okJson("{\"items\":[{\"code\":\"CN-SAMR\"}]}")));
    }

    @Test
    void dossierComplete() {
        stubHealthy();
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .header("X-DealRadar-Missing-Parts", nullValue())
                .body("complete", equalTo(true))
                .body("deal.id", equalTo(DEAL_ID))
                .body("participants.company.slug", hasItem("ztesoft"))
                .body("participants.find { it.role == 'acquirer' }.company.name", equalTo("Alibaba Group"))
                .body("regulatoryMatters", hasSize(1))
                .body("certifications.regionCode", equalTo(java.util.List.of("CN")))
                .body("missing", nullValue());
        Backends.region().verify(getRequestedFor(urlEqualTo("/regulatory-matters?dealId=" + DEAL_ID + "&limit=200")));
    }

    @ParameterizedTest
    @CsvSource({"SLOW, 504", "ERROR_500, 502", "REFUSED, 503", "GARBAGE, 502"})
    void dossierWithoutRegionServiceIsPartial(Fault fault, int partStatus) {
        stubHealthy();
        inject(Backends.region(), fault);
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "false")
                .header("X-DealRadar-Missing-Parts", "regulatoryMatters,certifications")
                .body("complete", equalTo(false))
                .body("deal.id", equalTo(DEAL_ID))
                .body("participants.company.slug", hasItem("alibaba-group"))
                .body("regulatoryMatters", nullValue())
                .body("missing.part", equalTo(java.util.List.of("regulatoryMatters", "certifications")))
                .body("missing[0].status", equalTo(partStatus))
                .body("missing[0].service", equalTo("region-service"))
                .body("missing[0].instance", equalTo("/api/v1/deals/" + DEAL_ID + "/dossier"));
    }

    @ParameterizedTest
    @CsvSource({"SLOW", "ERROR_500", "REFUSED", "GARBAGE"})
    void dossierWithoutCompanyServiceIsPartial(Fault fault) {
        stubHealthy();
        inject(Backends.company(), fault);
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Missing-Parts", "participants.company")
                .body("participants.companyId", hasItem(ALIBABA))
                .body("participants.company", everyItem(nullValue()))
                .body("regulatoryMatters", hasSize(1));
    }

    /** Before, deal-service's own 503 problem became a 502 without Retry-After for the dossier (the deal read alone: 503). */
    @ParameterizedTest
    @CsvSource({"SLOW", "ERROR_500", "UNAVAILABLE_PROBLEM", "REFUSED", "GARBAGE"})
    void dossierWithoutDealServiceIs503(Fault fault) {
        stubHealthy();
        inject(Backends.deal(), fault);
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://dealradar.dev/problems/dependency-unavailable"));
    }

    @Test
    void dossierOfUnknownDealIs404() {
        stubHealthy();
        Backends.deal()
                .stubFor(
                        get(urlEqualTo("/deals/" + ALIBABA))
                                .willReturn(
                                        aResponse()
                                                .withStatus(404)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://dealradar.dev/problems/not-found\",\"status\":404,\"instance\":\"/deals/x\"}")));
        given().get("/api/v1/deals/" + ALIBABA + "/dossier")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/deals/" + ALIBABA + "/dossier"));
    }

    @ParameterizedTest
    @CsvSource({"SLOW", "ERROR_500", "REFUSED", "GARBAGE"})
    void profileWithoutDealAndRegionIsPartial(Fault fault) {
        stubHealthy();
        inject(Backends.deal(), fault);
        if (fault != Fault.REFUSED) {
            inject(Backends.region(), fault);
        }
        Response response = given().get("/api/v1/companies/alibaba-group/profile");
        response.then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "false")
                .body("company.slug", equalTo("alibaba-group"))
                .body("subsidiaries.company.slug", hasItem("alibaba-cloud"))
                .body("dealsByRole", nullValue());
        java.util.List<String> missing = response.path("missing.part");
        if (fault == Fault.REFUSED) {
            // Only deal-service is stopped: region-service's parts are there.
            assertThat(missing).containsExactly("dealsByRole");
            assertThat(response.<Object>path("certifications")).isNotNull();
            assertThat(response.<Object>path("openRegulatoryMatters")).isNotNull();
        } else {
            assertThat(missing).containsExactlyInAnyOrder("dealsByRole", "certifications", "openRegulatoryMatters");
            assertThat(response.<Object>path("certifications")).isNull();
            assertThat(response.<Object>path("openRegulatoryMatters")).isNull();
        }
    }

    @Test
    void profileComplete() {
        stubHealthy();
        given().get("/api/v1/companies/alibaba-group/profile")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .body("dealsByRole.acquirer.id", hasItem(DEAL_ID))
                .body("certifications", hasSize(2))
                .body("openRegulatoryMatters", hasSize(1));
        Backends.region()
                .verify(getRequestedFor(
                        urlEqualTo("/regulatory-matters?companyId=" + ALIBABA + "&open=true&limit=200")));
    }

    @ParameterizedTest
    @CsvSource({"SLOW", "ERROR_500", "UNAVAILABLE_PROBLEM", "REFUSED", "GARBAGE"})
    void profileWithoutCompanyServiceIs503(Fault fault) {
        stubHealthy();
        inject(Backends.company(), fault);
        given().get("/api/v1/companies/alibaba-group/profile")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"SLOW", "ERROR_500", "REFUSED", "GARBAGE"})
    void overviewWithoutDealServiceIsPartialAndWithoutRegionServiceIs503(Fault fault) {
        stubHealthy();
        inject(Backends.deal(), fault);
        given().get("/api/v1/regions/CN/overview")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Missing-Parts", "deals")
                .body("region.code", equalTo("CN"))
                .body("regimes", hasSize(1))
                .body("openRegulatoryMatters", hasSize(1))
                .body("deals", nullValue())
                .body("missing[0].service", equalTo("deal-service"));

        inject(Backends.region(), fault);
        given().get("/api/v1/regions/CN/overview")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType("application/problem+json");
    }

    // ---- circuit breaker ----

    @Inject
    MeterRegistry meters;

    private double dealServiceFailures(String kind) {
        return meters.get("dealradar.gateway.backend.failures")
                .tag("backend", "deal-service")
                .tag("kind", kind)
                .counter()
                .count();
    }

    private double dealServiceCircuit() {
        return meters.get("dealradar.gateway.backend.circuit.state")
                .tag("backend", "deal-service")
                .gauge()
                .value();
    }

    private long dealServiceCalls() {
        return meters.get("dealradar.gateway.backend.calls")
                .tag("backend", "deal-service")
                .timer()
                .count();
    }

    @Test
    void circuitOpensAfterFailuresAndClosesAgainWhenTheBackendRecovers() {
        double serverErrorsBefore = dealServiceFailures("server_error");
        double refusedBefore = dealServiceFailures("circuit_open");
        long callsBefore = dealServiceCalls();
        WireMockServer deals = Backends.deal();
        deals.stubFor(
                get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            given().get("/api/v1/deals/" + DEAL_ID).then().statusCode(502);
        }
        // Open: the backend is not called any more, and the client is told when to come back.
        given().get("/api/v1/deals/" + DEAL_ID)
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType("application/problem+json");
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier").then().statusCode(503);
        deals.verify(4, getRequestedFor(urlEqualTo("/deals/" + DEAL_ID)));
        // The operator sees it: the circuit open, four failed calls and two refused without calling.
        double serverErrors = dealServiceFailures("server_error") - serverErrorsBefore;
        double refused = dealServiceFailures("circuit_open") - refusedBefore;
        System.out.printf(
                "deal-service while failing: circuit state %.0f, server errors %.0f, refused by the open circuit %.0f%n",
                dealServiceCircuit(), serverErrors, refused);
        assertThat(dealServiceCircuit()).isEqualTo(2.0);
        assertThat(serverErrors).isEqualTo(4.0);
        assertThat(refused).isEqualTo(2.0);
        assertThat(dealServiceCalls()).isEqualTo(callsBefore);

        deals.stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        sleep(Backends.CIRCUIT_DELAY_MS + 200);
        // Half-open: one trial call succeeds and closes the circuit.
        given().get("/api/v1/deals/" + DEAL_ID).then().statusCode(200).body("id", equalTo(DEAL_ID));
        given().get("/api/v1/deals/" + DEAL_ID).then().statusCode(200);
        deals.verify(6, getRequestedFor(urlEqualTo("/deals/" + DEAL_ID)));
        System.out.printf(
                "deal-service recovered: circuit state %.0f, answered calls %d%n",
                dealServiceCircuit(), dealServiceCalls() - callsBefore);
        assertThat(dealServiceCircuit()).isEqualTo(0.0);
        assertThat(dealServiceCalls() - callsBefore).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
