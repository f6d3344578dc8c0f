package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.dealradar.region.seed.RegionSeeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatterApiTest {

    static Response create(UUID dealId, String regimeCode) {
        return create(dealId, regimeCode, "2024-01-10");
    }

    static Response create(UUID dealId, String regimeCode, String openedOn) {
        return given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + dealId + "\", \"regimeCode\": \"" + regimeCode
                        + "\", \"title\": \"test matter\", "
                        + "\"status\": \"anticipated\", \"openedOn\": \"" + openedOn + "\", \"basis\": \"inferred\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters");
    }

    static Response move(String id, String status, String on) {
        String etag = given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"status\": \"" + status + "\"" + (on == null ? "" : ", \"on\": \"" + on + "\"")
                        + ", \"note\": \"step\"}")
                .post("/regulatory-matters/" + id + "/transitions");
    }

    @Test
    void nsiaCallInDeadlineMovesWithExtensionAndClockStop() {
        UUID deal = UUID.randomUUID();
        String id = create(deal, "UK-NSIA")
                .then()
                .statusCode(201)
                .header("Location", containsString("/regulatory-matters/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("anticipated"))
                .body("open", equalTo(true))
                .body("blocking", equalTo(true))
                .body("regime.code", equalTo("UK-NSIA"))
                .body("regionCode", equalTo("GB"))
                .body("deadline", nullValue())
                .body("statusHistory", hasSize(1))
                .extract()
                .path("id");
        move(id, "notified", "2024-02-01").then().statusCode(200).body("deadline", nullValue());
        move(id, "accepted", "2024-02-05")
                .then()
                .statusCode(200)
                .body("deadline.clock", equalTo("review"))
                .body("deadline.startsOn", equalTo("2024-02-05"));
        move(id, "phase1", "2024-02-05").then().statusCode(200).body("deadline.clock", equalTo("review"));
        // Call-in on 20 March 2024: 30 working days counted from that day (NSIA s.23(3)(a); Good Friday and Easter
        // Monday
        // skipped) end on 2 May 2024.
        String etag = move(id, "phase2", "2024-03-20")
                .then()
                .statusCode(200)
                .body("status", equalTo("phase2"))
                .body("deadline.clock", equalTo("assessment"))
                .body("deadline.unit", equalTo("working_days"))
                .body("deadline.dueOn", equalTo("2024-05-02"))
                .body("deadline.firstCountedDay", equalTo("same_day"))
                .body("deadline.regimeVersion", equalTo("single"))
                .body("allowedTransitions", hasItem("cleared_with_conditions"))
                .extract()
                .header("ETag");
        // The additional period of 45 working days.
        etag = given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(
                        "{\"extensions\": [{\"clock\": \"assessment\", \"code\": \"additional\", \"grantedOn\": \"2024-05-02\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("deadline.dueOn", equalTo("2024-07-08"))
                .body("deadline.extensions[0]", startsWith("Additional period"))
                .extract()
                .header("ETag");
        // An information notice stops the clock for 8-12 April (5 working days).
        etag = given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(
                        "{\"clockStops\": [{\"from\": \"2024-04-08\", \"to\": \"2024-04-12\", \"reason\": \"information notice\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("deadline.stoppedDays", equalTo(5))
                .body(
                        "deadline.dueOn",
                        equalTo("2024-07-16")) // 5 working days later, skipping 12 July (Northern Ireland)
                .extract()
                .header("ETag");
        // An open-ended stop: no due date, the clock reads stopped.
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"clockStops\": [{\"from\": \"2024-04-08\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("deadline.clockStopped", equalTo(true))
                .body("deadline.dueOn", nullValue())
                .body("clockStopped", equalTo(true));
        // An extension the regime does not have.
        String current =
                given().get("/regulatory-matters/" + id).then().extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", current)
                .body("{\"extensions\": [{\"clock\": \"assessment\", \"code\": \"forever\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("extensions[0].code"));
        // A voluntary period needs a length.
        given().contentType("application/merge-patch+json")
                .header("If-Match", current)
                .body("{\"extensions\": [{\"clock\": \"assessment\", \"code\": \"voluntary\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("extensions[0].length"));
        move(id, "cleared_with_conditions", "2024-07-01")
                .then()
                .statusCode(200)
                .body("open", equalTo(false))
                .body("blocking", equalTo(false))
                .body("deadline", nullValue())
                .body("decidedOn", equalTo("2024-07-01"))
                .body(
                        "statusHistory.status",
                        equalTo(java.util.List.of(
                                "anticipated", "notified", "accepted", "phase1", "phase2", "cleared_with_conditions")))
                .body("allowedTransitions", empty());
    }

    @Test
    void aDeadlineUsesTheClockOfTheRegimeVersionInForceWhenItStarted() {
        // China's special cybersecurity review: 45 working days under the 2020 measures, 90 under the 2022 ones.
        for (String[] c : new String[][] {
            {"2021-06-07", "CSRM-2020", "45", "2021-08-10"}, {"2023-06-05", "CSRM-2022", "90", "2023-10-16"}
        }) {
            String id = create(UUID.randomUUID(), "CN-CAC-CSR", c[0])
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            move(id, "notified", c[0]).then().statusCode(200).body("deadline.clock", equalTo("filing"));
            move(id, "accepted", c[0]).then().statusCode(200);
            move(id, "phase1", c[0]).then().statusCode(200);
            move(id, "phase2", c[0])
                    .then()
                    .statusCode(200)
                    .body("deadline.clock", equalTo("special"))
                    .body("deadline.regimeVersion", equalTo(c[1]))
                    .body("deadline.length", equalTo(Integer.parseInt(c[2])))
                    .body("deadline.dueOn", equalTo(c[3]));
        }
    }

    @Test
    void forbiddenTransitionsAre409NamingBothStatuses() {
        String id = create(UUID.randomUUID(), "CN-AML")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        move(id, "phase1", null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/invalid-transition"))
                .body("detail", containsString("anticipated to phase1"))
                .body("detail", containsString("not_required, notified, prefiling, withdrawn"));
        move(id, "withdrawn", null).then().statusCode(200).body("status", equalTo("withdrawn"));
        move(id, "notified", null).then().statusCode(409).body("detail", containsString("final"));
    }

    @Test
    void historyStaysInDateOrder() {
        String id = create(UUID.randomUUID(), "DE-AWV")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        move(id, "notified", "2024-01-15")
                .then()
                .statusCode(200)
                .body("deadline.clock", equalTo("phase1"))
                .body("deadline.unit", equalTo("months"))
                .body("deadline.dueOn", equalTo("2024-03-15"));
        move(id, "accepted", "2023-12-01").then().statusCode(422).body("errors[0].field", equalTo("on"));
    }

    @Test
    void newMattersStartInAnEntryStatusAndStatusIsNotWritableByPut() {
        given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID()
                        + "\", \"regimeCode\": \"UK-NSIA\", \"status\": \"phase2\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Response created = create(UUID.randomUUID(), "UK-NSIA");
        String id = created.path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body("{\"dealId\": \"" + UUID.randomUUID()
                        + "\", \"regimeCode\": \"UK-NSIA\", \"status\": \"cleared\", \"basis\": \"inferred\"}")
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(409)
                .body("detail", containsString("transitions"));
        given().contentType(ContentType.JSON)
                .body("{\"regimeCode\": \"UK-NSIA\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dealId"));
        given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID()
                        + "\", \"regimeCode\": \"XX-NOPE\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("regimeCode"));
    }

    @Test
    void conditionalWrites() {
        Response created = create(UUID.randomUUID(), "UK-NSIA");
        String id = created.path("id");
        String etag = created.header("ETag");
        given().header("If-None-Match", etag)
                .get("/regulatory-matters/" + id)
                .then()
                .statusCode(304);
        String body = "{\"dealId\": \"" + UUID.randomUUID()
                + "\", \"regimeCode\": \"UK-NSIA\", \"stage\": \"pre-notification\", \"basis\": \"stated_in_source\"}";
        given().contentType(ContentType.JSON)
                .body(body)
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(body)
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("pre-notification"))
                .header("ETag", not(equalTo(etag)));
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"status\": \"notified\"}")
                .post("/regulatory-matters/" + id + "/transitions")
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"notified\"}")
                .post("/regulatory-matters/" + id + "/transitions")
                .then()
                .statusCode(428);
    }

    @Test
    void idempotentCreate() {
        String key = UUID.randomUUID().toString();
        String body =
                "{\"dealId\": \"" + UUID.randomUUID() + "\", \"regimeCode\": \"CN-CAC-CSR\", \"basis\": \"inferred\"}";
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body.replace("CN-CAC-CSR", "CN-AML"))
                .post("/regulatory-matters")
                .then()
                .statusCode(422);
    }

    @Test
    void filtersAndKeysetPaging() {
        UUID deal = UUID.randomUUID();
        String a = create(deal, "UK-NSIA").path("id");
        String b = create(deal, "CN-AML").path("id");
        String c = create(deal, "DE-AWV").path("id");
        move(c, "not_required", "2024-02-01").then().statusCode(200);
        given().queryParam("dealId", deal.toString())
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(a, b, c)))
                .body("nextCursor", nullValue());
        given().queryParam("dealId", deal.toString())
                .queryParam("open", "true")
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(a, b)));
        given().queryParam("dealId", deal.toString())
                .queryParam("region", "cn")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(b)));
        given().queryParam("dealId", deal.toString())
                .queryParam("regime", "UK-NSIA")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(a)));
        given().queryParam("dealId", deal.toString())
                .queryParam("status", "not_required")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(c)));
        Response page1 = given().queryParam("dealId", deal.toString())
                .queryParam("limit", "2")
                .get("/regulatory-matters");
        page1.then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(a, b)))
                .header("Link", containsString("rel=\"next\""));
        given().queryParam("dealId", deal.toString())
                .queryParam("limit", "2")
                .queryParam("cursor", (String) page1.path("nextCursor"))
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(c)))
                .body("nextCursor", nullValue());
    }

    @Test
    void seedMattersCarrySourceAndBasis() {
        String bt = RegionSeeder.dealId("alibaba-cloud-bt-partnership").toString();
        given().queryParam("dealId", bt)
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].regime.code", equalTo("UK-EA02"))
                .body("items[0].status", equalTo("anticipated"))
                .body("items[0].blocking", equalTo(false))
                .body("items[0].basis", equalTo("stated_in_source"))
                .body("items[0].sources.kind", hasItem("article"))
                .body("items[0].sources.kind", hasItem("general_knowledge"));
        given().get("/regulatory-matters/" + RegionSeeder.matterId("alibaba-vodafone-germany-bsi-c5"))
                .then()
                .statusCode(200)
                .body("status", equalTo("cleared"))
                .body(
                        "dealId",
                        equalTo(RegionSeeder.dealId("alibaba-cloud-vodafone-germany-partnership")
                                .toString()))
                .body("companyId", equalTo("9be747c1-fdf7-5317-8f6a-a66d8928c7f7"))
                .body("statusHistory", hasSize(5))
                .body("statusHistory[4].status", equalTo("cleared"))
                .body("basisNote", containsString("Inferred"));
        given().get("/regulatory-matters/" + RegionSeeder.matterId("alibaba-china-unicom-cn-merger-control"))
                .then()
                .statusCode(200)
                .body("status", equalTo("not_required"))
                .body("basis", equalTo("inferred"));
        given().queryParam("region", "CN")
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .body("items.regionCode", everyItem(equalTo("CN")));
    }
}
