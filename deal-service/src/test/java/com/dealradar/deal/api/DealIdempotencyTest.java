package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /deals: one deal per key, 409 while the first request is in flight. */
@QuarkusTest
class DealIdempotencyTest {

    @Test
    void samePostTwiceWithOneKeyCreatesOneDeal() {
        UUID marker = FakeServices.knownCompany();
        Map<String, Object> body = Json.deal(marker, FakeServices.knownCompany());
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Json.write(body))
                .post("/deals");
        first.then().statusCode(201);
        Response second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Json.write(body))
                .post("/deals");
        second.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        given().queryParam("company", marker.toString()).get("/deals").then().body("items", hasSize(1));

        body.put("title", "Something else");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Json.write(body))
                .post("/deals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        given().queryParam("company", marker.toString()).get("/deals").then().body("items", hasSize(1));
    }

    @Test
    void aRetryWhileTheFirstIsInFlightIs409() {
        Map<String, Object> body = Json.deal(FakeServices.SLOW_COMPANY, FakeServices.knownCompany());
        String key = UUID.randomUUID().toString();
        FakeServices.SlowCompanyGate.close();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Json.write(body))
                .post("/deals")
                .statusCode());
        // The first request has claimed the key once it is waiting for company-service (held until the gate opens).
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> FakeServices.SlowCompanyGate.held() > 0);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Json.write(body))
                .post("/deals")
                .then()
                .statusCode(409)
                .header("Retry-After", notNullValue())
                .body("type", containsString("idempotency-in-flight"));
        FakeServices.SlowCompanyGate.open();
        assertThat(first.join()).isEqualTo(201);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Json.write(body))
                .post("/deals")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
