package com.dealradar.company.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

/** Builds request bodies and creates companies through the API, as a client would. */
final class CompanyFixtures {

    private CompanyFixtures() {}

    static String body(String name, String country) {
        return """
                {"name": "%s", "country": "%s", "kind": "group", "sectors": ["cloud_provider"],
                 "aliases": ["%s Alias"], "sources": [{"kind": "general_knowledge", "note": "test fixture"}]}
                """.formatted(name, country, name);
    }

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response create(String name) {
        return given().contentType(ContentType.JSON)
                .body(body(name, "DE"))
                .post("/companies")
                .then()
                .statusCode(201)
                .extract()
                .response();
    }
}
