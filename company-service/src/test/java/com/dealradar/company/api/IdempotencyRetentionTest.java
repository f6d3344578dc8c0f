package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.idempotency.IdempotencyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency keys are remembered for the retention window (a day by default), then forgotten. */
@QuarkusTest
@TestProfile(IdempotencyRetentionTest.PurgeEveryTime.class)
class IdempotencyRetentionTest {

    public static class PurgeEveryTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dealradar.idempotency.purge-interval", "PT0S", "dealradar.idempotency.retention", "PT1H");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void keysOlderThanTheRetentionAreForgottenAndRecentOnesKept() {
        String old = "user:test-analyst POST /companies " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord record = new IdempotencyRecord();
            record.scopedKey = old;
            record.requestHash = "0".repeat(64);
            record.completed = true;
            record.status = 201;
            record.createdAt = Instant.now().minus(Duration.ofHours(2));
            em.persist(record);
        });
        String recentKey = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", recentKey)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Retention"), "DE")).post("/companies")
                .then().statusCode(201);

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(em.find(IdempotencyRecord.class, old)).as("2 h old, retention 1 h").isNull();
            assertThat(em.find(IdempotencyRecord.class, "user:test-analyst POST /companies " + recentKey)).isNotNull();
        });
    }
}
