package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.dealradar.platform.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem that names what is wrong, never a 500 or a stack trace. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/companies")
                .then()
                .contentType("application/problem+json")
                .body(not(containsString("at com.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        post("{\"name\": \"Broken\", ")
                .statusCode(400)
                .body("type", equalTo("https://dealradar.dev/problems/malformed-body"))
                .body("detail", containsString("malformed JSON"));
        post("not json at all").statusCode(400);
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\"} trailing")
                .statusCode(400);
        post("{\"name\": \"A\", \"name\": \"B\", \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("detail", containsString("name"));
    }

    @Test
    void wrongTypes() {
        post("{\"name\": 42, \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("string"));
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"aliases\": \"x\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("aliases"));
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"sources\": [{\"kind\": \"article\", \"publishedOn\": \"yesterday\"}]}")
                .statusCode(400)
                .body("errors[0].field", equalTo("sources[0].publishedOn"));
        post("[]").statusCode(400);
    }

    @Test
    void unknownEnumValues() {
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"empire\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("group, subsidiary, division"));
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"ownership\": \"PUBLIC\"}")
                .statusCode(400)
                .body("errors[0].message", containsString("public, private, state_owned, mixed"));
        given().queryParam("sector", "bakery")
                .get("/companies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sector"));
    }

    @Test
    void unknownFields() {
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"ceo\": \"someone\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("ceo"))
                .body("errors[0].message", containsString("unknown field"));
    }

    @Test
    void missingRequiredFields() {
        post("{}")
                .statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("kind"));
        given().contentType(ContentType.JSON)
                .post("/companies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void invalidValues() {
        post("{\"name\": \"" + "x".repeat(201) + "\", \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("200"));
        post("{\"name\": \"A\", \"country\": \"XX\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
        post("{\"name\": \"A\", \"country\": \"de\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
        post("{\"name\": \"A\", \"slug\": \"Not A Slug\", \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        // A slug of the form of an id: paths read it as an id, so the company could not be reached by it (and a path
        // with it named the company with that id). Sent, or derived from a name.
        String alibabasId = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a";
        post("{\"name\": \"A\", \"slug\": \"" + alibabasId + "\", \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", containsString("company id"));
        post("{\"name\": \"" + java.util.UUID.randomUUID() + "\", \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", containsString("send a slug"));
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"aliases\": [\"\"]}")
                .statusCode(400)
                .body("errors[0].field", containsString("aliases"));
        // Blank as the contract's \S counts it (Bean Validation's @NotBlank let these through, stored as "").
        post("{\"name\": \"\\u3000\", \"slug\": \"ideographic-space\", \"country\": \"DE\", \"kind\": \"group\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"aliases\": [\"B\", \"\\u00a0\"]}")
                .statusCode(400)
                .body("errors[0].field", equalTo("aliases[1]"));
        post("{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"sources\": [{\"kind\": \"article\", \"url\": \"javascript:alert(1)\"}]}")
                .statusCode(400)
                .body("errors[0].field", equalTo("sources[0].url"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String huge = "{\"name\": \"A\", \"country\": \"DE\", \"kind\": \"group\", \"description\": \""
                + "x".repeat(300_000) + "\"}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/companies")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/payload-too-large"));
    }

    @Test
    void badIdsCursorsAndLimits() {
        given().get("/ownership-links/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().queryParam("ids", "1234")
                .get("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        given().queryParam("cursor", "garbage!")
                .get("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/companies")
                .then()
                .statusCode(400);
        // Cursors that decode but were not issued here: an id that is not a UUID (the name order, with and without a
        // name prefix), a time that is not an instant (the -updatedAt order).
        String badId = new Cursor("name", List.of("abc", "xyz")).encode();
        String badTime =
                new Cursor("-updatedAt", List.of("yesterday", UUID.randomUUID().toString())).encode();
        for (var request : List.of(
                given().queryParam("cursor", badId),
                given().queryParam("q", "telv").queryParam("cursor", badId),
                given().queryParam("sort", "-updatedAt").queryParam("cursor", badTime))) {
            request.get("/companies")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
        }
        given().queryParam("limit", "0")
                .get("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "ten").get("/companies").then().statusCode(400);
        given().queryParam("limit", "201").get("/companies").then().statusCode(400);
        given().queryParam("sort", "size")
                .get("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("country", "Germany").get("/companies").then().statusCode(400);
        // A blank sort is no sort (was a 500, found by the contract fuzzer).
        given().queryParam("sort", " ").get("/companies").then().statusCode(200);
    }

    @Test
    void wrongMethodMediaTypeAndPath() {
        given().contentType(ContentType.XML)
                .body("<company/>")
                .post("/companies")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().delete("/companies/zte").then().statusCode(405).contentType("application/problem+json");
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badIdempotencyKey() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(300))
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Key"), "DE"))
                .post("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
