package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.ServiceProcess;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No secret in the packaged services' own logs (README, "Security"): a gateway of the test's own, with a bootstrap
 * admin key, a database password and a Redis password (its own redis-server with requirepass) of this run, goes
 * through a partner's key life (issue, use, rotate, a wrong key, revoke); then none of those secrets is in its log
 * file or in the backends' log files.
 */
class NoSecretInLogsTest {

    @Test
    void keysAndPasswordsNeverReachTheLogFiles() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "");
        String bootstrapKey = "drk_logs" + run.substring(0, 4) + "_" + run + "bootstrap";
        String dbPassword = "db-password-" + run;
        String redisPassword = "redis-password-" + run;
        RedisRecoveryTest.Redis redis = RedisRecoveryTest.Redis.start(redisPassword);
        ServiceProcess gateway = Services.privateGateway(Map.of(
                "dealradar.security.bootstrap-api-key",
                bootstrapKey,
                // PostgreSQL here trusts loopback connections: the password is sent (and could be logged), not checked.
                "quarkus.datasource.password",
                dbPassword,
                "quarkus.redis.hosts",
                "redis://:" + redisPassword + "@127.0.0.1:" + redis.port,
                "dealradar.rate-limit.redis-key-prefix",
                "dealradar:logs:" + run + ":"));
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("bootstrap admin key", bootstrapKey);
        secrets.put("database password", dbPassword);
        secrets.put("Redis password", redisPassword);
        try {
            String base = gateway.url();
            String partner = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .contentType("application/json")
                    .body("{\"name\": \"Log Check " + run + "\", \"contact\": {\"email\": \"logs@example.org\"}}")
                    .post("/api/v1/partners")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Response issued = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .contentType("application/json")
                    .body("{\"name\": \"logs\", \"scopes\": [\"read\", \"write\"]}")
                    .post("/api/v1/partners/" + partner + "/keys");
            issued.then().statusCode(201);
            String keyId = issued.path("id");
            String secret = issued.path("secret");
            secrets.put("issued key", secret);
            given().baseUri(base)
                    .header("X-API-Key", secret)
                    .get("/api/v1/companies/zte")
                    .then()
                    .statusCode(200);
            given().baseUri(base)
                    .header("X-API-Key", secret)
                    .contentType("application/json")
                    .body("{\"name\":\"Log Check Telecom " + run.substring(0, 8)
                            + "\",\"country\":\"DE\",\"kind\":\"group\"}")
                    .post("/api/v1/companies")
                    .then()
                    .statusCode(201);
            given().baseUri(base)
                    .header("X-API-Key", secret + "x")
                    .get("/api/v1/companies/zte")
                    .then()
                    .statusCode(401);
            String etag = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            Response rotated = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .header("If-Match", etag)
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate");
            rotated.then().statusCode(201);
            String rotatedSecret = rotated.path("secret");
            secrets.put("rotated key", rotatedSecret);
            given().baseUri(base)
                    .header("X-API-Key", rotatedSecret)
                    .get("/api/v1/regions/GB")
                    .then()
                    .statusCode(200);
            assertThat(secrets.values()).allMatch(s -> s != null && s.length() > 20);
        } finally {
            gateway.close();
            redis.stop();
        }
        List<Path> logs = List.of(
                gateway.log(),
                Services.company().log(),
                Services.deal().log(),
                Services.region().log());
        List<String> found = new ArrayList<>();
        long bytes = 0;
        for (Path log : logs) {
            String text = Files.readString(log);
            bytes += text.length();
            secrets.forEach((what, value) -> {
                if (text.contains(value)) {
                    found.add(what + " in " + log.getFileName());
                }
            });
        }
        System.out.printf(
                "no secret in logs: %d secrets looked for in %d log files (%d characters): %s%n",
                secrets.size(), logs.size(), bytes, found.isEmpty() ? "none found" : found);
        assertThat(Files.readString(gateway.log()))
                .as("the gateway's log is the one of this scenario")
                .contains("started in");
        assertThat(found).isEmpty();
    }
}
