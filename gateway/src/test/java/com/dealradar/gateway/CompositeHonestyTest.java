package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Composites say what their parts said: a bad id is a 400 (never a backend call, never a 503); a cut list is named. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(PatientBackends.class)
class CompositeHonestyTest extends GatewayTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/regions/%20/overview",
                "/api/v1/regions/XYZ/overview",
                "/api/v1/regions/G%3BB/overview",
                "/api/v1/deals/not-a-uuid/dossier",
                "/api/v1/deals/%20/dossier",
                "/api/v1/companies/%20/profile",
                "/api/v1/companies/a%3Bb=c/profile",
                "/api/v1/companies/..%3B/profile"
            })
    void badIdsAre400ProblemsWithoutAnyBackendCall(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        Backends.SERVERS.values().forEach(server -> server.verify(0, anyRequestedFor(anyUrl())));
    }

    /** The backends' short timeout (fault tests) can catch a cold JVM on a busy machine: first calls until complete. */
    static void warmUp(String path) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "true".equals(given().get(path).header("X-DealRadar-Completed"))
                        || given().get(path).statusCode() == 200 && path.contains("overview"));
    }

    /**
     * The overview's four reads go out together: each stub holds its answer until all four are held at once
     * (a handshake, not a stopwatch); reads sent one after another never meet and are answered 500.
     */
    @Test
    void compositeReadsAskBackendsInParallel() {
        Backends.Rendezvous.expect(4, java.time.Duration.ofSeconds(10));
        String rendezvous = Backends.Rendezvous.NAME;
        Backends.region()
                .stubFor(get(urlEqualTo("/regions/CN"))
                        .willReturn(okJson("{\"code\":\"CN\"}").withTransformers(rendezvous)));
        Backends.region()
                .stubFor(get(urlPathEqualTo("/regimes"))
                        .willReturn(okJson(EMPTY_PAGE).withTransformers(rendezvous)));
        Backends.region()
                .stubFor(get(urlPathEqualTo("/regulatory-matters"))
                        .willReturn(okJson(EMPTY_PAGE).withTransformers(rendezvous)));
        Backends.deal()
                .stubFor(get(urlPathEqualTo("/deals"))
                        .willReturn(okJson(EMPTY_PAGE).withTransformers(rendezvous)));
        given().get("/api/v1/regions/CN/overview")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .body("region.code", equalTo("CN"));
        System.out.println("overview: " + Backends.Rendezvous.mostAtOnce() + " backend reads held at the same time");
        org.assertj.core.api.Assertions.assertThat(Backends.Rendezvous.mostAtOnce())
                .isEqualTo(4);
    }

    @Test
    void aCoreResourceTheBackendRefusesIsPassedOnNotA503() {
        Backends.region()
                .stubFor(
                        get(urlEqualTo("/regions/QQ"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(404)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://dealradar.dev/problems/not-found\",\"status\":404,\"detail\":\"Region QQ does not exist\"}")));
        Backends.region().stubFor(get(urlPathEqualTo("/regimes")).willReturn(okJson(EMPTY_PAGE)));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(EMPTY_PAGE)));
        Backends.deal().stubFor(get(urlPathEqualTo("/deals")).willReturn(okJson(EMPTY_PAGE)));
        given().get("/api/v1/regions/QQ/overview")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("QQ"))
                .body("instance", equalTo("/api/v1/regions/QQ/overview"));
    }

    @Test
    void aPartLongerThanTheCompositeShowsIsNamedWithTheLinkToTheRest() {
        Backends.region()
                .stubFor(get(urlEqualTo("/regions/CN")).willReturn(okJson("{\"code\":\"CN\",\"name\":\"China\"}")));
        Backends.region().stubFor(get(urlPathEqualTo("/regimes")).willReturn(okJson(EMPTY_PAGE)));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(EMPTY_PAGE)));
        Backends.deal()
                .stubFor(get(urlPathEqualTo("/deals"))
                        .willReturn(okJson("{\"items\":[" + DEAL + "],\"nextCursor\":\"next+page/1\"}")));
        warmUp("/api/v1/regions/CN/overview");
        given().get("/api/v1/regions/CN/overview")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "false")
                .header("X-DealRadar-Missing-Parts", nullValue())
                .body("complete", equalTo(false))
                .body("missing", nullValue())
                .body("deals", hasSize(1))
                .body("truncated", hasSize(1))
                .body("truncated[0].part", equalTo("deals"))
                .body("truncated[0].shown", equalTo(1))
                .body("truncated[0].next", equalTo("/api/v1/deals?region=CN&limit=200&cursor=next%2Bpage%2F1"));
    }

    @Test
    void theDossierAsksForTheCertificationsOfAllParticipantsInOneCall() {
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(MATTERS)));
        Backends.region().stubFor(get(urlPathEqualTo("/certifications")).willReturn(okJson(CERTIFICATIONS)));
        warmUp("/api/v1/deals/" + DEAL_ID + "/dossier");
        Backends.SERVERS.values().forEach(server -> server.resetRequests());
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .body("complete", equalTo(true))
                .body("truncated", nullValue())
                .body("certifications.regionCode", equalTo(java.util.List.of("CN")));
        Backends.region().verify(1, getRequestedFor(urlPathEqualTo("/certifications")));
        Backends.region()
                .verify(getRequestedFor(
                        urlEqualTo("/certifications?companyId=" + ALIBABA + "%2C" + ZTESOFT + "&limit=200")));
    }
}
