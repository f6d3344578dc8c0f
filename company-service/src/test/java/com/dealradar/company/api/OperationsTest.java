package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @TestHTTPResource(value = "health/live", management = true) // relative to the management root, /q
    URL live;

    @TestHTTPResource(value = "metrics", management = true) // relative to the management root, /q
    URL metrics;

    @Test
    void readinessChecksTheDatabase() {
        given().get(ready)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get(live).then().statusCode(200);
    }

    @Test
    void openApiDescribesTheOperationsWithProblemResponses() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/companies'.get.summary", equalTo("List and search companies"))
                .body(
                        "paths.'/companies/{idOrSlug}'.put.responses.'412'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Ownership.enum", hasItem("state_owned"))
                .body("components.schemas.Ownership.enum", hasItem("public"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/companies/zte").then().statusCode(200);
        given().get(metrics).then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
