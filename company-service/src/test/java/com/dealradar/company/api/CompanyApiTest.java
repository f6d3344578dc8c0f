package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompanyApiTest {

    @Test
    void createsAndReadsByIdAndBySlug() {
        String name = CompanyFixtures.uniqueName("Zürich Cloud");
        Response created = CompanyFixtures.create(name);
        String id = created.path("id");
        String slug = created.path("slug");
        assertThat(slug).matches("zurich-cloud-[a-z0-9]+");
        assertThat(created.header("Location")).endsWith("/companies/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        given().get("/companies/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("status", equalTo("active"))
                .body("sources[0].kind", equalTo("general_knowledge"))
                .body("createdAt", notNullValue());
        given().get("/companies/" + slug).then().statusCode(200).body("id", equalTo(id));
        // Slugs are lower-case; one written with capitals names the same company.
        given().get("/companies/" + slug.toUpperCase(java.util.Locale.ROOT))
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void unknownCompanyIs404Problem() {
        given().get("/companies/no-such-company")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/not-found"))
                .body("detail", containsString("no-such-company"))
                .body("instance", equalTo("/companies/no-such-company"));
    }

    @Test
    void ifNoneMatchGives304UntilChanged() {
        String id =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Etag Co")).path("id");
        given().header("If-None-Match", "\"0\"").get("/companies/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"7\"").get("/companies/" + id).then().statusCode(200);
    }

    @Test
    void putRequiresIfMatchAndRejectsStaleEtag() {
        String name = CompanyFixtures.uniqueName("Put Co");
        String id = CompanyFixtures.create(name).path("id");
        String update = CompanyFixtures.body(name, "GB");

        given().contentType(ContentType.JSON)
                .body(update)
                .put("/companies/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/precondition-required"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"5\"")
                .body(update)
                .put("/companies/" + id)
                .then()
                .statusCode(412)
                .body("detail", containsString("\"0\""));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(update)
                .put("/companies/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("country", equalTo("GB"));
        given().get("/companies/" + id).then().body("country", equalTo("GB"));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String name = CompanyFixtures.uniqueName("Patch Co");
        String id = CompanyFixtures.create(name).path("id");
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"headquartersCity\": \"Bonn\", \"aliases\": null}")
                .patch("/companies/" + id)
                .then()
                .statusCode(200)
                .body("headquartersCity", equalTo("Bonn"))
                .body("aliases", hasSize(0))
                .body("name", equalTo(name))
                .body("sectors", hasItem("cloud_provider"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"kind\": \"empire\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"name\": \"\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    /**
     * A replace without a status keeps it (a PUT without one used to make an archived company active again, and
     * partners heard only company.updated); archiving by PUT or PATCH is a 409 pointing at POST .../archive, whose
     * company.archived event partners follow; an archived company is restored with status active.
     */
    @Test
    void aReplaceKeepsTheStatusAndArchivingHasItsOwnOperation() {
        String name = CompanyFixtures.uniqueName("Status Co");
        String id = CompanyFixtures.create(name).path("id");
        String body = CompanyFixtures.body(name, "DE");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body.replaceFirst("\"kind\"", "\"status\": \"archived\", \"kind\""))
                .put("/companies/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("detail", containsString("/archive"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"status\": \"archived\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(409);
        String etag = given().header("If-Match", "\"0\"")
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String replaced = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body.replace("test fixture", "corrected"))
                .put("/companies/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("archived"))
                .extract()
                .header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", replaced)
                .body("{\"status\": \"active\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void archiveKeepsTheCompanyReadable() {
        String id =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Archive Co")).path("id");
        given().post("/companies/" + id + "/archive").then().statusCode(428);
        String key = java.util.UUID.randomUUID().toString();
        Response archived = given().header("If-Match", "\"0\"")
                .header("Idempotency-Key", key)
                .post("/companies/" + id + "/archive");
        archived.then().statusCode(200).body("status", equalTo("archived"));
        // A retry of the same archiving (the answer was lost): the first answer again, not a 412 on the old ETag.
        given().header("If-Match", "\"0\"")
                .header("Idempotency-Key", key)
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", archived.header("ETag"))
                .body("status", equalTo("archived"));
        given().header("If-Match", "\"0\"")
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(412);
        // Archived already, with its current ETag: nothing to change or announce (before: 200, a new version and a
        // second company.archived for partners).
        given().header("If-Match", archived.header("ETag"))
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("invalid-transition"))
                .body("detail", containsString("already archived"));
        given().get("/companies/" + id).then().statusCode(200).header("ETag", archived.header("ETag"));
        given().queryParam("status", "archived")
                .queryParam("ids", id)
                .get("/companies")
                .then()
                .body("items.id", hasItem(id));
        given().queryParam("status", "active")
                .queryParam("ids", id)
                .get("/companies")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void searchIsByNameOrAliasPrefixIgnoringCaseAndAccents() {
        given().queryParam("q", "BOLLORE")
                .get("/companies")
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(java.util.List.of("bollore")));
        given().queryParam("q", "telef").get("/companies").then().body("items.slug", hasItem("telefonica"));
        given().queryParam("q", "aws").get("/companies").then().body("items.slug", hasItem("amazon-web-services"));
        given().queryParam("q", "阿里").get("/companies").then().body("items.slug", hasItem("alibaba-group"));
        given().queryParam("q", "100%").get("/companies").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void filtersCombine() {
        // The database is shared by the module's tests: the seed's four, in the sort order, and nothing that
        // fails a filter (not an exact list another test's company could break).
        var both = given().queryParam("country", "CN")
                .queryParam("sector", "telecom_operator")
                .queryParam("limit", 200)
                .get("/companies")
                .then()
                .statusCode(200)
                .body("items", not(org.hamcrest.Matchers.empty()))
                .body("items.country", everyItem(equalTo("CN")))
                .body("items.sectors", everyItem(hasItem("telecom_operator")))
                .extract()
                .jsonPath()
                .getList("items.slug", String.class);
        org.assertj.core.api.Assertions.assertThat(both)
                .containsSubsequence("china-mobile", "china-telecom", "china-unicom", "china-unicom-listed");
        given().queryParam("ownership", "public")
                .queryParam("country", "US")
                .queryParam("limit", 200)
                .get("/companies")
                .then()
                .body("items.slug", hasItem("microsoft"))
                .body("items.slug", not(hasItem("google")));
        given().queryParam("kind", "division")
                .queryParam("limit", 200)
                .get("/companies")
                .then()
                .body("items.slug", hasItem("bt-global-services"));
    }

    @Test
    void slugConflictIs409() {
        String name = CompanyFixtures.uniqueName("Dup Co");
        CompanyFixtures.create(name);
        given().contentType(ContentType.JSON)
                .body(CompanyFixtures.body(name, "DE"))
                .post("/companies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Slug"));
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "trace-me-123")
                .get("/companies/zte")
                .then()
                .header("X-Request-Id", "trace-me-123");
        given().get("/companies/zte").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id with spaces")
                .get("/companies/nope")
                .then()
                .statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void leiCheckDigitsAreVerified() {
        String body = """
                {"name": "%s", "country": "DE", "kind": "group", "identifiers": {"lei": "529900T8BM49AURSDO56"}}
                """.formatted(CompanyFixtures.uniqueName("Lei Co"));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("identifiers.lei"));
        String valid = body.replace("DO56", "DO55");
        given().contentType(ContentType.JSON)
                .body(valid)
                .post("/companies")
                .then()
                .statusCode(201)
                .body("identifiers.lei", equalTo("529900T8BM49AURSDO55"));
        given().contentType(ContentType.JSON)
                .body(valid.replace("Lei Co", "Other Lei Co"))
                .post("/companies")
                .then()
                .statusCode(409)
                .body("detail", containsString("LEI"));
    }

    @Test
    void listItemsOmitTheOwnershipTree() {
        // ZTE has a subsidiary (ZTEsoft): its list item still carries no ownership tree.
        given().queryParam("q", "zte")
                .get("/companies")
                .then()
                .statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.hasItems("zte", "ztesoft"))
                .body("items.findAll { it.subsidiaries != null || it.parents != null }", org.hamcrest.Matchers.empty());
        given().get("/companies/zte")
                .then()
                .statusCode(200)
                .body("subsidiaries", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    }
}
