package com.dealradar.deal.seed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.testing.AuthenticatedAsAnalyst;
import com.dealradar.platform.testing.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A seeded deal deleted through the API stays deleted: the seeder, which adds what the database lacks at every start
 * (every replica, every rollout), adds each seed entry once in the database's life. Also on a database seeded before
 * the ledger was kept. Its own database: it deletes seed deals other tests read.
 */
@QuarkusTest
@TestProfile(SeedLedgerTest.OwnDatabase.class)
class SeedLedgerTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(
                            PostgresDatabase.class, Map.of("database", "dealradar_deal_test_seed_ledger")),
                    new TestResourceEntry(FakeServices.class),
                    new TestResourceEntry(AuthenticatedAsAnalyst.class));
        }
    }

    @Inject
    DealSeeder seeder;

    @Inject
    EntityManager em;

    @Test
    void aSeededDealDeletedThroughTheApiIsNotAddedAgain() throws Exception {
        List<String> seedIds = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DealSeeder.RESOURCE)) {
            JsonNode seed = new ObjectMapper().readTree(in);
            seed.get("deals").forEach(deal -> seedIds.add(deal.get("id").asText()));
        }
        String deleted = seedIds.get(0);
        String deletedBeforeTheLedger = seedIds.get(1);
        assertThat(ledgerSize()).as("the start recorded every seed deal").isEqualTo(seedIds.size());

        delete(deleted);
        seeder.seed(); // what every start of a replica does
        int afterRestart = given().get("/deals/" + deleted).statusCode();

        // A database seeded before the ledger was kept: its seed deals are there, the ledger is empty.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from seed_ledger").executeUpdate());
        delete(deletedBeforeTheLedger);
        seeder.seed();
        int afterUpgrade = given().get("/deals/" + deletedBeforeTheLedger).statusCode();
        int kept = given().get("/deals/" + seedIds.get(2)).statusCode();
        long ledger = ledgerSize();

        System.out.printf(
                "seed ledger: a deleted seed deal after a restart %d; deleted before the ledger, after the upgrade %d;"
                        + " another seed deal %d; ledger entries %d of %d seed deals%n",
                afterRestart, afterUpgrade, kept, ledger, seedIds.size());
        assertThat(afterRestart).as("deleted, then a restart: still deleted").isEqualTo(404);
        assertThat(afterUpgrade)
                .as("deleted before the ledger, then the upgrade: still deleted")
                .isEqualTo(404);
        assertThat(kept).isEqualTo(200);
        assertThat(ledger).isEqualTo(seedIds.size());
    }

    private long ledgerSize() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from seed_ledger where kind = 'deal'")
                                .getSingleResult())
                        .longValue());
    }

    private static void delete(String id) {
        given().header("If-Match", Json.etagOf(id))
                .delete("/deals/" + id)
                .then()
                .statusCode(204);
    }
}
