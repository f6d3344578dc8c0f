package com.dealradar.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.dealradar.platform.testing.LocalH2Profile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zero-install local run: config profile "local" on an H2 file in a temporary data folder (Flyway on H2, seed). */
@QuarkusTest
@TestProfile(LocalProfileTest.Local.class)
class LocalProfileTest {

    /** The local profile, with deal-service and company-service played by WireMock. */
    public static class Local extends LocalH2Profile {
        @Override
        protected List<TestResourceEntry> moreResources() {
            return List.of(new TestResourceEntry(FakeServices.class));
        }
    }

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @Test
    void runsOnH2WithTheSeedAndTheSameRules() {
        given().get("/regions/GB").then().statusCode(200).body("regimes.code", hasItem("UK-NSIA"));
        String deal = java.util.UUID.randomUUID().toString();
        String id = given().contentType("application/json")
                .body("{\"dealId\": \"" + deal + "\", \"regimeCode\": \"UK-NSIA\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/clearances/" + deal)
                .then()
                .statusCode(200)
                .body("clear", equalTo(false))
                .body("blockingMatters[0].id", equalTo(id));
        given().queryParam("dealId", deal)
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id));
        given().get(ready).then().statusCode(200);
        // ... and all of that lives in the H2 file under the data folder, not in PostgreSQL.
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        java.nio.file.Path dataDir = java.nio.file.Path.of(config.getValue("dealradar.data-dir", String.class));
        org.assertj.core.api.Assertions.assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .startsWith("jdbc:h2:file:" + dataDir + "/region-service;");
        org.assertj.core.api.Assertions.assertThat(dataDir.resolve("region-service.mv.db"))
                .exists()
                .satisfies(file -> org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.size(file))
                        .isPositive());
    }
}
