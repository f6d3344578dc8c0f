package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.idempotency.IdempotencyConfig;
import com.dealradar.platform.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys are remembered for the retention window (a day by default), then forgotten. Time is the
 * application's clock bean, moved by the test: a day passes without waiting one.
 */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    IdempotencyConfig config;

    @Test
    void aKeyIsRememberedForTheRetentionAndForgottenAfterIt() {
        TestClock clock = TestClock.installed();
        String key = UUID.randomUUID().toString();
        String first = CompanyFixtures.body(CompanyFixtures.uniqueName("Retention"), "DE");
        String second = CompanyFixtures.body(CompanyFixtures.uniqueName("Retention"), "DE");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(first)
                .post("/companies")
                .then()
                .statusCode(201);

        // Just before the retention ends (and after a purge has run), the key still belongs to the first request.
        clock.advance(config.retention().minus(Duration.ofMinutes(1)));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(second)
                .post("/companies")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://dealradar.dev/problems/idempotency-key-reused"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(first)
                .post("/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");

        // Once the retention and one purge interval have passed, the key is free for a new request.
        clock.advance(Duration.ofMinutes(1).plus(config.purgeInterval()));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(second)
                .post("/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }
}
