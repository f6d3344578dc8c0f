package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.dealradar.platform.testing.KeycloakTokens;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pass-through routes: paths, query, headers, bodies and problems travel both ways; backend paths never leak. */
@QuarkusTest
class PassThroughTest extends GatewayTestBase {

    @TestHTTPResource("/")
    URL root;

    @Test
    void listIsForwardedWithQueryAndLinkIsRewritten() {
        Backends.company()
                .stubFor(get(urlPathEqualTo("/companies"))
                        .willReturn(okJson(COMPANIES)
                                .withHeader("Link", "</companies?limit=1&q=ali&cursor=abc>; rel=\"next\"")));

        given().header("X-Request-Id", "req-42")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .get("/api/v1/companies?limit=1&q=ali")
                .then()
                .statusCode(200)
                .header("Link", "</api/v1/companies?limit=1&q=ali&cursor=abc>; rel=\"next\"")
                .header("X-Request-Id", "req-42")
                .body("items[0].slug", equalTo("alibaba-group"));

        Backends.company()
                .verify(getRequestedFor(urlEqualTo("/companies?limit=1&q=ali"))
                        .withHeader("X-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("req-42"))
                        .withHeader("traceparent", matching("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-0[01]")));
    }

    /**
     * Every call tells the backend how long the gateway waits for it (its timeout), so that the backend gives up,
     * committing nothing, when the gateway does; a client's own value is not passed on (the header is DealRadar's).
     */
    @Test
    void theBackendIsToldHowLongTheGatewayWaits() {
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        Backends.company()
                .stubFor(post(urlPathEqualTo("/companies"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{}")));

        given().header("X-Request-Timeout-Ms", "5")
                .get("/api/v1/companies?limit=2")
                .then()
                .statusCode(200);
        given().header("X-Request-Timeout-Ms", "999999")
                .contentType("application/json")
                .body("{\"name\": \"Timed\"}")
                .post("/api/v1/companies")
                .then()
                .statusCode(201);

        String timeout = Integer.toString(Backends.TIMEOUT_MS);
        List<String> told = new ArrayList<>();
        for (var call : Backends.company().findAll(WireMock.anyRequestedFor(urlPathEqualTo("/companies")))) {
            told.add(call.getMethod() + " "
                    + call.getHeaders().getHeader("X-Request-Timeout-Ms").values());
        }
        System.out.println("X-Request-Timeout-Ms the backend was told: " + told);
        assertThat(told).contains("GET [" + timeout + "]", "POST [" + timeout + "]");
        assertThat(told).allMatch(call -> call.endsWith("[" + timeout + "]"));
    }

    @Test
    void conditionalReadPassesIfNoneMatchAndRelays304() {
        Backends.deal()
                .stubFor(get(urlEqualTo("/deals/" + DEAL_ID))
                        .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"3\""))
                        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"3\"")));

        given().header("If-None-Match", "\"3\"")
                .get("/api/v1/deals/" + DEAL_ID)
                .then()
                .statusCode(304)
                // RestAssured accepts gzip, so its tags are the gzip representation's (ResponseCompressionTest).
                .header("ETag", "\"3-gzip\"");
    }

    @Test
    void createRewritesLocationAndIsNotRetriedEvenWithIdempotencyKey() {
        Backends.deal()
                .stubFor(post(urlEqualTo("/deals"))
                        .willReturn(aResponse().withStatus(503).withBody("busy")));

        given().contentType("application/json")
                .header("Idempotency-Key", "k1")
                .body("{\"title\":\"x\"}")
                .post("/api/v1/deals")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("retry with the same Idempotency-Key"));
        Backends.deal().verify(1, postRequestedFor(urlEqualTo("/deals")));

