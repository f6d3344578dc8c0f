package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concurrent creates of one region code or one regime code: exactly one 201, every other writer a 409 problem
 * naming the field (the database's unique constraint decides; never a 500, which would also count against the
 * gateway's circuit breaker for every other caller), and exactly one record afterwards.
 */
@QuarkusTest
class UniqueKeyRaceTest {

    static final int WRITERS = 12;

    @Test
    void concurrentCreatesOfOneRegionCodeGiveOne201AndOnly409s() throws Exception {
        // PT is not seeded and no other test creates it (every run has a fresh database).
        List<Response> answers = Races.race(
                WRITERS,
                () -> given().contentType(ContentType.JSON)
                        .body("{\"code\": \"PT\", \"name\": \"Portugal\", "
                                + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test fixture\"}]}")
                        .post("/regions"));
        Races.assertOneCreatedRestConflictOn("code", answers);
        given().get("/regions/PT").then().statusCode(200);
    }

    @Test
    void concurrentCreatesOfOneRegimeCodeGiveOne201AndOnly409s() throws Exception {
        String code = "FR-RACE-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        List<Response> answers = Races.race(
                WRITERS,
                () -> given().contentType(ContentType.JSON)
                        .body("{\"code\": \"" + code + "\", \"name\": \"Race regime\", \"regionCode\": \"FR\", "
                                + "\"kind\": \"foreign_investment_screening\", \"authorities\": [{\"name\": \"Ministère de l'Économie\"}], "
                                + "\"mandatory\": true, \"suspensory\": true, \"inForceFrom\": \"2020-04-01\", "
                                + "\"triggerRules\": [{\"code\": \"control\", \"description\": \"control of a French company\", "
                                + "\"foreignParty\": true, \"domesticTarget\": true}], "
                                + "\"clocks\": [{\"code\": \"phase1\", \"label\": \"Phase 1\", \"length\": 30, \"unit\": \"working_days\", "
                                + "\"startsAt\": \"accepted\", \"runsIn\": [\"accepted\", \"phase1\"]}], "
                                + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test fixture\"}]}")
                        .post("/regimes"));
        Races.assertOneCreatedRestConflictOn("code", answers);
        List<String> codes = given().queryParam("region", "FR")
                .queryParam("limit", "200")
                .get("/regimes")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        assertThat(codes).filteredOn(code::equals).hasSize(1);
    }
}
