package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.idempotency.IdempotencyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrencyAndIdempotencyTest {

    @Inject
    EntityManager em;

    @RepeatedTest(3)
    void twoUpdatesWithTheSameEtagExactlyOneWins() throws Exception {
        String name = CompanyFixtures.uniqueName("Race Co");
        String id = CompanyFixtures.create(name).path("id");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> updates = List.of("Berlin", "Hamburg").stream()
                .map(city -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return given().contentType("application/merge-patch+json")
                            .header("If-Match", "\"0\"")
                            .body("{\"headquartersCity\": \"" + city + "\"}")
                            .patch("/companies/" + id);
                }))
                .toList();
        start.countDown();
        List<Response> answers = updates.stream().map(CompletableFuture::join).toList();

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
        String fingerprint = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key + "-probe")
                .body(body)
                .post("/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(fingerprint).isNotNull();
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord probe =
                    em.find(IdempotencyRecord.class, "user:test-analyst POST /companies " + key + "-probe");
            IdempotencyRecord inFlight = new IdempotencyRecord();
            inFlight.scopedKey = "user:test-analyst POST /companies " + key;
            inFlight.requestHash = probe.requestHash;
            inFlight.completed = false;
            inFlight.createdAt = Instant.now();
            em.persist(inFlight);
        });
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/companies")
                .then()
                .statusCode(409)
                .header("Retry-After", "1")
                .body("type", equalTo("https://dealradar.dev/problems/idempotency-in-flight"));
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
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"slug\": \"moved-" + UUID.randomUUID() + "\"}")
                .patch("/companies/" + existing)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(CompanyFixtures.body(name, "CN"))
                .post("/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .body("name", equalTo(name));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
