package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.events.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: every write of a company or ownership link leaves exactly one event in the outbox, in its transaction;
 * a write that is refused or rolled back leaves none, and a replayed request (same Idempotency-Key) none more.
 */
@QuarkusTest
class OutboxEventsTest {

    @Inject
    EntityManager em;

    List<OutboxEvent> eventsOf(String resourceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from OutboxEvent e where e.resourceId = :id order by e.id", OutboxEvent.class)
                        .setParameter("id", resourceId)
                        .getResultList());
    }

    long allEvents() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(e) from OutboxEvent e", Long.class)
                        .getSingleResult());
    }

    @Test
    void everyKindOfChangeWritesExactlyOneEventAndRefusedWritesNone() {
        String name = CompanyFixtures.uniqueName("Outbox Co");
        String key = UUID.randomUUID().toString();
        String body = CompanyFixtures.body(name, "CN");
        JsonPath created = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        String slug = created.getString("slug");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
        // Addressed by slug: the event still names the id.
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"headquartersCity\": \"Hangzhou\"}")
                .patch("/companies/" + slug)
                .then()
                .statusCode(200);
        // Archived with an Idempotency-Key and retried (the answer was lost): one event, not one per request.
        String archiveKey = UUID.randomUUID().toString();
        given().header("If-Match", "\"1\"")
                .header("Idempotency-Key", archiveKey)
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(200);
        given().header("If-Match", "\"1\"")
                .header("Idempotency-Key", archiveKey)
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");

        long before = allEvents();
        // Refused or rolled back: a stale ETag (412), a missing one (428), archiving again (409), a duplicate name
        // (409 from the unique key at commit), invalid input (400). None leaves an event.
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"headquartersCity\": \"Beijing\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(412);
        given().post("/companies/" + id + "/archive").then().statusCode(428);
        given().header("If-Match", "\"2\"")
                .post("/companies/" + id + "/archive")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"\"}")
                .post("/companies")
                .then()
                .statusCode(400);
        long afterRefusals = allEvents();

        String parent = CompanyFixtures.create(CompanyFixtures.uniqueName("Outbox Parent"))
                .path("id");
        String link = given().contentType(ContentType.JSON)
                .body("""
                {"ownerId": "%s", "ownedId": "%s", "type": "subsidiary", "stakePercent": 60.5, "sources": [{"kind": "general_knowledge"}]}
                """.formatted(parent, id))
                .post("/ownership-links")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A cycle is refused inside the transaction (422): no event.
        long beforeCycle = allEvents();
        given().contentType(ContentType.JSON)
                .body("""
                {"ownerId": "%s", "ownedId": "%s", "type": "subsidiary", "stakePercent": 10, "sources": [{"kind": "general_knowledge"}]}
                """.formatted(id, parent))
                .post("/ownership-links")
                .then()
                .statusCode(422);
        long afterCycle = allEvents();
        // Deleted by its id in capitals (the same link): its event is filed under the id every other event of it has
        // (before: under the capitals, so the link's events were two resources to a partner).
        given().header("If-Match", "\"0\"")
                .delete("/ownership-links/" + link.toUpperCase())
                .then()
                .statusCode(204);

        List<OutboxEvent> company = eventsOf(id);
        List<OutboxEvent> linkEvents = eventsOf(link);
        System.out.printf(
                "outbox: company %s -> %s; link -> %s; events written by refused writes: %d (412/428/409/400), %d (422 cycle)%n",
                id,
                company.stream().map(e -> e.type + "@" + e.etag).toList(),
                linkEvents.stream().map(e -> e.type).toList(),
                afterRefusals - before,
                afterCycle - beforeCycle);
        // The link's create and delete change the company's representation (its parents) too: an event each, with the
        // company's new ETag (RepresentationETagTest).
        assertThat(company)
                .extracting(e -> e.type)
                .containsExactly(
                        "company.created", "company.updated", "company.archived", "company.updated", "company.updated");
        assertThat(company).extracting(e -> e.etag).containsExactly("\"0\"", "\"1\"", "\"2\"", "\"3\"", "\"4\"");
        assertThat(company).allSatisfy(e -> {
            assertThat(e.resourceType).isEqualTo("company");
            assertThat(e.resourcePath).isEqualTo("/companies/" + id);
            assertThat(JsonPath.from(e.data).getString("id")).isEqualTo(id);
        });
        assertThat(JsonPath.from(company.get(1).data).getString("headquartersCity"))
                .isEqualTo("Hangzhou");
        assertThat(JsonPath.from(company.get(2).data).getString("status")).isEqualTo("archived");
        assertThat(JsonPath.from(company.get(3).data).getString("parents[0].company.id"))
                .isEqualTo(parent);
        assertThat(JsonPath.from(company.get(4).data).getList("parents")).isEmpty();
        assertThat(linkEvents)
                .extracting(e -> e.type)
                .containsExactly("ownership_link.created", "ownership_link.deleted");
        assertThat(linkEvents.get(1).data).isNull();
        assertThat(afterRefusals - before).isZero();
        assertThat(afterCycle - beforeCycle).isZero();
    }
}
