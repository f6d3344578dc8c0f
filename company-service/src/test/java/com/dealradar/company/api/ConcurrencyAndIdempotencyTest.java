package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.idempotency.IdempotencyRecord;
import com.dealradar.platform.testing.Races;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrencyAndIdempotencyTest {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource database;

    @RepeatedTest(3)
    void twoUpdatesWithTheSameEtagExactlyOneWins() throws Exception {
        String name = CompanyFixtures.uniqueName("Race Co");
        String id = CompanyFixtures.create(name).path("id");
        List<String> cities = List.of("Berlin", "Hamburg");
        AtomicInteger next = new AtomicInteger();
        // Two threads of their own, released together (the common pool may have one thread on a small machine).
        List<Response> answers = Races.race(
                2,
                () -> given().contentType("application/merge-patch+json")
                        .header("If-Match", "\"0\"")
                        .body("{\"headquartersCity\": \"" + cities.get(next.getAndIncrement()) + "\"}")
                        .patch("/companies/" + id));

        List<Integer> statuses =
                answers.stream().map(Response::statusCode).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
        Response winner =
                answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        given().get("/companies/" + id)
                .then()
                .body("headquartersCity", equalTo(winner.<String>path("headquartersCity")))
                .header("ETag", "\"1\"");
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstAnswerAndCreatesOneCompany() {
        String key = UUID.randomUUID().toString();
        String name = CompanyFixtures.uniqueName("Idem Co");
        String body = CompanyFixtures.body(name, "CN");
        Response first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies");
        Response retry = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        given().queryParam("q", name).get("/companies").then().body("items.size()", equalTo(1));
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("First"), "CN"))
                .post("/companies")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Second"), "CN"))
                .post("/companies")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/idempotency-key-reused"));
    }

    @Test
    void retryWhileTheFirstIsInFlightIs409() {
        String key = UUID.randomUUID().toString();
        String body = CompanyFixtures.body(CompanyFixtures.uniqueName("Slow"), "CN");
        // The first request has claimed the key and not finished: that is exactly this row.
        assertThat(unfinishedClaim(key, body, Instant.now())).isNotNull();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(409)
                .header("Retry-After", "1")
                .body("type", equalTo("https://dealradar.dev/problems/idempotency-in-flight"));
    }

    /**
     * A claim left by a request whose process died (older than the 2 minutes no request runs) and six retries of that
     * request at once: one takes the claim over and writes, the others are told it is in flight (or get its answer once
     * it is done): the claim moves only where it still has the age it was read with (before, each retry could take it
     * over on the row it had read and run the write; the window is narrow, and one run of this test against the old
     * code did not hit it). Another body under the abandoned key is a 422 (before: carried out).
     */
    @Test
    void retriesOfAnAbandonedClaimAtOnceWriteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = CompanyFixtures.body(CompanyFixtures.uniqueName("Abandoned"), "CN");
        // Its company (written under another key, for the request's fingerprint) moves out of the way of the retries.
        String probe = unfinishedClaim(key, body, Instant.now().minusSeconds(180));
        moveOutOfTheWay(probe);
        // Another body under the abandoned key is another request: 422, as for any key (before: it took the claim
        // over and was carried out).
        int otherBody = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Other body"), "CN"))
                .post("/companies")
                .statusCode();
        // Six threads of their own, released together.
        List<Response> retries = Races.race(
                6,
                () -> given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/companies"));
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (Response r : retries) {
            String outcome = r.statusCode() == 201
                    ? ("true".equals(r.header("Idempotent-Replayed")) ? "201 replayed" : "201 written")
                    : r.statusCode() + " " + r.jsonPath().getString("type").replaceAll(".*/", "");
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("an abandoned claim: another body -> " + otherBody + "; six retries at once: " + outcomes);
        assertThat(otherBody).isEqualTo(422);
        assertThat(outcomes).containsEntry("201 written", 1);
        assertThat(outcomes.keySet())
                .allMatch(o ->
                        o.equals("201 written") || o.equals("201 replayed") || o.equals("409 idempotency-in-flight"));
    }

    /**
     * A request the gateway forwarded has a deadline (X-Request-Timeout-Ms) and cannot commit after it: its claim of an
     * Idempotency-Key records when it expires (the deadline and 5 s), and a retry after that takes the claim over at
     * once. Before, a claim left by a crash, or by a release that failed while the database was unreachable, answered
     * every retry "in flight" for two minutes. A claim that has not expired is still in flight.
     */
    @Test
    void aClaimWhoseRequestCanNoLongerCommitIsTakenOverSecondsLaterNotAfterTwoMinutes() {
        String key = UUID.randomUUID().toString();
        String body = CompanyFixtures.body(CompanyFixtures.uniqueName("Deadline"), "CN");
        Instant now = Instant.now();
        String probe = unfinishedClaim(key, body, now.minusSeconds(10), now.minusSeconds(1));
        moveOutOfTheWay(probe);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());

        String pending = UUID.randomUUID().toString();
        String pendingBody = CompanyFixtures.body(CompanyFixtures.uniqueName("Not expired"), "CN");
        unfinishedClaim(pending, pendingBody, now.minusSeconds(10), now.plusSeconds(60));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", pending)
                .body(pendingBody)
                .post("/companies")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://dealradar.dev/problems/idempotency-in-flight"));

        // A request with a deadline records its claim's expiry: the deadline (3 s less a tenth) and 5 s.
        String timed = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", timed)
                .header("X-Request-Timeout-Ms", "3000")
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Timed"), "CN"))
                .post("/companies")
                .then()
                .statusCode(201);
        IdempotencyRecord record = QuarkusTransaction.requiringNew()
                .call(() -> em.find(IdempotencyRecord.class, "user:test-analyst POST /companies " + timed));
        long expiresAfterMs = java.time.Duration.between(record.createdAt, record.claimExpiresAt)
                .toMillis();
        System.out.println(
                "claim of a request with a 3 s deadline expires " + expiresAfterMs + " ms after it was made");
        assertThat(expiresAfterMs).isBetween(5_000L, 7_750L);
    }

    /**
     * A request that fails after its claim was taken over (it ran past its deadline and a retry took the key) releases
     * nothing: the claim is the retry's now. Before, the failing request deleted whatever unfinished claim held the key,
     * so a third request could run the same write while the retry still ran. Here the first request waits for a row
     * lock the test holds, the test moves the claim as a retry's take-over does, then lets the first request fail (the
     * company changed meanwhile: 412).
     */
    @Test
    void aFailingRequestDoesNotReleaseAClaimARetryTookOver() throws Exception {
        String id =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Taken over")).path("id");
        String key = UUID.randomUUID().toString();
        String scopedKey = "user:test-analyst POST /companies/" + id + "/archive " + key;
        CompletableFuture<Integer> first;
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("update company set version = version + 1 where id = ?")) {
                lock.setObject(1, UUID.fromString(id));
                assertThat(lock.executeUpdate()).isEqualTo(1);
            }
            first = CompletableFuture.supplyAsync(() -> given().header("If-Match", "\"0\"")
                    .header("Idempotency-Key", key)
                    .post("/companies/" + id + "/archive")
                    .statusCode());
            // The first request's claim is committed before it runs; a retry's take-over moves it to another time.
            Instant claimed = claimedAt(scopedKey);
            for (int tries = 0; claimed == null && tries < 200; tries++) {
                Thread.sleep(50);
                claimed = claimedAt(scopedKey);
            }
            assertThat(claimed).as("the first request's claim").isNotNull();
            Instant retryClaimedAt = claimed.plusSeconds(1);
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery(
                                    "update IdempotencyRecord r set r.createdAt = :retry where r.scopedKey = :key")
                            .setParameter("retry", retryClaimedAt)
                            .setParameter("key", scopedKey)
                            .executeUpdate());
            holder.commit();
        }
        int status = first.get(20, java.util.concurrent.TimeUnit.SECONDS);
        Instant left = claimedAt(scopedKey);
        System.out.println("a request failing after a retry took its claim over: " + status + "; the retry's claim "
                + (left == null ? "was deleted" : "is still there"));
        assertThat(status).isEqualTo(412);
        assertThat(left).as("the retry's claim").isNotNull();
    }

    private Instant claimedAt(String scopedKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdempotencyRecord claim = em.find(IdempotencyRecord.class, scopedKey);
            return claim == null || claim.completed ? null : claim.createdAt;
        });
    }

    @Test
    void aFailedFirstAttemptDoesNotBlockTheRetry() {
        String key = UUID.randomUUID().toString();
        String name = CompanyFixtures.uniqueName("Retry Co");
        String existing = CompanyFixtures.create(name).path("id");
        // Same slug: 409 conflict, and the failed attempt releases its key (nothing was stored for it) ...
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(CompanyFixtures.body(name, "CN"))
                .post("/companies")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://dealradar.dev/problems/conflict"));
        // ... so once the conflict is gone, the identical retry with the same key is carried out (a key stuck in
        // flight would answer 409 idempotency-in-flight; a stored failure would be replayed).
        moveOutOfTheWay(existing);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(CompanyFixtures.body(name, "CN"))
                .post("/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .body("name", equalTo(name));
    }

    /**
     * The claim of {@code key} by a request with {@code body} that has not finished, made at {@code createdAt}: the
     * fingerprint is taken from the same body sent under another key first (whose company's id this answers).
     */
    /** Gives company {@code id} (at its first version) another slug, so that a request creating its slug can succeed. */
    private static void moveOutOfTheWay(String id) {
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"slug\": \"moved-" + UUID.randomUUID() + "\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(200);
    }

    private String unfinishedClaim(String key, String body, Instant createdAt) {
        return unfinishedClaim(key, body, createdAt, null);
    }

    /** The same, claimed by a request that could commit until {@code expiresAt} (its caller's deadline and margin). */
    private String unfinishedClaim(String key, String body, Instant createdAt, Instant expiresAt) {
        String probe = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key + "-probe")
                .body(body)
                .post("/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord fingerprint =
                    em.find(IdempotencyRecord.class, "user:test-analyst POST /companies " + key + "-probe");
            IdempotencyRecord claim = new IdempotencyRecord();
            claim.scopedKey = "user:test-analyst POST /companies " + key;
            claim.requestHash = fingerprint.requestHash;
            claim.completed = false;
            claim.createdAt = createdAt;
            claim.claimExpiresAt = expiresAt;
            em.persist(claim);
        });
        return probe;
    }
}
