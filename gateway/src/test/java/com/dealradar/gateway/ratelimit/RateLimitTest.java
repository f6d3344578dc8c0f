package com.dealradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.dealradar.gateway.partner.Admin;
import com.dealradar.gateway.partner.PartnerTestConfig;
import com.dealradar.platform.testing.PostgresDatabase;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits with real Redis: exact under concurrency, headers on every authenticated answer, 429 over the limit. */
@QuarkusTest
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
@QuarkusTestResource(value = PartnerTestConfig.class, restrictToAnnotatedClass = true)
class RateLimitTest {

    static final Admin ADMIN = new Admin(PartnerTestConfig.BOOTSTRAP_KEY);

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "dealradar.gateway.backends.company-service.url")
    String companyService;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void stubBackend() {
        URI backend = URI.create(companyService);
        new WireMock(backend.getHost(), backend.getPort())
                .register(WireMock.get(WireMock.urlPathEqualTo("/companies"))
                        .willReturn(WireMock.okJson("{\"items\":[]}")));
    }

    @Test
    void exactlyTheLimitOfConcurrentRequestsIsAccepted() throws Exception {
        String partner = ADMIN.createPartner("Busy Telecom " + UUID.randomUUID(), "tiny");
        String key = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        int n = 3 * PartnerTestConfig.TINY_LIMIT;

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/api/v1/companies"))
                .header("X-API-Key", key)
                .timeout(Duration.ofSeconds(20))
                .build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            answers.add(call.get());
        }
        List<HttpResponse<String>> ok =
                answers.stream().filter(a -> a.statusCode() == 200).toList();
        List<HttpResponse<String>> limited =
                answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(ok).hasSize(PartnerTestConfig.TINY_LIMIT);
        assertThat(limited).hasSize(n - PartnerTestConfig.TINY_LIMIT);

        for (HttpResponse<String> a : ok) {
            assertThat(a.headers().firstValue("RateLimit-Policy"))
                    .hasValue("\"tiny\";q=" + PartnerTestConfig.TINY_LIMIT + ";w=60");
            assertThat(a.headers().firstValue("RateLimit").orElseThrow()).matches("\"tiny\";r=\\d+;t=\\d+");
        }
        assertThat(ok.stream()
                        .map(a -> a.headers()
                                .firstValue("RateLimit")
                                .orElseThrow()
                                .replaceAll(";t=\\d+", "")))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, PartnerTestConfig.TINY_LIMIT)
                        .mapToObj(r -> "\"tiny\";r=" + r)
                        .toList());
        for (HttpResponse<String> a : limited) {
            assertThat(a.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(a.body())
                    .contains("https://dealradar.dev/problems/rate-limited")
                    .contains("\"status\":429");
            long retryAfter =
                    Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(a.headers().firstValue("RateLimit").orElseThrow()).matches("\"tiny\";r=0;t=" + retryAfter);
            assertThat(a.headers().firstValue("RateLimit-Policy"))
                    .hasValue("\"tiny\";q=" + PartnerTestConfig.TINY_LIMIT + ";w=60");
        }
    }

    @Test
    void headersOnTheGatewaysOwnOperationsAndPerKeyCounting() {
        Response first = ADMIN.request().get("/api/v1/partners");
        first.then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"test-admin\";q=100000;w=60")
                .header("RateLimit", matchesPattern("\"test-admin\";r=\\d+;t=\\d+"));
        int remaining = remaining(first);
        int next = remaining(ADMIN.request().get("/api/v1/partners"));
        assertThat(next).isEqualTo(remaining - 1);

        // All keys of a partner share the partner's budget: a second key (or a rotation overlap) does not double it.
        String partner = ADMIN.createPartner("Two Keys Ltd " + UUID.randomUUID(), "tiny");
        String one = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        String two = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        int half = PartnerTestConfig.TINY_LIMIT / 2;
        for (int i = 0; i < half; i++) {
            Admin.as(one).get("/api/v1/companies").then().statusCode(200);
        }
        Admin.as(two)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .header(
                        "RateLimit",
                        matchesPattern("\"tiny\";r=" + (PartnerTestConfig.TINY_LIMIT - half - 1) + ";t=\\d+"));
        for (int i = half + 1; i < PartnerTestConfig.TINY_LIMIT; i++) {
            Admin.as(two).get("/api/v1/companies").then().statusCode(200);
        }
        Admin.as(one)
                .get("/api/v1/companies")
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/rate-limited"));
        Admin.as(two).get("/api/v1/companies").then().statusCode(429);
        // Another partner on the same plan has its own budget.
        String other = ADMIN.createPartner("Other Ltd " + UUID.randomUUID(), "tiny");
        String third = ADMIN.issue(other, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        Admin.as(third).get("/api/v1/companies").then().statusCode(200);
        // Unauthenticated answers are not counted and carry no rate-limit headers.
        Response anonymous = io.restassured.RestAssured.given()
                .header("X-API-Key", "drk_bad")
                .get("/api/v1/partners");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.getHeader("RateLimit")).isNull();
    }

    /** Two counter stores (as on two replicas) sharing Redis count one limit exactly. */
    @Test
    void redisCountsExactlyAcrossReplicas() throws Exception {
        RedisCounterStore replicaA = new RedisCounterStore(redis, Duration.ofSeconds(2));
        RedisCounterStore replicaB = new RedisCounterStore(redis, Duration.ofSeconds(2));
        Quota quota = new Quota("shared", 25, Duration.ofMinutes(1));
        String key = PartnerTestConfig.REDIS_PREFIX + "shared:" + UUID.randomUUID();
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RedisCounterStore store = i % 2 == 0 ? replicaA : replicaB;
            results.add(pool.submit(() -> {
                start.await();
                return store.hit(key, quota).await().atMost(Duration.ofSeconds(5));
            }));
        }
        start.countDown();
        int allowed = 0;
        List<Long> counts = new ArrayList<>();
        for (Future<Decision> result : results) {
            Decision d = result.get();
            counts.add(d.count());
            allowed += d.allowed() ? 1 : 0;
            assertThat(d.resetMillis()).isBetween(1L, 60_000L);
        }
        pool.shutdown();
        assertThat(allowed).isEqualTo(25);
        assertThat(counts)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
        Long ttl = redis.key(String.class).pttl(key).await().atMost(Duration.ofSeconds(2));
        assertThat(ttl).isBetween(1L, 60_000L);
        assertThat(limiter.isRedisDown()).isFalse();
    }

    @Test
    void usersAreCountedByNameOnTheUsersPlan() {
        var user = io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
                .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal("alice"))
                .addRole("viewer")
                .build();
        assertThat(RateLimitFilter.subject(user)).isEqualTo("user:alice");
        assertThat(limiter.quota("users")).isEqualTo(new Quota("users", 1200, Duration.ofMinutes(1)));
        assertThat(limiter.quota("no-such-plan").name()).isEqualTo("standard");
        var partnerKey = io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
                .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal("partner:p1"))
                .addAttribute("dealradar.auth-method", "api_key")
                .addAttribute("dealradar.key-id", "k1")
                .build();
        assertThat(RateLimitFilter.subject(partnerKey)).isEqualTo("key:k1");
    }

    private static int remaining(Response response) {
        String header = response.getHeader("RateLimit");
        return Integer.parseInt(header.replaceAll(".*;r=(\\d+);.*", "$1"));
    }
}
