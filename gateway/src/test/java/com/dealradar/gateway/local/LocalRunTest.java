package com.dealradar.gateway.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.LocalH2Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
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
public class LocalRunTest {

    static final String REDIS_PREFIX = "dealradar:localrun:" + java.util.UUID.randomUUID() + ":";

    public static class LocalRun extends LocalH2Profile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(); // callers authenticate with the generated key, not as a test analyst
        }

        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            java.util.Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            // The machine's Redis is up: were the local run counting there, its keys would appear under this prefix.
            config.put("dealradar.rate-limit.redis-key-prefix", REDIS_PREFIX);
            // No backends run here: the relay would only log that it cannot reach them (the feed's tests append
            // events).
            config.put("dealradar.feed.relay-enabled", "false");
            return config;
        }
    }

    /** The admin API key the gateway generated into its data folder, as bin/run prints it. */
    public static String generatedAdminKey() throws IOException {
        return Files.readString(keyFile()).strip();
    }

    private static Path keyFile() {
        return Path.of(ConfigProvider.getConfig().getValue("dealradar.data-dir", String.class), "bootstrap-api-key");
    }

    @Test
    void generatedAdminKeyWorksOnH2WithoutKeycloakOrRedis() throws Exception {
        Path keyFile = keyFile();
        String key = generatedAdminKey();
        assertThat(key).startsWith("drk_");
        assertThat(Files.exists(keyFile.resolveSibling("gateway.mv.db")))
                .as("H2 file in the data folder")
                .isTrue();

        String partner = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"name\": \"Local Partner\", \"contact\": {\"email\": \"local@example.org\"}}")
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"internal\""))
                .extract()
                .path("id");
        String issued = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"name\": \"local\", \"scopes\": [\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        given().header("X-API-Key", issued).get("/api/v1/partners").then().statusCode(403);
        given().header("X-API-Key", key)
                .get("/api/v1/partners/" + partner)
                .then()
                .statusCode(200)
                .body("name", equalTo("Local Partner"));
        given().header("Authorization", "Bearer some.jwt.token")
                .get("/api/v1/partners")
                .then()
                .statusCode(401);
    }

    /** bin/run needs no Redis: limits are counted in the gateway's memory, even with a Redis listening on 6379. */
    @Test
    void rateLimitsAreCountedInMemory() throws Exception {
        String key = generatedAdminKey();
        int first = remaining(given().header("X-API-Key", key)
                .get("/api/v1/partners")
                .then()
                .statusCode(200)
                .extract()
                .header("RateLimit"));
        int second = remaining(given().header("X-API-Key", key)
                .get("/api/v1/partners")
                .then()
                .statusCode(200)
                .extract()
                .header("RateLimit"));
        // The prefix the application runs with (the profile may have been built in another class loader, with
        // another copy of REDIS_PREFIX): a prefix of the test's own would find nothing even when Redis counts.
        String prefix = ConfigProvider.getConfig().getValue("dealradar.rate-limit.redis-key-prefix", String.class);
        assertThat(prefix).startsWith("dealradar:localrun:");
        List<String> redisKeys = redisKeys(prefix + "*");
        System.out.printf(
                "local run: remaining %d then %d; Redis keys under the run's prefix: %s%n", first, second, redisKeys);
        assertThat(second).as("each request counted").isEqualTo(first - 1);
        assertThat(redisKeys).as("nothing counted in Redis").isEmpty();
    }

    private static int remaining(String rateLimit) {
        java.util.regex.Matcher r = java.util.regex.Pattern.compile(";r=(\\d+)").matcher(rateLimit);
        assertThat(r.find()).as("RateLimit header %s", rateLimit).isTrue();
        return Integer.parseInt(r.group(1));
    }

    /** KEYS over RESP on the machine's Redis (the tests' Redis, README "Tests"). */
    private static List<String> redisKeys(String pattern) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", 6379)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("*2\r\n$4\r\nKEYS\r\n$" + pattern.length() + "\r\n" + pattern + "\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String header = in.readLine();
            assertThat(header).as("Redis answer to KEYS").startsWith("*");
            List<String> keys = new java.util.ArrayList<>();
            for (int i = 0; i < Integer.parseInt(header.substring(1)); i++) {
                in.readLine(); // $length
                keys.add(in.readLine());
            }
            return keys;
        }
    }
}
