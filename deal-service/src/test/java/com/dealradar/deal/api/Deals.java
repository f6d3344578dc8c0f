package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;

import com.dealradar.deal.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** POST /deals from the tests of this package. */
final class Deals {

    private Deals() {}

    static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(Json.write(body)).post("/deals");
    }

    static String create(Map<String, Object> body) {
        return post(body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
