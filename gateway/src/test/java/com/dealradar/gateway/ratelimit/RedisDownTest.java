package com.dealradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import com.dealradar.gateway.partner.Admin;
import com.dealradar.gateway.partner.GeneratedKeyRedisDownProfile;
import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Redis is unreachable (a closed loopback port): the gateway keeps serving, limits are counted in memory per
 * replica, one warning is logged for the outage however many requests and retries there are.
 */
@QuarkusTest
@TestProfile(GeneratedKeyRedisDownProfile.class)
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
class RedisDownTest {

    @Inject
    RateLimiter limiter;

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    @Test
    void keepsServingAndLimitsInMemory() throws Exception {
        String key = Files.readString(
                        GeneratedKeyRedisDownProfile.DATA_DIR.resolve("bootstrap-api-key"), StandardCharsets.UTF_8)
                .strip();
        int limit = GeneratedKeyRedisDownProfile.FALLBACK_LIMIT;
        int accepted = 0;
        io.restassured.response.Response answer = null;
        for (int i = 0; i < 2 * limit; i++) {
            answer = Admin.as(key).get("/api/v1/partners");
            if (answer.statusCode() != 200) {
                break;
            }
            accepted++;
            answer.then()
                    .header("RateLimit-Policy", "\"fallback\";q=" + limit + ";w=60")
                    .header("RateLimit", matchesPattern("\"fallback\";r=\\d+;t=\\d+"));
            Thread.sleep(150); // spans several retry intervals (0.3 s): Redis is tried again and fails again
        }
        assertThat(limiter.isRedisDown()).isTrue();
        String exported = io.restassured.RestAssured.given()
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(exported)
                .as("the metric that says limits are per replica now")
                .containsPattern("(?m)^dealradar_gateway_rate_limits_shared(\\{[^}]*})? 0\\.0$");
        // GeneratedBootstrapKeyTest (same application) may have used the key once before.
        assertThat(accepted).isBetween(limit - 1, limit);
        answer.then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/problem+json");

        String log = Files.readString(GeneratedKeyRedisDownProfile.LOG_FILE, StandardCharsets.UTF_8);
        Matcher warnings =
                Pattern.compile("Redis is unavailable for rate limiting").matcher(log);
        int count = 0;
        while (warnings.find()) {
            count++;
        }
        assertThat(count).isEqualTo(1);
    }
}
