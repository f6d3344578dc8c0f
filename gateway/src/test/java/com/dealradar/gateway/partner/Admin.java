package com.dealradar.gateway.partner;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Admin calls of the partner API in tests, and every key secret the tests saw (to look for leaks). */
public final class Admin {

    public static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private final String adminKey;

    public Admin(String adminKey) {
        this.adminKey = adminKey;
    }

    public RequestSpecification request() {
        return given().header("X-API-Key", adminKey).contentType(ContentType.JSON);
    }

    public String createPartner(String name, String plan) {
        return request()
                .body(Map.of("name", name, "contact", Map.of("email", "api@example.org"), "plan", plan))
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    /** Issues a key and returns the 201 answer (its secret is remembered). */
    public Response issue(String partnerId, String body) {
        Response response = request().body(body).post("/api/v1/partners/" + partnerId + "/keys");
        response.then().statusCode(201);
        SECRETS.add(response.jsonPath().getString("secret"));
        return response;
    }

    public static RequestSpecification as(String key) {
        return given().header("X-API-Key", key);
    }
}
