package com.dealradar.region.seed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.region.persistence.CertificationRepository;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegimeRepository;
import com.dealradar.region.persistence.RegionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every start seeds again, adding only the seed rows a table does not hold yet (asked for all of them at once): a
 * restart neither duplicates nor fails on what is there, and an edit to a seeded row survives it.
 */
@QuarkusTest
class ReseedTest {

    @Inject
    RegionSeeder seeder;

    @Inject
    RegionRepository regions;

    @Inject
    RegimeRepository regimes;

    @Inject
    MatterRepository matters;

    @Inject
    CertificationRepository certifications;

    @Test
    void seedingAgainAddsNothingAndKeepsAnEditedSeedRow() throws Exception {
        Response original =
                given().get("/regions/CN").then().statusCode(200).extract().response();
        String description = original.path("description");
        String etag = given().contentType("application/merge-patch+json")
                .header("If-Match", original.header("ETag"))
                .body("{\"description\": \"edited after seeding\"}")
                .patch("/regions/CN")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        List<Long> before = counts();

        seeder.seed();

        List<Long> after = counts();
        System.out.printf(
                "rows (regions, regimes, matters, certifications) before %s, after seeding again %s%n", before, after);
        assertThat(after).isEqualTo(before);
        assertThat(before).allSatisfy(count -> assertThat(count).isPositive());
        given().get("/regions/CN")
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("description", equalTo("edited after seeding"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\": \"" + description + "\"}")
                .patch("/regions/CN")
                .then()
                .statusCode(200);
    }

    @Test
    void aRegimeCorrectedInALaterReleaseReachesADatabaseSeededByAnEarlierOne() throws Exception {
        Response current =
                given().get("/regimes/DE-AWV").then().statusCode(200).extract().response();
        String legalBasis = current.path("legalBasis");
        // The row as an earlier release's seed left it: other text, written by another entry, not edited since.
        seededEarlier("regime", "code = 'DE-AWV'", "legal_basis = 'the text of an earlier release'");
        Response stale =
                given().get("/regimes/DE-AWV").then().statusCode(200).extract().response();
        assertThat(stale.<String>path("legalBasis")).isEqualTo("the text of an earlier release");

        seeder.seed();

        Response after =
                given().get("/regimes/DE-AWV").then().statusCode(200).extract().response();
        System.out.printf(
                "DE-AWV: ETag %s as the earlier seed left it, %s after seeding; legal basis restored: %s%n",
                stale.header("ETag"), after.header("ETag"), legalBasis.equals(after.path("legalBasis")));
        assertThat(after.<String>path("legalBasis")).isEqualTo(legalBasis);
        assertThat(after.header("ETag")).isNotEqualTo(stale.header("ETag"));
        assertThat(after.<List<String>>path("authorities.name"))
                .last()
                .asString()
                .contains("BMWE");

        seeder.seed();

        given().get("/regimes/DE-AWV").then().statusCode(200).header("ETag", equalTo(after.header("ETag")));
    }

    @Test
    void aRegionSeededBeforeMarksWereKeptIsUpdatedWhileNeverWrittenSince() throws Exception {
        String description =
                given().get("/regions/DE").then().statusCode(200).extract().path("description");
        QuarkusTransaction.requiringNew()
                .run(() -> regions.getEntityManager()
                        .createNativeQuery(
                                "update region set description = 'an earlier release''s text', seed_digest = null,"
                                        + " seed_version = null, version = 0 where code = 'DE'")
                        .executeUpdate());

        seeder.seed();

        given().get("/regions/DE").then().statusCode(200).body("description", equalTo(description));
        assertThat(QuarkusTransaction.requiringNew().call(() -> regions.findById("DE").seedDigest))
                .isNotNull();
    }

    @Test
    void aSeedCorrectionLeavesARegionEditedThroughTheApiAsEdited() throws Exception {
        Response original =
                given().get("/regions/GB").then().statusCode(200).extract().response();
        String description = original.path("description");
        String etag = given().contentType("application/merge-patch+json")
                .header("If-Match", original.header("ETag"))
                .body("{\"description\": \"edited by an analyst\"}")
                .patch("/regions/GB")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        // A later release changes GB's seed entry: the row's mark no longer matches it.
        QuarkusTransaction.requiringNew()
                .run(() -> regions.getEntityManager()
                        .createNativeQuery("update region set seed_digest = 'an earlier entry' where code = 'GB'")
                        .executeUpdate());

        seeder.seed();

        given().get("/regions/GB")
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("description", equalTo("edited by an analyst"));

        // The analyst writes the seed's text back; the row is the seed's again once a seed run has marked it.
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\": \"" + description + "\"}")
                .patch("/regions/GB")
                .then()
                .statusCode(200);
        seededEarlier("region", "code = 'GB'", "description = description");
        seeder.seed();
        given().get("/regions/GB").then().statusCode(200).body("description", equalTo(description));
    }

    @Test
    void replicasThatSeedTogetherWaitForEachOther() throws Exception {
        List<Long> before = counts();
        int rounds = 6;
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                // Each round both replicas find a region missing (to insert) and a regime's entry changed (to rewrite).
                QuarkusTransaction.requiringNew()
                        .run(() -> regions.getEntityManager()
                                .createNativeQuery("delete from region where code = 'US'")
                                .executeUpdate());
                seededEarlier("regime", "code = 'DE-AWV'", "legal_basis = legal_basis");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int replica = 0; replica < 2; replica++) {
                    runs.add(replicas.submit(() -> {
                        start.await();
                        seeder.seed();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) {
                    try {
                        run.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        failures.add(e.getCause().toString());
                    }
                }
            }
        } finally {
            replicas.shutdownNow();
        }
        List<Long> after = counts();
        System.out.printf(
                "%d rounds of two seeders at once: %d runs, %d failed %s; rows before %s, after %s%n",
                rounds, 2 * rounds, failures.size(), failures, before, after);
        assertThat(failures).isEmpty();
        assertThat(after).isEqualTo(before);
        given().get("/regions/US").then().statusCode(200);
    }

    /** Leaves a row as an earlier release's seed wrote it: {@code change} applied, marked by another entry, unedited. */
    private void seededEarlier(String table, String where, String change) {
        QuarkusTransaction.requiringNew()
                .run(() -> regions.getEntityManager()
                        .createNativeQuery("update " + table + " set " + change
                                + ", seed_digest = 'an earlier entry', seed_version = version where " + where)
                        .executeUpdate());
    }

    private List<Long> counts() {
        return QuarkusTransaction.requiringNew()
                .call(() -> List.of(regions.count(), regimes.count(), matters.count(), certifications.count()));
    }
}
