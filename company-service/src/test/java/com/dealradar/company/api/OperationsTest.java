package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheOperationsWithProblemResponses() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/companies'.get.summary", equalTo("List and search companies"))
                .body("paths.'/companies/{idOrSlug}'.put.responses.'412'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Ownership.enum", hasItem("state_owned"))
                .body("components.schemas.Ownership.enum", hasItem("public"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/companies/zte").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
