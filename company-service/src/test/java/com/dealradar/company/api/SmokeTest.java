package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {
    @Test
    void seeded() {
        given().get("/companies/alibaba-group").then().log().ifValidationFails().statusCode(200).body("name", equalTo("Alibaba Group"));
    }
}
