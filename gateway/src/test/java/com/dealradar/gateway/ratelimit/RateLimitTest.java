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
                return store.add(key, quota, 1).await().atMost(Duration.ofSeconds(5));
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

    /**
     * Two replicas' leases on one Redis key: a busy caller costs a fraction of the round trips, no more than the
     * limit is admitted across replicas, every admitted request has its own number, and what the replicas held
     * unused at the limit is a sliver of the budget.
     */
    @Test
    void leasesAdmitAtMostTheLimitAcrossReplicasWithFewRoundTrips() throws Exception {
        Quota quota = new Quota("busy", 20_000, Duration.ofMinutes(1));
        String key = PartnerTestConfig.REDIS_PREFIX + "busy:" + UUID.randomUUID();
        RedisLeases replicaA =
                new RedisLeases(new RedisCounterStore(redis, Duration.ofSeconds(5)), System::currentTimeMillis, 50);
        RedisLeases replicaB =
                new RedisLeases(new RedisCounterStore(redis, Duration.ofSeconds(5)), System::currentTimeMillis, 50);
        int n = 30_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Decision>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            RedisLeases replica = t % 2 == 0 ? replicaA : replicaB;
            results.add(pool.submit(() -> {
                start.await();
                List<Decision> decisions = new ArrayList<>();
                for (int i = 0; i < n / 8; i++) {
                    decisions.add(replica.hit(key, quota).await().atMost(Duration.ofSeconds(5)));
                }
                return decisions;
            }));
        }
        start.countDown();
        List<Long> admitted = new ArrayList<>();
        int refused = 0;
        for (Future<List<Decision>> result : results) {
            for (Decision d : result.get()) {
                if (d.allowed()) {
                    admitted.add(d.count());
                } else {
                    refused++;
                }
                assertThat(d.resetMillis()).isBetween(0L, 60_000L);
            }
        }
        pool.shutdown();
        long roundTrips = replicaA.roundTrips() + replicaB.roundTrips();
        long counted = Long.parseLong(redis.value(String.class).get(key).await().atMost(Duration.ofSeconds(2)));
        System.out.printf(
                "%d requests on two replicas, limit %d: %d admitted, %d refused, %d Redis round trips, shared count %d%n",
                n, quota.limit(), admitted.size(), refused, roundTrips, counted);
        assertThat(admitted).doesNotHaveDuplicates().allMatch(ordinal -> ordinal >= 1 && ordinal <= quota.limit());
        assertThat(admitted.size() + refused).isEqualTo(n);
        assertThat(admitted.size()).isBetween(quota.limit() - quota.limit() / 50, quota.limit());
        assertThat(roundTrips).isLessThan(n / 8);
        // Every number a replica admitted was taken from the shared count first.
        assertThat(counted)
                .isGreaterThanOrEqualTo(admitted.size())
                .isGreaterThanOrEqualTo(java.util.Collections.max(admitted));
    }

    /** Below 64 requests per window every request is its own round trip: exact counts, as without leases. */
    @Test
    void smallLimitsAreCountedOneByOne() throws Exception {
        Quota quota = new Quota("small", 25, Duration.ofMinutes(1));
        String key = PartnerTestConfig.REDIS_PREFIX + "small:" + UUID.randomUUID();
        RedisLeases replicaA =
                new RedisLeases(new RedisCounterStore(redis, Duration.ofSeconds(5)), System::currentTimeMillis, 50);
        RedisLeases replicaB =
                new RedisLeases(new RedisCounterStore(redis, Duration.ofSeconds(5)), System::currentTimeMillis, 50);
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RedisLeases replica = i % 2 == 0 ? replicaA : replicaB;
            results.add(pool.submit(() -> {
                start.await();
                return replica.hit(key, quota).await().atMost(Duration.ofSeconds(5));
            }));
        }
        start.countDown();
        List<Long> admitted = new ArrayList<>();
        for (Future<Decision> result : results) {
            Decision d = result.get();
            if (d.allowed()) {
                admitted.add(d.count());
            }
        }
        pool.shutdown();
        long counted = Long.parseLong(redis.value(String.class).get(key).await().atMost(Duration.ofSeconds(2)));
        System.out.printf(
                "%d requests on two replicas, limit %d: %d admitted, %d Redis round trips, shared count %d%n",
                n, quota.limit(), admitted.size(), replicaA.roundTrips() + replicaB.roundTrips(), counted);
        assertThat(admitted)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        // Each round trip took one number; once the count passed the limit, the replicas refused without Redis.
        assertThat(counted).isEqualTo(replicaA.roundTrips() + replicaB.roundTrips());
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
