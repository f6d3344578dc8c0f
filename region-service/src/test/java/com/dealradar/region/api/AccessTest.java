package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.InternalTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reaching region-service directly, without the gateway's token, gives nothing. */
@QuarkusTest
class AccessTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyResourceRefusesCallersWithoutCredentials() throws Exception {
        for (String path : new String[] {
            "regions/GB",
            "regimes",
            "regulatory-matters",
            "certifications",
            "clearances/973a4522-3530-5077-b71c-a59a70f0ce3f"
        }) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
        }
    }

    @Test
    void viewerReadsButCannotAssessOrWrite() {
        given().header("Authorization", InternalTokens.viewer())
                .get("/regions/GB")
                .then()
                .statusCode(200);
        // The same valid facts: a viewer may not run an assessment (it is a POST), an analyst may.
        String facts = """
                {"dealType": "acquisition", "date": "2023-05-10", "regions": ["GB"], "stakePercent": 60, "thresholdsMet": true,
                 "parties": [{"name": "Alibaba Cloud", "role": "acquirer", "country": "CN", "sectors": ["cloud_provider"]},
                             {"name": "BT Global Services", "role": "target", "country": "GB", "sectors": ["it_services"]}]}""";
        given().header("Authorization", InternalTokens.viewer())
                .contentType("application/json")
                .body(facts)
                .post("/regulatory-assessments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", InternalTokens.analyst())
                .contentType("application/json")
                .body(facts)
                .post("/regulatory-assessments")
                .then()
                .statusCode(200);
        given().header("Authorization", InternalTokens.viewer())
                .contentType("application/json")
                .body("{}")
                .post("/regulatory-matters")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", InternalTokens.expired())
                .get("/regions/GB")
                .then()
                .statusCode(401);
    }

    /** Only a token signed for region-service: one the gateway signed for another backend is refused. */
    @Test
    void aTokenSignedForAnotherBackendIs401() {
        Set<String> roles = Set.of("viewer");
        given().header("Authorization", InternalTokens.bearerFor(Set.of("region-service"), "aud-test", roles))
                .get("/regions/GB")
                .then()
                .statusCode(200);
        for (String audience : List.of("company-service", "deal-service")) {
            given().header("Authorization", InternalTokens.bearerFor(Set.of(audience), "aud-test", roles))
                    .get("/regions/GB")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }
}
