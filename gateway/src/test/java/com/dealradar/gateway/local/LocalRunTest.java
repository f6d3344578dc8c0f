package com.dealradar.gateway.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.LocalH2Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The gateway as bin/run starts it: H2 under the data folder (partners and keys migrated there), no
 * Keycloak, rate limits counted in memory, and an admin key generated into the data folder, which the run
 * command prints.
 */
@QuarkusTest
@TestProfile(LocalRunTest.LocalRun.class)
class LocalRunTest {

    public static class LocalRun extends LocalH2Profile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(); // callers authenticate with the generated key, not as a test analyst
        }
    }

    @Test
    void generatedAdminKeyWorksOnH2WithoutKeycloakOrRedis() throws Exception {
        Path keyFile = Path.of(ConfigProvider.getConfig().getValue("dealradar.data-dir", String.class), "bootstrap-api-key");
        String key = Files.readString(keyFile).strip();
        assertThat(key).startsWith("drk_");
        assertThat(Files.exists(keyFile.resolveSibling("gateway.mv.db"))).as("H2 file in the data folder").isTrue();

        String partner = given().header("X-API-Key", key).contentType("application/json")
                .body("{\"name\": \"Local Partner\", \"contact\": {\"email\": \"local@example.org\"}}")
                .post("/api/v1/partners").then().statusCode(201)
                .header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"internal\""))
                .extract().path("id");
        String issued = given().header("X-API-Key", key).contentType("application/json")
                .body("{\"name\": \"local\", \"scopes\": [\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys").then().statusCode(201).extract().path("secret");
        given().header("X-API-Key", issued).get("/api/v1/partners").then().statusCode(403);
        given().header("X-API-Key", key).get("/api/v1/partners/" + partner).then().statusCode(200)
                .body("name", equalTo("Local Partner"));
        given().header("Authorization", "Bearer some.jwt.token").get("/api/v1/partners").then().statusCode(401);
    }
}
