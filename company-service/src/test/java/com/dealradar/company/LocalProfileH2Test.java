package com.dealradar.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The run command's path: the "local" profile on an embedded H2 file database, migrated by the same
 * Flyway scripts and seeded. Keeps the zero-install default from rotting.
 */
@QuarkusTest
@TestProfile(LocalProfileH2Test.LocalH2.class)
class LocalProfileH2Test {

    public static class LocalH2 implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "local";
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(com.dealradar.platform.testing.AuthenticatedAsAnalyst.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                String dir = Files.createTempDirectory("dealradar-h2").toString();
                return Map.of("dealradar.data-dir", dir,
                        "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir + "/company-service;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "quarkus.datasource.username", "sa");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void seededAndWritableOnH2() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/companies/ztesoft").then().statusCode(200).body("parents[0].company.slug", equalTo("zte"));
        given().queryParam("q", "bollo").get("/companies").then().body("items.slug", hasItem("bollore"));
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\": \"H2 Telecom\", \"country\": \"DE\", \"kind\": \"group\"}")
                .post("/companies").then().statusCode(201).extract().path("id");
        given().header("If-Match", "\"0\"").contentType("application/merge-patch+json; charset=UTF-8").body("{\"headquartersCity\": \"Köln\"}")
                .patch("/companies/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().get("/companies/h2-telecom").then().body("headquartersCity", equalTo("Köln"));
    }
}
