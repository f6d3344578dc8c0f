package com.dealradar.deal.api;

import static com.dealradar.deal.api.Deals.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.testing.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Creating, reading and conditionally changing one deal: ETags, If-Match (428/412), unknown companies (422). */
@QuarkusTest
class DealWriteTest {

    @Test
    void createReadAndConditionalRead() {
        UUID acquirer = FakeServices.knownCompany();
        UUID target = FakeServices.knownCompany();
        Response created = post(Json.deal(acquirer, target));
        created.then()
                .statusCode(201)
                .header("Location", containsString("/deals/"))
                .header("ETag", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo("announced"))
                .body("allowedNextStatuses", contains("pending_approval", "completed", "abandoned"))
                .body("announced.value", equalTo("2017-06"))
                .body("announced.precision", equalTo("month"))
                .body("value.amount", equalTo("100000000"))
                .body("value.currency", equalTo("USD"))
                .body("value.estimated", equalTo(false))
                .body("valueUsd", equalTo("100000000"))
                .body("participants.companyId", contains(acquirer.toString(), target.toString()))
                .body("sources[0].publisher", equalTo("Test Gazette"));
        String id = created.path("id");
        String etag = created.header("ETag");

        given().header("X-Request-Id", "trace-me-1")
                .get("/deals/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .header("X-Request-Id", equalTo("trace-me-1"))
                .body("title", equalTo("Test acquisition"))
                // A plain number (100), not 1E+2: the stake is stored as 100.00 and its trailing zeros stripped.
                .body(containsString("\"stakePercent\":100"), not(containsString("1E+2")));
        given().header("If-None-Match", etag).get("/deals/" + id).then().statusCode(304);
        given().get("/deals/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("not-found"));
    }

    /** The contract makes value.estimated optional (default false): absent or null is false, true stays true. */
    @Test
    void aValueWithoutEstimatedIsNotAnEstimate() {
        List<Object> read = new ArrayList<>();
        for (Object estimated : java.util.Arrays.asList("absent", null, true)) {
            Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) body.get("value");
            value.remove("estimated");
            if (!"absent".equals(estimated)) {
                value.put("estimated", estimated);
            }
            read.add(post(body).then().statusCode(201).extract().path("value.estimated"));
        }
        System.out.printf("value.estimated absent, null, true -> %s%n", read);
        assertThat(read).containsExactly(false, false, true);
    }

    /**
     * A deal with regulatory matters is not deleted (they would be left about a deal that no longer exists); a
     * completion date comes only with completion. Both are 4xx problems naming what is wrong, and nothing changes.
     */
    @Test
    void aDealWithRegulatoryMattersIsNotDeletedAndACompletionDateNeedsCompletion() {
        Response created = post(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        String id = created.path("id");
        String etag = created.header("ETag");
        String matter = "7d0c1c2e-2222-4333-8444-555566667777";
        FakeServices.giveMatter(UUID.fromString(id), matter);

        Response refused = given().header("If-Match", etag).delete("/deals/" + id);
        Response patched = given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"completed\": {\"value\": \"2018-03\", \"precision\": \"month\"}}")
                .patch("/deals/" + id);
        System.out.printf(
                "delete with a matter: %d (%s); completion date on an announced deal: %d%n",
                refused.statusCode(), refused.path("detail"), patched.statusCode());

        refused.then().statusCode(409).contentType("application/problem+json").body("detail", containsString(matter));
        patched.then().statusCode(400).body("errors[0].field", equalTo("completed"));
        given().get("/deals/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("completed", nullValue());
    }

    @Test
    void putPatchAndDeleteRequireIfMatch() {
        Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        Response created = post(body);
        String id = created.path("id");
        String etag = created.header("ETag");
        body.put("title", "Renamed");

        given().contentType(ContentType.JSON)
                .body(Json.write(body))
                .put("/deals/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(Json.write(body))
                .put("/deals/" + id)
                .then()
                .statusCode(412);
        String etag2 = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Json.write(body))
                .put("/deals/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .extract()
                .header("ETag");
        assertThat(etag2).isNotEqualTo(etag);

        String etag3 = given().contentType("application/merge-patch+json")
                .header("If-Match", etag2)
                .body("{\"description\": null, \"confidence\": \"confirmed\"}")
                .patch("/deals/" + id)
                .then()
                .statusCode(200)
                .body("confidence", equalTo("confirmed"))
                .body("description", nullValue())
                .body("title", equalTo("Renamed"))
                .extract()
                .header("ETag");

        // the status changes only through the status machine
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag3)
                .body("{\"status\": \"completed\"}")
                .patch("/deals/" + id)
                .then()
                .statusCode(409)
                .body("detail", containsString("status-changes"));

        given().header("If-Match", etag).delete("/deals/" + id).then().statusCode(412);
        given().delete("/deals/" + id).then().statusCode(428);
        given().header("If-Match", etag3).delete("/deals/" + id).then().statusCode(204);
        given().get("/deals/" + id).then().statusCode(404);
    }

    @Test
    void twoPutsWithTheSameEtagOneWinsTheOtherGets412() throws Exception {
        Response created = post(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        String id = created.path("id");
        String etag = created.header("ETag");
        Map<String, Object> first = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        first.put("title", "First writer");
        Map<String, Object> second = new java.util.LinkedHashMap<>(first);
        second.put("title", "Second writer");

        // one after the other
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Json.write(first))
                .put("/deals/" + id)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Json.write(second))
                .put("/deals/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().get("/deals/" + id).then().body("title", equalTo("First writer"));

        // at the same time
        String current = given().get("/deals/" + id).header("ETag");
        List<Supplier<Integer>> puts = List.of(first, second).stream()
                .<Supplier<Integer>>map(body -> () -> given().contentType(ContentType.JSON)
                        .header("If-Match", current)
                        .body(Json.write(body))
                        .put("/deals/" + id)
                        .statusCode())
                .toList();
        List<Integer> statuses = Races.together(puts).stream().sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
    }

    @Test
    void unknownCompanyIs422NamingIt() {
        UUID unknown = FakeServices.unknownCompany();
        UUID marker = FakeServices.knownCompany();
        post(Json.deal(marker, unknown))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()))
                .body("errors[0].field", equalTo("participants[1].companyId"))
                .body("errors[0].message", containsString(unknown.toString()));
        given().queryParam("company", marker.toString())
                .get("/deals")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        // PUT adding an unknown participant: also 422, the deal unchanged
        Response created = post(Json.deal(marker, FakeServices.knownCompany()));
        Map<String, Object> body = Json.deal(marker, unknown);
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Json.write(body))
                .put("/deals/" + created.path("id"))
                .then()
                .statusCode(422)
                .body("detail", containsString(unknown.toString()));
    }
}
