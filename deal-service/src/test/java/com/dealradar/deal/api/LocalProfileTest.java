package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.testing.LocalH2Profile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The embedded default of the local run: config profile "local" (H2 file database in a temporary data
 * directory, re-augmented because db-kind is fixed at build time) migrates, validates the schema against
 * the entities, seeds, and serves writes and keyset pages, so the H2 path cannot rot unnoticed.
 */
@QuarkusTest
@TestProfile(LocalProfileTest.Local.class)
class LocalProfileTest {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    public static class Local extends LocalH2Profile {
        @Override
        protected List<TestResourceEntry> moreResources() {
            return List.of(new TestResourceEntry(FakeServices.class));
        }
    }

    @Test
    void runsOnH2WithSeedData() {
        given().get(ready).then().statusCode(200);
        given().get("/deals/973a4522-3530-5077-b71c-a59a70f0ce3f")
                .then()
                .statusCode(200)
                .body("value.amountUsdMin", equalTo("294000000"));
        given().get("/deals?region=DE&sort=-valueUsd&limit=2")
                .then()
                .statusCode(200)
                .body("items.regions.flatten()", hasItem("DE"));
        String id = given().contentType(ContentType.JSON)
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(id))
                .body(Json.write(Json.map("status", "completed")))
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200);
        given().get("/deals/" + id + "/history").then().body("items", hasSize(2));
        // all seed deals page through on H2 too
        String cursor = given().get("/deals?limit=3&sort=-announced").path("nextCursor");
        given().get("/deals?limit=3&sort=-announced&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items", hasSize(3));
        given().get(ready).then().body("checks.name", hasItem(containsString("Database")));
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("dealradar.data-dir", String.class));
        if (!Files.exists(dataDir.resolve("deal-service.mv.db"))) {
            throw new AssertionError("no H2 file in " + dataDir);
        }
    }
}
