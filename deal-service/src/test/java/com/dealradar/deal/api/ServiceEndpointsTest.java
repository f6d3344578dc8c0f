package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, health and metrics (the last two on the management interface). */
@QuarkusTest
class ServiceEndpointsTest {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @TestHTTPResource(value = "metrics", management = true) // relative to the management root, /q
    URL metrics;

    @Test
    void openApiHealthAndMetrics() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/deals/{id}/status-changes"));
        given().get(ready).then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
        given().get(metrics).then().statusCode(200);
    }
}
