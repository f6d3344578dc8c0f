package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** OpenAPI with examples, Swagger UI, health and metrics. */
@QuarkusTest
class OperationalEndpointsTest {

    @Test
    void openApiDescribesEveryResourceWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/clearances/{dealId}"))
                .body(containsString("/regulatory-assessments"))
                .body(containsString("/regulatory-matters/{id}/transitions"))
                .body(containsString("/certifications"))
                .body(containsString("/regimes/{idOrCode}"))
                .body(containsString("UK acquisition 2023"))
                .body(containsString("application/problem+json"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/regions/GB").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
