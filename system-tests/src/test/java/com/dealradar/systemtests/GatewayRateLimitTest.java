package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealradar.platform.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas sharing one Redis and one database: a rate limit is one limit across replicas (N
 * concurrent requests spread over both accept exactly L), and a key revoked on one replica is refused by the
 * other within about two seconds.
 */
class GatewayRateLimitTest {

    private static final int LIMIT = 20;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;

    @BeforeAll
    static void startReplicas() {
        Map<String, String> config = Map.of(
                "dealradar.api-keys.bootstrap-plan", "systest",
                "dealradar.rate-limit.plans.systest.limit", Integer.toString(LIMIT),
                "dealradar.rate-limit.plans.systest.window", "PT5M",
                "dealradar.rate-limit.store", "redis",
                // This test is about one limit shared through Redis; falling back to per-replica counting when
                // Redis is slow is RedisOutageTest's subject, so a loaded CI machine must not trigger it here.
                "dealradar.rate-limit.redis-timeout", "PT10S",
                "dealradar.rate-limit.redis-key-prefix", "dealradar:systest:" + RUN + ":");
        replicaA = Services.gatewayReplica("ratelimit-a", config);
        replicaB = Services.gatewayReplica("ratelimit-b", config);
    }

    @Test
    void concurrentRequestsOnTwoReplicasShareOneLimit() throws Exception {
        int n = 3 * LIMIT;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ServiceProcess replica = i % 2 == 0 ? replicaA : replicaB;
            HttpRequest request = HttpRequest.newBuilder(URI.create(replica.url() + "/api/v1/partners?limit=1"))
                    .header("X-API-Key", Services.ADMIN_KEY)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            answers.add(call.get());
        }
        long accepted = answers.stream().filter(a -> a.statusCode() == 200).count();
        long limited = answers.stream().filter(a -> a.statusCode() == 429).count();
        System.out.printf(
                "%d concurrent requests on two replicas, limit %d: %d accepted, %d limited, %d other%n",
                n, LIMIT, accepted, limited, n - accepted - limited);
        for (ServiceProcess replica : List.of(replicaA, replicaB)) {
            assertThat(Files.readString(replica.log()))
                    .as("replica fell back to counting in memory")
                    .doesNotContain("Redis is unavailable for rate limiting");
        }
        assertThat(accepted)
                .as("accepted of %d concurrent requests on two replicas", n)
                .isEqualTo(LIMIT);
        assertThat(limited).isEqualTo(n - LIMIT);
        for (HttpResponse<String> a : answers) {
            assertThat(a.headers().firstValue("RateLimit-Policy")).hasValue("\"systest\";q=" + LIMIT + ";w=300");
            assertThat(a.headers().firstValue("RateLimit").orElseThrow()).matches("\"systest\";r=\\d+;t=\\d+");
            if (a.statusCode() == 429) {
                assertThat(a.headers().firstValue("Retry-After")).isPresent();
                assertThat(a.body()).contains("https://dealradar.dev/problems/rate-limited");
            }
        }
    }

    @Test
    void keyRevokedOnOneReplicaIsRefusedByTheOtherWithinSeconds() {
        // A replica of its own limit counter would be refused by now; use keys of a partner with the default plan.
        String admin = Services.ADMIN_KEY;
        String partner = given().baseUri(Services.gateway().url())
                .header("X-API-Key", admin)
                .contentType("application/json")
                .body("{\"name\":\"Replicated Telecom " + RUN + "\",\"contact\":{\"email\":\"api@example.org\"}}")
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        var issued = given().baseUri(Services.gateway().url())
                .header("X-API-Key", admin)
                .contentType("application/json")
                .body("{\"scopes\":[\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .extract();
        String key = issued.jsonPath().getString("secret");
        String keyPath =
                "/api/v1/partners/" + partner + "/keys/" + issued.jsonPath().getString("id");

        // Accepted on both replicas (403: authenticated, but partners' keys are not admins).
        given().baseUri(replicaA.url())
                .header("X-API-Key", key)
                .get("/api/v1/partners")
                .then()
                .statusCode(403);
        given().baseUri(replicaB.url())
                .header("X-API-Key", key)
                .get("/api/v1/partners")
                .then()
                .statusCode(403);

        given().baseUri(Services.gateway().url())
                .header("X-API-Key", admin)
                .header("If-Match", issued.header("ETag"))
                .delete(keyPath)
                .then()
                .statusCode(200);
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    given().baseUri(replicaA.url())
                            .header("X-API-Key", key)
                            .get("/api/v1/partners")
                            .then()
                            .statusCode(401);
                    given().baseUri(replicaB.url())
                            .header("X-API-Key", key)
                            .get("/api/v1/partners")
                            .then()
                            .statusCode(401);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(3));
    }
}
