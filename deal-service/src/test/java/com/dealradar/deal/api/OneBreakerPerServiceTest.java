package com.dealradar.deal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.testing.Races;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call deal-service makes to company-service goes through one guard (platform {@code ServiceGuards}): the
 * look-up by ids failing opens the breaker for the look-up by slug too, which then is not even sent; each failed
 * look-up is tried three times (one retry budget per call, not per method).
 */
@QuarkusTest
class OneBreakerPerServiceTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private StubMapping failing;

    @BeforeEach
    void closeCircuits() {
        circuitBreakers.resetAll();
    }

    @AfterEach
    void healCompanyService() {
        if (failing != null) {
            FakeServices.server().removeStub(failing);
        }
        circuitBreakers.resetAll();
    }

    @Test
    void failingIdLookUpsOpenTheBreakerForSlugLookUpsToo() {
        UUID failingCompany = UUID.randomUUID();
        failing = FakeServices.server()
                .stubFor(get(urlPathEqualTo("/companies"))
                        .withQueryParam("ids", containing(failingCompany.toString()))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500)));
        String slug = "breaker-" + failingCompany.toString().substring(0, 8);
        FakeServices.giveSlug(slug, FakeServices.knownCompany());

        Map<Integer, Integer> creates = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            int status = given().contentType(ContentType.JSON)
                    .body(Json.write(Json.deal(failingCompany, FakeServices.knownCompany())))
                    .post("/deals")
                    .statusCode();
            creates.merge(status, 1, Integer::sum);
        }
        int idLookUps = FakeServices.server()
                .findAll(getRequestedFor(urlPathEqualTo("/companies"))
                        .withQueryParam("ids", containing(failingCompany.toString())))
                .size();

        // The slug look-up is another method of the same client: the open breaker refuses it without a request.
        given().queryParam("company", slug)
                .get("/deals")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("company-service"));
        int slugLookUpsWhileOpen = FakeServices.server()
                .findAll(getRequestedFor(urlPathEqualTo("/companies/" + slug)))
                .size();

        circuitBreakers.resetAll();
        int afterReset = given().queryParam("company", slug).get("/deals").statusCode();
        int slugLookUpsAfterReset = FakeServices.server()
                .findAll(getRequestedFor(urlPathEqualTo("/companies/" + slug)))
                .size();

        System.out.printf(
                "one breaker per service: creates %s, id look-ups sent %d; slug list while open: 503 after %d slug"
                        + " look-ups; after a reset: %d after %d%n",
                creates, idLookUps, slugLookUpsWhileOpen, afterReset, slugLookUpsAfterReset);
        assertThat(creates).isEqualTo(Map.of(503, 4));
        // 10 failed attempts open the breaker (half of the last 10): 3 creates x 3 attempts, then 1 more; the rest is
        // refused by the open breaker without a request.
        assertThat(idLookUps).isEqualTo(10);
        assertThat(slugLookUpsWhileOpen).isZero();
        assertThat(afterReset).isEqualTo(200);
        assertThat(slugLookUpsAfterReset).isEqualTo(1);
    }

    /**
     * A burst of more calls at once than the bulkhead holds (20): those beyond it are refused at once, and the
     * refusals are not company-service's failures, so the breaker stays closed and the next request is served. They
     * were counted: six refusals and four answers made half of the last ten calls "failed", and every call to a
     * healthy company-service was refused for five seconds.
     */
    @Test
    void aBurstBeyondTheBulkheadLeavesTheBreakerClosed() throws Exception {
        String slug = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        UUID company = FakeServices.knownCompany();
        FakeServices.server()
                .stubFor(get(urlPathEqualTo("/companies/" + slug))
                        .atPriority(1)
                        .willReturn(okJson("{\"id\": \"" + company + "\", \"slug\": \"" + slug
                                        + "\", \"name\": \"Company\"}")
                                .withFixedDelay(1500)));
        List<Response> burst =
                Races.race(26, () -> given().queryParam("company", slug).get("/deals"));
        Map<Integer, Integer> byStatus = Races.countByStatus("a burst of 26 slug lists", burst);
        int next = given().queryParam("company", slug).get("/deals").statusCode();
        System.out.printf("the request after the burst: %d%n", next);
        assertThat(byStatus).isEqualTo(Map.of(200, 20, 503, 6));
        assertThat(next).isEqualTo(200);
    }

    /**
     * company-service's 404 for a slug nobody has is its answer: sent once (not retried), and not counted by the
     * breaker, so a dozen look-ups of unknown names leave company-service in use for everyone.
     */
    @Test
    void aSlugNobodyHasIsAnAnswerNeitherRetriedNorCountedByTheBreaker() {
        String unknownPrefix = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<Integer, Integer> lists = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            lists.merge(
                    given().queryParam("company", unknownPrefix + i)
                            .get("/deals")
                            .then()
                            .extract()
                            .statusCode(),
                    1,
                    Integer::sum);
        }
        Map<Integer, Integer> lookUpsPerSlug = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            lookUpsPerSlug.merge(
                    FakeServices.server()
                            .findAll(getRequestedFor(urlPathEqualTo("/companies/" + unknownPrefix + i)))
                            .size(),
                    1,
                    Integer::sum);
        }
        String known = "known-" + UUID.randomUUID().toString().substring(0, 8);
        FakeServices.giveSlug(known, FakeServices.knownCompany());
        int knownAfterwards = given().queryParam("company", known).get("/deals").statusCode();

        System.out.printf(
                "12 lists by slugs nobody has: by status %s, slugs by number of look-ups %s; a known slug then %d%n",
                lists, lookUpsPerSlug, knownAfterwards);
        assertThat(lists).isEqualTo(Map.of(200, 12));
        assertThat(lookUpsPerSlug).as("each unknown slug looked up once").isEqualTo(Map.of(1, 12));
        assertThat(knownAfterwards).as("the breaker stayed closed").isEqualTo(200);
    }
}
