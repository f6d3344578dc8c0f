package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.company.domain.Lei;
import com.dealradar.platform.testing.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.util.List;
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
        Races.assertOneCreatedRestConflictOn("slug", answers);
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
        Races.assertOneCreatedRestConflictOn("identifiers.wikidataQid", answers);
    }

    @Test
    void concurrentCreatesOfOneLeiGiveOne201AndOnly409s() throws Exception {
        String lei = freshLei();
        assertThat(Lei.isValid(lei)).as(lei).isTrue();
        List<Response> answers = Races.race(
                WRITERS,
                () -> given().contentType(ContentType.JSON)
                        .body("""
                        {"name": "%s", "country": "DE", "kind": "group", "identifiers": {"lei": "%s"},
                         "sources": [{"kind": "general_knowledge", "note": "test fixture"}]}
                        """.formatted(CompanyFixtures.uniqueName("Race Lei"), lei))
                        .post("/companies"));
        Races.assertOneCreatedRestConflictOn("identifiers.lei", answers);
    }

    /** A valid LEI (ISO 17442: 18 characters, then ISO 7064 MOD 97-10 check digits) no other test uses. */
    static String freshLei() {
        String prefix = ("5299" + UUID.randomUUID().toString().replace("-", "").toUpperCase()).substring(0, 18);
        StringBuilder digits = new StringBuilder();
        for (char c : (prefix + "00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return prefix + String.format("%02d", check);
    }
}
