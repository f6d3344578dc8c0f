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
import java.util.List;
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

    private List<Long> counts() {
        return QuarkusTransaction.requiringNew()
                .call(() -> List.of(regions.count(), regimes.count(), matters.count(), certifications.count()));
    }
}
