package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OwnershipTest {

    private static String link(String owner, String owned, String type) {
        return """
                {"ownerId": "%s", "ownedId": "%s", "type": "%s", "stakePercent": 60.5,
                 "sources": [{"kind": "general_knowledge"}]}
                """.formatted(owner, owned, type);
    }

    @Test
    void companyShowsParentsAndSubsidiaries() {
        String parent =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Parent")).path("id");
        String child =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Child")).path("id");
        String linkId = given().contentType(ContentType.JSON)
                .body(link(parent, child, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(201)
                .body("owner.id", equalTo(parent))
                .body("owned.id", equalTo(child))
                .body("stakePercent", equalTo(60.5f))
                .extract()
                .path("id");

        given().get("/companies/" + child)
                .then()
                .body("parents", hasSize(1))
                .body("parents[0].company.id", equalTo(parent))
                .body("parents[0].linkId", equalTo(linkId))
                .body("parents[0].type", equalTo("subsidiary"));
        given().get("/companies/" + parent).then().body("subsidiaries.company.id", hasItem(child));
        given().queryParam("company", child)
                .get("/ownership-links")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(linkId)));

        given().delete("/ownership-links/" + linkId).then().statusCode(428);
        given().header("If-Match", "\"0\"")
                .delete("/ownership-links/" + linkId)
                .then()
                .statusCode(204);
        given().get("/companies/" + child).then().body("parents", hasSize(0));
    }

    @Test
    void aCompanyCannotOwnItself() {
        String id =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Narcissus")).path("id");
        given().contentType(ContentType.JSON)
                .body(link(id, id, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot own itself"));
    }

    @Test
    void cyclesAreRefusedAndNamed() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle A")).path("id");
        String b = CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle B")).path("id");
        String c = CompanyFixtures.create(CompanyFixtures.uniqueName("Cycle C")).path("id");
        given().contentType(ContentType.JSON)
                .body(link(a, b, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(link(b, c, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(link(c, a, "minority"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("ownedId"))
                .body("detail", containsString("Cycle A"));
    }

    @Test
    void unknownCompanyIs422NamingIt() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Lonely")).path("id");
        String ghost = "00000000-0000-4000-8000-000000000001";
        given().contentType(ContentType.JSON)
                .body(link(a, ghost, "subsidiary"))
                .post("/ownership-links")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("ownedId"))
                .body("detail", containsString(ghost));
    }

    @Test
    void validToBeforeValidFromIsRefused() {
        String a = CompanyFixtures.create(CompanyFixtures.uniqueName("Time A")).path("id");
        String b = CompanyFixtures.create(CompanyFixtures.uniqueName("Time B")).path("id");
        given().contentType(ContentType.JSON)
                .body("{\"ownerId\": \"" + a + "\", \"ownedId\": \"" + b
                        + "\", \"type\": \"minority\", \"validFrom\": \"2020-01-01\", \"validTo\": \"2019-01-01\"}")
                .post("/ownership-links")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("validTo"));
    }
}
