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
import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(Backends.Rendezvous.mostAtOnce()).isEqualTo(4);
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

    /** Before, the certifications' count said 2 (read) while the answer showed 1 (the one in the deal's region). */
    @Test
    void aCutPartFilteredByTheCompositeCountsWhatTheAnswerShows() {
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(MATTERS)));
        Backends.region()
                .stubFor(get(urlPathEqualTo("/certifications"))
                        .willReturn(okJson(CERTIFICATIONS.replace("]}", "],\"nextCursor\":\"more\"}"))));
        // Cut, so never complete: warmed up until no part is missing.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    io.restassured.response.Response r = given().get("/api/v1/deals/" + DEAL_ID + "/dossier");
                    return r.statusCode() == 200 && r.header("X-DealRadar-Missing-Parts") == null;
                });
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier")
                .then()
                .statusCode(200)
                .body("certifications.regionCode", equalTo(java.util.List.of("CN")))
                .body("truncated.part", equalTo(java.util.List.of("certifications")))
                .body("truncated[0].shown", equalTo(1));
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

    /**
     * A composite has an ETag of its own (a digest of the answer): the same answer again is 304 without a body, with
     * the same ETag and completeness header; a change in any part, or a part going missing, is a 200 with another
     * ETag. The parts are read every time.
     */
    @Test
    void aDossierReadAgainUnchangedIs304AndAnyChangedPartGivesANewETag() {
        String path = "/api/v1/deals/" + DEAL_ID + "/dossier";
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(MATTERS)));
        Backends.region().stubFor(get(urlPathEqualTo("/certifications")).willReturn(okJson(CERTIFICATIONS)));
        var first = given().get(path).then().statusCode(200).extract();
        String tag = first.header("ETag");
        var again = given().header("If-None-Match", tag).get(path).then().extract();
        var listed = given().header("If-None-Match", "W/\"other\", " + tag)
                .get(path)
                .then()
                .extract();
        var stale =
                given().header("If-None-Match", "W/\"other\"").get(path).then().extract();

        Backends.region()
                .stubFor(get(urlPathEqualTo("/regulatory-matters"))
                        .willReturn(okJson(MATTERS.replace("anticipated", "notified"))));
        var changed = given().header("If-None-Match", tag).get(path).then().extract();
        Backends.company()
                .stubFor(
                        get(urlPathEqualTo("/companies")).willReturn(aResponse().withStatus(500)));
        var partial = given().header("If-None-Match", changed.header("ETag"))
                .get(path)
                .then()
                .extract();
        var partialAgain = given().header("If-None-Match", partial.header("ETag"))
                .get(path)
                .then()
                .extract();
        System.out.printf(
                "dossier ETag %s; again -> %d (%d bytes), in a list -> %d, other tag -> %d; a matter changed -> %d %s;"
                        + " a part missing -> %d %s completed=%s; again -> %d completed=%s%n",
                tag,
                again.statusCode(),
                again.asByteArray().length,
                listed.statusCode(),
                stale.statusCode(),
                changed.statusCode(),
                changed.header("ETag"),
                partial.statusCode(),
                partial.header("ETag"),
                partial.header("X-DealRadar-Completed"),
                partialAgain.statusCode(),
                partialAgain.header("X-DealRadar-Completed"));

        // A digest of the answer; RestAssured accepts gzip, so the tag is the gzip representation's.
        assertThat(tag).matches("W/\"[A-Za-z0-9_-]{24}-gzip\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(tag);
        assertThat(again.header("X-DealRadar-Completed")).isEqualTo("true");
        assertThat(listed.statusCode()).isEqualTo(304);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.header("ETag")).isEqualTo(tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.path("regulatoryMatters[0].status").toString()).isEqualTo("notified");
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.header("X-DealRadar-Completed")).isEqualTo("false");
        assertThat(partial.header("ETag")).isNotIn(tag, changed.header("ETag"));
        assertThat(partialAgain.statusCode()).isEqualTo(304);
        assertThat(partialAgain.header("X-DealRadar-Completed")).isEqualTo("false");
    }
}