        Backends.deal()
                .stubFor(post(urlEqualTo("/deals"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("ETag", "\"0\"")
                                .withHeader("Location", "http://127.0.0.1:8082/deals/" + DEAL_ID)
                                .withBody(DEAL)));
        given().contentType("application/json")
                .header("Idempotency-Key", "k2")
                .body("{\"title\":\"x\"}")
                .post("/api/v1/deals")
                .then()
                .statusCode(201)
                .header("ETag", "\"0-gzip\"")
                .header("Location", endsWith("/api/v1/deals/" + DEAL_ID));
        Backends.deal()
                .verify(postRequestedFor(urlEqualTo("/deals"))
                        .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("k2"))
                        .withHeader("Content-Type", matching("application/json.*")));
    }

    /** A body of unknown length (chunked) arrives at the backend whole, byte for byte. */
    @Test
    void chunkedBodyIsForwardedWhole() throws Exception {
        String body = "{\"title\":\"" + "x".repeat(50_000) + "\"}";
        Backends.deal()
                .stubFor(post(urlEqualTo("/deals"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withBody(DEAL)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/deals"))
                .header("Authorization", KeycloakTokens.bearer("analyst"))
                .header("Content-Type", "application/json")
                // An input stream of unknown length: the JDK client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer;
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).isEqualTo(201);
        Backends.deal().verify(1, postRequestedFor(urlEqualTo("/deals")).withRequestBody(WireMock.equalTo(body)));
    }

    /** HEAD goes to the backend as HEAD: its headers come back, no body. */
    @Test
    void headIsForwarded() {
        Backends.company()
                .stubFor(WireMock.request("HEAD", urlEqualTo("/companies/" + ALIBABA))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("ETag", "\"7\"")));
        given().head("/api/v1/companies/" + ALIBABA)
                .then()
                .statusCode(200)
                .header("ETag", "\"7-gzip\"")
                .header("Content-Encoding", "gzip")
                .contentType("application/json");
        Backends.company().verify(1, WireMock.requestedFor("HEAD", urlEqualTo("/companies/" + ALIBABA)));
    }

    /** OPTIONS names the methods the contract declares on the path, without asking a backend. */
    @Test
    void optionsListsTheContractsMethods() {
        String allow = given().options("/api/v1/companies/" + ALIBABA)
                .then()
                .statusCode(204)
                .extract()
                .header("Allow");
        assertThat(allow.split(", "))
                .contains("GET", "HEAD", "PUT", "PATCH", "OPTIONS")
                .doesNotContain("POST");
        given().options("/api/v1/companies/" + ALIBABA + "/no/such/path")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(Backends.company().getAllServeEvents()).isEmpty();
    }

    @Test
    void readIsRetriedWhenTheBackendWasUnavailable() {
        Backends.region()
                .stubFor(get(urlEqualTo("/regions/GB"))
                        .inScenario("flaky")
                        .whenScenarioStateIs("Started")
                        .willReturn(aResponse().withStatus(502))
                        .willSetStateTo("up"));
        Backends.region()
                .stubFor(get(urlEqualTo("/regions/GB"))
                        .inScenario("flaky")
                        .whenScenarioStateIs("up")
                        .willReturn(okJson("{\"code\":\"GB\",\"name\":\"United Kingdom\"}")));

        given().get("/api/v1/regions/GB").then().statusCode(200).body("code", equalTo("GB"));
        Backends.region().verify(2, getRequestedFor(urlEqualTo("/regions/GB")));
    }

    @Test
    void backendProblemsKeepStatusAndGetPublicInstance() {
        Backends.deal()
                .stubFor(
                        get(urlEqualTo("/deals/nope"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(400)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://dealradar.dev/problems/bad-parameter\",\"status\":400,\"instance\":\"/deals/nope\",\"detail\":\"id: 'nope' is not a UUID\"}")));

        given().get("/api/v1/deals/nope")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/deals/nope"))
                .body("detail", equalTo("id: 'nope' is not a UUID"));
    }

    @Test
    void internalAndUnknownRoutesAre404Problems() {
        given().get("/api/v1/clearances/" + DEAL_ID)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/clearances/" + DEAL_ID));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/elsewhere").then().statusCode(404).contentType("application/problem+json");
        // The platform's backend endpoints are not the gateway's (they were served here, outside the /api/v1 checks:
        // a key could be guessed against them without limit).
        for (String backendOnly : List.of("/internal/outbox", "/write-audit?resource=/api/v1/partners/x")) {
            given().header("X-API-Key", "drk_guess")
                    .get(backendOnly)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json")
                .body("{\"eventIds\": []}")
                .post("/internal/outbox/ack")
                .then()
                .statusCode(404);
        given().get("/api/v1/companies/%2e%2e/clearances/x")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(404)))
                .contentType("application/problem+json");
        assertThat(Backends.region().getAllServeEvents()).isEmpty();
    }

    @Test
    void oversizedBodyIs413Problem() {
        given().contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(300 * 1024) + "\"}")
                .post("/api/v1/companies")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void requestIdIsGeneratedWhenAbsent() {
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        given().get("/api/v1/companies").then().statusCode(200).header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/deals")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/deals")
                .then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        // Answers differ by Origin, so caches must key on it: Vary: Origin on preflights and on ordinary answers.
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/deals")
                .then()
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        given().header("Origin", "http://localhost:3000")
                .get("/api/v1/companies")
                .then()
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
    }
}
