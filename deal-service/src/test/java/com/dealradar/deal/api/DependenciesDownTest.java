package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * company-service and region-service are down (their URLs point at closed loopback ports): writes that
 * need them are refused with 503 and Retry-After, and nothing is written; reads still work.
 */
@QuarkusTest
@TestProfile(DependenciesDownTest.Down.class)
class DependenciesDownTest {

    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.company-service.url", FakeServices.closedPortUrl("company-service"),
                    "quarkus.rest-client.region-service.url", FakeServices.closedPortUrl("region-service"),
                    "dealradar.dependencies.retry-after", "PT7S");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(PostgresDatabase.class, Map.of("database", "dealradar_deal_test_down")),
                    new TestResourceEntry(com.dealradar.platform.testing.AuthenticatedAsAnalyst.class));
        }
    }

    @Test
    void companyServiceDownIs503WithRetryAfterAndNoRow() {
        UUID marker = UUID.randomUUID();
        int before = given().get("/deals?limit=200").path("items.size()");
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 3; attempt++) { // a retry with the same key: the same answer, never a write
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(Json.write(Json.deal(marker, UUID.randomUUID())))
                    .post("/deals")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("7"))
                    .body("type", containsString("dependency-unavailable"))
                    .body("detail", containsString("company-service"));
        }
        given().queryParam("company", marker.toString())
                .get("/deals")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().get("/deals?limit=200").then().body("items.size()", equalTo(before));
        // A list by a company's slug needs company-service too: the same 503, not an empty list.
        given().queryParam("company", "alibaba-cloud")
                .get("/deals")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("7"))
                .body("detail", containsString("company-service"));
    }

    @Test
    void regionServiceDownMeansNoCompletionAndNothingWritten() {
        // a seed deal in status announced: Alibaba Cloud and Bollore
        String id = "29e8e38e-c6df-585d-994e-1087933f5f54";
        String etag = given().get("/deals/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("announced"))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Json.write(Json.map("status", "completed")))
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("region-service"));
        given().get("/deals/" + id).then().body("status", equalTo("announced")).header("ETag", equalTo(etag));
        given().get("/deals/" + id + "/history").then().body("items", hasSize(1));
        // changes that need no other service still work
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Json.write(Json.map("status", "abandoned")))
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200);
    }
}
