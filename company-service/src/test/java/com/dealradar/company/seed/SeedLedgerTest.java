package com.dealradar.company.seed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A seeded ownership link deleted through the API stays deleted: the seeder adds each seed entry once in the
 * database's life, not at every start of every replica. Also on a database seeded before the ledger was kept. Its own
 * database: it deletes seed links other tests read.
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
                            PostgresDatabase.class, Map.of("database", "dealradar_company_test_seed_ledger")),
                    new TestResourceEntry(AuthenticatedAsAnalyst.class));
        }
    }

    @Inject
    CompanySeeder seeder;

    @Inject
    EntityManager em;

    @Test
    void aSeededOwnershipLinkDeletedThroughTheApiIsNotAddedAgain() throws Exception {
        List<String> links = new ArrayList<>();
        int companies;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CompanySeeder.RESOURCE)) {
            JsonNode seed = new ObjectMapper().readTree(in);
            seed.get("ownershipLinks").forEach(link -> links.add(link.get("id").asText()));
            companies = seed.get("companies").size();
        }
        String deleted = links.get(0);
        String deletedBeforeTheLedger = links.get(1);
        assertThat(ledgerSize("ownership-link")).isEqualTo(links.size());

        delete(deleted);
        seeder.seed(); // what every start of a replica does
        int afterRestart = given().get("/ownership-links/" + deleted).statusCode();

        // A database seeded before the ledger was kept: its seed rows are there, the ledger is empty.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from seed_ledger").executeUpdate());
        delete(deletedBeforeTheLedger);
        seeder.seed();
        int afterUpgrade =
                given().get("/ownership-links/" + deletedBeforeTheLedger).statusCode();
        int kept = given().get("/ownership-links/" + links.get(2)).statusCode();

        System.out.printf(
                "seed ledger: a deleted seed link after a restart %d; deleted before the ledger, after the upgrade %d;"
                        + " another seed link %d; ledger: %d links, %d companies%n",
                afterRestart, afterUpgrade, kept, ledgerSize("ownership-link"), ledgerSize("company"));
        assertThat(afterRestart).as("deleted, then a restart: still deleted").isEqualTo(404);
        assertThat(afterUpgrade)
                .as("deleted before the ledger, then the upgrade: still deleted")
                .isEqualTo(404);
        assertThat(kept).isEqualTo(200);
        assertThat(ledgerSize("ownership-link")).isEqualTo(links.size());
        assertThat(ledgerSize("company")).isEqualTo(companies);
    }

    private long ledgerSize(String kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from seed_ledger where kind = :kind")
                                .setParameter("kind", kind)
                                .getSingleResult())
                        .longValue());
    }

    private static void delete(String id) {
        String etag = given().get("/ownership-links/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-Match", etag).delete("/ownership-links/" + id).then().statusCode(204);
    }
}
