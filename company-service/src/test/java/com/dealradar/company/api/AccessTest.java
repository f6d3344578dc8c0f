package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.InternalTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A caller who reaches the service directly, without the gateway's token, gets nothing. */
@QuarkusTest
class AccessTest {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @TestHTTPResource(value = "metrics", management = true) // relative to the management root, /q
    URL metrics;

    @TestHTTPResource("/companies/zte")
    URI company;

    @Test
    void noCredentialsIs401ProblemWithChallenge() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(company).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"dealradar\"");
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("ZTE");
    }

    /**
     * The outbox is the event relay's alone: its token (role event-relay, which only the gateway signs) reads and
     * acknowledges it and reaches nothing else; an admin's token (before, the relay's own token was an admin's) gets 403
     * there.
     */
    @Test
    void theOutboxIsTheRelaysAndTheRelaysTokenReachesNothingElse() {
        String relay = InternalTokens.bearer("system:event-relay", Set.of("event-relay"));
        String admin = InternalTokens.bearer("test-admin", Set.of("viewer", "analyst", "admin"));
        given().header("Authorization", relay)
                .get("/internal/outbox?limit=5")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(5));
        given().header("Authorization", relay)
                .contentType(ContentType.JSON)
                .body("{\"eventIds\": [\"" + java.util.UUID.randomUUID() + "\"]}")
                .post("/internal/outbox/ack")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(0));
        given().header("Authorization", admin)
                .get("/internal/outbox")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("event-relay"));
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body("{\"eventIds\": []}")
                .post("/internal/outbox/ack")
                .then()
                .statusCode(403);
        given().header("Authorization", relay)
                .get("/companies/zte")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("The event relay's token reads the outbox only"));
        given().header("Authorization", relay)
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Relay Co"), "DE"))
                .post("/companies")
                .then()
                .statusCode(403);
    }

    @Test
    void forgedExpiredOrForeignTokensAre401() {
        given().header("Authorization", "Bearer not.a.jwt")
                .get("/companies/zte")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", InternalTokens.expired())
                .get("/companies/zte")
                .then()
                .statusCode(401);
        String analyst = InternalTokens.analyst();
        String tampered = analyst.substring(0, analyst.length() - 4) + "AAAA";
        given().header("Authorization", tampered).get("/companies/zte").then().statusCode(401);
    }

    /**
     * The gateway signs each token for one backend: company-service takes its own and refuses one signed for another
     * backend (as deal-service could replay a caller's token it received) and one with the audience all backends once
     * shared.
     */
    @Test
    void aTokenSignedForAnotherBackendIs401() {
        Set<String> roles = Set.of("viewer", "analyst");
        given().header("Authorization", InternalTokens.bearerFor(Set.of("company-service"), "aud-test", roles))
                .get("/companies/zte")
                .then()
                .statusCode(200);
        for (String audience : List.of("deal-service", "region-service", "dealradar-backends", "gateway")) {
            given().header("Authorization", InternalTokens.bearerFor(Set.of(audience), "aud-test", roles))
                    .get("/companies/zte")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        // The event relay's token for another backend's outbox does not read (nor acknowledge) this one's.
        given().header(
                        "Authorization",
                        InternalTokens.bearerFor(Set.of("deal-service"), "system:event-relay", Set.of("event-relay")))
                .get("/internal/outbox?limit=5")
                .then()
                .statusCode(401);
    }

    @Test
    void viewerReadsButCannotWrite() {
        given().header("Authorization", InternalTokens.viewer())
                .get("/companies/zte")
                .then()
                .statusCode(200)
                .body("name", equalTo("ZTE"));
        given().header("Authorization", InternalTokens.viewer())
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body("Viewer Co", "DE"))
                .post("/companies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", InternalTokens.bearer("nobody", Set.of()))
                .get("/companies/zte")
                .then()
                .statusCode(403);
    }

    @Test
    void operationalEndpointsStayOpen() throws Exception {
        for (URI uri : new URI[] {company.resolve("/q/openapi"), ready.toURI(), metrics.toURI()}) {
            HttpResponse<Void> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as(uri.toString()).isEqualTo(200);
        }
    }
}
