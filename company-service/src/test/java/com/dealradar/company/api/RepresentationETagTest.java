package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A company's representation embeds its parents and subsidiaries (each link and the other company's id, slug, name
 * and country), and a link's embeds both companies: the ETag must change whenever any of that does, so that
 * If-None-Match never gets 304 for a stale body and If-Match never passes with a stale copy. Each such change also
 * leaves the resource's .updated event, carrying its new ETag.
 */
@QuarkusTest
class RepresentationETagTest {

    @Inject
    EntityManager em;

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String linkBody(String owner, String owned) {
        return """
                {"ownerId": "%s", "ownedId": "%s", "type": "subsidiary", "sources": [{"kind": "general_knowledge"}]}
                """.formatted(owner, owned);
    }

    private List<String> companyUpdatedEtags(String companyId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select e.etag from OutboxEvent e where e.resourceId = :id and e.type = 'company.updated'"
                                        + " order by e.id",
                                String.class)
                        .setParameter("id", companyId)
                        .getResultList());
    }

    @Test
    void linkCreatedReplacedAndDeletedChangeTheETagsOfTheCompaniesOnItsEnds() {
        String parent =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Tag Parent")).path("id");
        String child =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Tag Child")).path("id");
        String other =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Tag Other")).path("id");
        String parentTag = etag("/companies/" + parent);
        String childTag = etag("/companies/" + child);

        String link = given().contentType(ContentType.JSON)
                .body(linkBody(parent, child))
                .post("/ownership-links")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Created: both ends have a new representation and a new ETag; the old one is neither 304 nor a valid If-Match.
        given().header("If-None-Match", parentTag)
                .get("/companies/" + parent)
                .then()
                .statusCode(200)
                .body("subsidiaries", hasSize(1));
        given().header("If-None-Match", childTag)
                .get("/companies/" + child)
                .then()
                .statusCode(200)
                .body("parents", hasSize(1));
        given().contentType("application/merge-patch+json")
                .header("If-Match", childTag)
                .body("{\"headquartersCity\": \"Bonn\"}")
                .patch("/companies/" + child)
                .then()
                .statusCode(412);
        String newChildTag = etag("/companies/" + child);
        assertThat(newChildTag).isNotEqualTo(childTag);
        assertThat(companyUpdatedEtags(child)).containsExactly(newChildTag);
        given().header("If-None-Match", newChildTag)
                .get("/companies/" + child)
                .then()
                .statusCode(304);

        // Replaced (re-pointed to another owner): the former owner, the new one and the owned company all change.
        String parentTag2 = etag("/companies/" + parent);
        String childTag2 = etag("/companies/" + child);
        String otherTag = etag("/companies/" + other);
        String linkTag = etag("/ownership-links/" + link);
        given().contentType(ContentType.JSON)
                .header("If-Match", linkTag)
                .body(linkBody(other, child))
                .put("/ownership-links/" + link)
                .then()
                .statusCode(200);
        for (String[] before : new String[][] {{parent, parentTag2}, {child, childTag2}, {other, otherTag}}) {
            given().header("If-None-Match", before[1])
                    .get("/companies/" + before[0])
                    .then()
                    .statusCode(200);
        }
        given().get("/companies/" + parent).then().body("subsidiaries", hasSize(0));

        // Deleted: both ends change again.
        String childTag3 = etag("/companies/" + child);
        String otherTag3 = etag("/companies/" + other);
        given().header("If-Match", etag("/ownership-links/" + link))
                .delete("/ownership-links/" + link)
                .then()
                .statusCode(204);
        given().header("If-None-Match", childTag3)
                .get("/companies/" + child)
                .then()
                .statusCode(200)
                .body("parents", hasSize(0));
        given().header("If-None-Match", otherTag3)
                .get("/companies/" + other)
                .then()
                .statusCode(200)
                .body("subsidiaries", hasSize(0));
    }

    @Test
    void renamingACompanyChangesTheETagsOfTheCompaniesAndLinksThatShowItsName() {
        String parent = CompanyFixtures.create(CompanyFixtures.uniqueName("Tag Renamed"))
                .path("id");
        String child =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Tag Sub")).path("id");
        String link = given().contentType(ContentType.JSON)
                .body(linkBody(parent, child))
                .post("/ownership-links")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String childTag = etag("/companies/" + child);
        String linkTag = etag("/ownership-links/" + link);
        int childEvents = companyUpdatedEtags(child).size();

        String newName = CompanyFixtures.uniqueName("Tag New Name");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag("/companies/" + parent))
                .body("{\"name\": \"" + newName + "\"}")
                .patch("/companies/" + parent)
                .then()
                .statusCode(200);

        given().header("If-None-Match", childTag)
                .get("/companies/" + child)
                .then()
                .statusCode(200)
                .body("parents[0].company.name", equalTo(newName));
        given().header("If-None-Match", linkTag)
                .get("/ownership-links/" + link)
                .then()
                .statusCode(200)
                .body("owner.name", equalTo(newName));
        given().contentType(ContentType.JSON)
                .header("If-Match", linkTag)
                .body(linkBody(parent, child))
                .put("/ownership-links/" + link)
                .then()
                .statusCode(412);
        List<String> events = companyUpdatedEtags(child);
        assertThat(events).hasSize(childEvents + 1);
        assertThat(events.getLast()).isEqualTo(etag("/companies/" + child));

        // A change that no other representation shows (the headquarters) leaves the linked ones as they are.
        String childTag2 = etag("/companies/" + child);
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag("/companies/" + parent))
                .body("{\"headquartersCity\": \"Hamburg\"}")
                .patch("/companies/" + parent)
                .then()
                .statusCode(200);
        given().header("If-None-Match", childTag2)
                .get("/companies/" + child)
                .then()
                .statusCode(304);
    }
}
