package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A calendar subscription created with a company's slug, retried with its Idempotency-Key: the retry gets the first
 * answer without company-service being asked again (it may be down by then), and a create whose look-up failed left
 * its key free for the retry that follows.
 */
@QuarkusTest
class CalendarSubscriptionRetryTest extends GatewayTestBase {

    private static final String PATH = "/api/v1/calendar-subscriptions";
    private static final String LOOKUP = "/companies/alibaba-group";
    private static final String BODY = "{\"name\": \"Alibaba deadlines\", \"company\": \"alibaba-group\"}";

    @Test
    void aReplayDoesNotAskCompanyServiceAgain() {
        Backends.company().stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson(alibaba())));
        String key = UUID.randomUUID().toString();

        Response first = create(key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.jsonPath().getString("company")).isEqualTo(ALIBABA);
        assertThat(first.jsonPath().getString("token")).startsWith("drc_");

        // company-service is down now: the retry is answered from the stored answer all the same.
        Backends.company().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
        Response replay = create(key);
        int lookUps =
                Backends.company().findAll(getRequestedFor(urlEqualTo(LOOKUP))).size();
        System.out.printf(
                "subscription by slug: first %d, replay %d (replayed %s), look-ups sent %d%n",
                first.statusCode(), replay.statusCode(), replay.header("Idempotent-Replayed"), lookUps);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(replay.jsonPath().getString("company")).isEqualTo(ALIBABA);
        assertThat(replay.jsonPath().getString("token"))
                .as("a replay has no token")
                .isNull();
        assertThat(lookUps)
                .as("company-service asked by the first request only")
                .isEqualTo(1);
    }

    @Test
    void aFailedLookUpLeavesTheKeyForTheRetry() {
        Backends.company().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
        String key = UUID.randomUUID().toString();

        Response down = create(key);
        Backends.company().resetAll();
        Backends.company().stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson(alibaba())));
        circuitBreakers.resetAll();
        Response retried = create(key);
        System.out.printf(
                "subscription by slug, company-service down then up: %d (Retry-After %s), then %d (replayed %s)%n",
                down.statusCode(),
                down.header("Retry-After"),
                retried.statusCode(),
                retried.header("Idempotent-Replayed"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(retried.statusCode())
                .as("the key was released, not kept in flight")
                .isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(retried.jsonPath().getString("company")).isEqualTo(ALIBABA);
    }

    @Test
    void anUnknownSlugIsRefusedAndNotRemembered() {
        Backends.company()
                .stubFor(get(urlEqualTo("/companies/nobody-has-this"))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":404,\"title\":\"Not Found\"}")));
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"nobody\", \"company\": \"nobody-has-this\"}";

        int[] statuses = new int[2];
        for (int i = 0; i < 2; i++) {
            statuses[i] = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post(PATH)
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
        }
        int lookUps = Backends.company()
                .findAll(getRequestedFor(urlEqualTo("/companies/nobody-has-this")))
                .size();
        System.out.printf(
                "subscription by unknown slug, twice with one key: %d, %d; look-ups %d%n",
                statuses[0], statuses[1], lookUps);
        assertThat(statuses).containsExactly(422, 422);
        assertThat(lookUps).as("a refusal is not replayed: each attempt asks").isEqualTo(2);
    }

    private static Response create(String key) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(BODY)
                .post(PATH)
                .then()
                .extract()
                .response();
    }

    private static String alibaba() {
        return "{\"id\":\"" + ALIBABA + "\",\"slug\":\"alibaba-group\",\"name\":\"Alibaba Group\",\"country\":\"CN\"}";
    }
}
