package com.dealradar.deal.api;

import static com.dealradar.deal.api.Deals.create;
import static com.dealradar.deal.api.Deals.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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
import org.junit.jupiter.api.Test;

/** Status changes and the history they leave, the completion guard asking region-service. */
@QuarkusTest
class DealHistoryTest {

    @Test
    void historyKeepsEveryChangeInOrder() {
        Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        body.put("status", "rumored");
        body.put("confidence", "rumored");
        body.remove("announced");
        String id = create(body);
        String[][] steps = {
            {"in_talks", "2017-05", "month", "talks confirmed"},
            {"announced", "2017-06-12", "day", "signed"},
            {"pending_approval", "2017-07", "month", "filed with SAMR"},
            {"completed", "2018", "year", "closed"}
        };
        for (String[] step : steps) {
            given().contentType(ContentType.JSON)
                    .header("If-Match", Json.etagOf(id))
                    .body(Json.write(Json.map(
                            "status",
                            step[0],
                            "effectiveDate",
                            Json.map("value", step[1], "precision", step[2]),
                            "note",
                            step[3],
                            "source",
                            Json.map("kind", "article", "publisher", "Gazette " + step[0]))))
                    .post("/deals/" + id + "/status-changes")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("status", equalTo(step[0]))
                    .header("ETag", notNullValue());
        }
        given().get("/deals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items.sequence", contains(1, 2, 3, 4, 5))
                .body("items.from", contains(null, "rumored", "in_talks", "announced", "pending_approval"))
                .body("items.to", contains("rumored", "in_talks", "announced", "pending_approval", "completed"))
                .body("items[1].effectiveDate.value", equalTo("2017-05"))
                .body("items[2].effectiveDate.precision", equalTo("day"))
                .body("items[3].note", equalTo("filed with SAMR"))
                .body("items[4].source.publisher", equalTo("Gazette completed"))
                .body("items[4].recordedAt", notNullValue());
        // the dates the changes carried fill the deal's empty announced and completed dates
        given().get("/deals/" + id)
                .then()
                .body("announced.value", equalTo("2017-06-12"))
                .body("completed.value", equalTo("2018"))
                .body("allowedNextStatuses", hasSize(0));
    }

    @Test
    void statusChangeWithStaleIfMatchIs412AndIdempotencyKeyReplays() {
        Response created = post(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        String id = created.path("id");
        String change = Json.write(Json.map("status", "abandoned", "note", "walked away"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"12345\"")
                .body(change)
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(412);
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .header("Idempotency-Key", key)
                .body(change)
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200)
                .body("status", equalTo("abandoned"));
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .header("Idempotency-Key", key)
                .body(change)
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");
        // If-Match is required on every state-changing action: 428 without it, whatever else the request says
        given().contentType(ContentType.JSON)
                .body(change)
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().get("/deals/" + id + "/history").then().body("items", hasSize(2));
    }

    @Test
    void completingWhileRegionServiceReportsOpenMattersIs409NamingThem() {
        String id = create(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        FakeServices.blockDeal(UUID.fromString(id));
        given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(id))
                .body(Json.write(Json.map("status", "completed")))
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("CN-SAMR-MERGER"))
                .body("detail", containsString("phase1"))
                // The authority's time ran out: the analyst is told what to record.
                .body("detail", containsString("its statutory period ended on 2017-10-09"))
                .body("errors[0].message", containsString("7d0c1c2e-1111-4222-8333-444455556666"));
        given().get("/deals/" + id).then().body("status", equalTo("announced"));
        given().get("/deals/" + id + "/history").then().body("items", hasSize(1));
        // other changes do not ask region-service
        given().contentType(ContentType.JSON)
                .header("If-Match", Json.etagOf(id))
                .body(Json.write(Json.map("status", "pending_approval")))
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200);
    }
}
