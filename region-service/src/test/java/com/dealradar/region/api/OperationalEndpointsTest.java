package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** OpenAPI with examples, Swagger UI, health and metrics. */
@QuarkusTest
class OperationalEndpointsTest {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @TestHTTPResource(value = "health/live", management = true) // relative to the management root, /q
    URL live;

    @TestHTTPResource(value = "metrics", management = true) // relative to the management root, /q
    URL metrics;

    @Test
    void openApiDescribesEveryResourceWithExamples() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/clearances/{dealId}"))
                .body(containsString("/regulatory-assessments"))
                .body(containsString("/regulatory-matters/{id}/transitions"))
                .body(containsString("/certifications"))
                .body(containsString("/regimes/{idOrCode}"))
                .body(containsString("BT Global Services")) // the working example of POST /regulatory-assessments
                .body(containsString("application/problem+json"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetrics() {
        given().get(ready).then().statusCode(200).body(containsString("UP"));
        given().get(live).then().statusCode(200);
        given().get("/regions/GB").then().statusCode(200);
        given().get(metrics).then().statusCode(200).body(containsString("http_server_requests"));
    }
}
