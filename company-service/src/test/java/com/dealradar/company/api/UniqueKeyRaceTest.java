package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Concurrent creates of one unique key (slug, LEI, Wikidata id): the check before the insert cannot see the
 * other writers, so the database's unique constraint decides, and its violation must be a 409 naming the field,
 * never a 500 (a 500 also counts against the gateway's circuit breaker, taking the service away from everyone).
 */
@QuarkusTest
class UniqueKeyRaceTest {

    static final int WRITERS = 12;

    @Test
    void concurrentCreatesOfOneNameGiveOne201AndOnly409s() throws Exception {
        String name = CompanyFixtures.uniqueName("Race Name");
        List<Response> answers = Races.race(
                WRITERS,
                () -> given().contentType(ContentType.JSON)
                        .body(CompanyFixtures.body(name, "DE"))
                        .post("/companies"));
        assertOneCreatedRestConflictOn("slug", answers);
        given().queryParam("q", name)
                .get("/companies")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void concurrentCreatesOfOneWikidataIdGiveOne201AndOnly409s() throws Exception {
        String qid = "Q" + (100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000L));
        List<Response> answers = Races.race(
                WRITERS,
                () -> given().contentType(ContentType.JSON)
                        .body("""
                        {"name": "%s", "country": "DE", "kind": "group", "identifiers": {"wikidataQid": "%s"},
                         "sources": [{"kind": "general_knowledge", "note": "test fixture"}]}
                        """.formatted(CompanyFixtures.uniqueName("Race Qid"), qid))
                        .post("/companies"));
        assertOneCreatedRestConflictOn("identifiers.wikidataQid", answers);
    }

    static void assertOneCreatedRestConflictOn(String field, List<Response> answers) {
        Map<Integer, Integer> counts = Races.countByStatus("concurrent creates of one " + field, answers);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 409, WRITERS - 1));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.<List<String>>path("errors.field")).containsExactly(field);
        });
    }
}
