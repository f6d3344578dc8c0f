package com.dealradar.deal.api;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DealApiTest {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @TestHTTPResource(value = "metrics", management = true) // relative to the management root, /q
    URL metrics;

    static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(Json.write(body)).post("/deals");
    }

    static String create(Map<String, Object> body) {
        return post(body).then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    @Test
    void createReadAndConditionalRead() {
        UUID acquirer = FakeServices.knownCompany();
        UUID target = FakeServices.knownCompany();
        Response created = post(Json.deal(acquirer, target));
        created.then().statusCode(201)
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

        given().header("X-Request-Id", "trace-me-1").get("/deals/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag)).header("X-Request-Id", equalTo("trace-me-1"))
                .body("title", equalTo("Test acquisition"));
        given().header("If-None-Match", etag).get("/deals/" + id).then().statusCode(304);
        given().get("/deals/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
    }

    @Test
    void putPatchAndDeleteRequireIfMatch() {
        Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        Response created = post(body);
        String id = created.path("id");
        String etag = created.header("ETag");
        body.put("title", "Renamed");

        given().contentType(ContentType.JSON).body(Json.write(body)).put("/deals/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(Json.write(body)).put("/deals/" + id)
                .then().statusCode(412);
        String etag2 = given().contentType(ContentType.JSON).header("If-Match", etag).body(Json.write(body)).put("/deals/" + id)
                .then().statusCode(200).body("title", equalTo("Renamed")).extract().header("ETag");
        assertThat(etag2).isNotEqualTo(etag);

        String etag3 = given().contentType("application/merge-patch+json").header("If-Match", etag2)
                .body("{\"description\": null, \"confidence\": \"confirmed\"}").patch("/deals/" + id)
                .then().statusCode(200).body("confidence", equalTo("confirmed")).body("description", nullValue())
                .body("title", equalTo("Renamed")).extract().header("ETag");

        // the status changes only through the status machine
        given().contentType("application/merge-patch+json").header("If-Match", etag3)
                .body("{\"status\": \"completed\"}").patch("/deals/" + id)
                .then().statusCode(409).body("detail", containsString("status-changes"));

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
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Json.write(first)).put("/deals/" + id)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Json.write(second)).put("/deals/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().get("/deals/" + id).then().body("title", equalTo("First writer"));

        // at the same time
        String current = given().get("/deals/" + id).header("ETag");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> puts = new ArrayList<>();
        for (Map<String, Object> body : List.of(first, second)) {
            puts.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return given().contentType(ContentType.JSON).header("If-Match", current).body(Json.write(body))
                        .put("/deals/" + id).statusCode();
            }));
        }
        List<Integer> statuses = puts.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
    }

    @Test
    void unknownCompanyIs422NamingIt() {
        UUID unknown = FakeServices.unknownCompany();
        UUID marker = FakeServices.knownCompany();
        post(Json.deal(marker, unknown)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()))
                .body("errors[0].field", equalTo("participants[1].companyId"))
                .body("errors[0].message", containsString(unknown.toString()));
        given().queryParam("company", marker.toString()).get("/deals").then().statusCode(200).body("items", hasSize(0));

        // PUT adding an unknown participant: also 422, the deal unchanged
        Response created = post(Json.deal(marker, FakeServices.knownCompany()));
        Map<String, Object> body = Json.deal(marker, unknown);
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(Json.write(body))
                .put("/deals/" + created.path("id")).then().statusCode(422).body("detail", containsString(unknown.toString()));
    }

    @Test
    void samePostTwiceWithOneKeyCreatesOneDeal() {
        UUID marker = FakeServices.knownCompany();
        Map<String, Object> body = Json.deal(marker, FakeServices.knownCompany());
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Json.write(body)).post("/deals");
        first.then().statusCode(201);
        Response second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Json.write(body)).post("/deals");
        second.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        given().queryParam("company", marker.toString()).get("/deals").then().body("items", hasSize(1));

        body.put("title", "Something else");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Json.write(body)).post("/deals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        given().queryParam("company", marker.toString()).get("/deals").then().body("items", hasSize(1));
    }

    @Test
    void aRetryWhileTheFirstIsInFlightIs409() {
        Map<String, Object> body = Json.deal(FakeServices.SLOW_COMPANY, FakeServices.knownCompany());
        String key = UUID.randomUUID().toString();
        FakeServices.SlowCompanyGate.close();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Json.write(body)).post("/deals").statusCode());
        // The first request has claimed the key once it is waiting for company-service (held until the gate opens).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> FakeServices.SlowCompanyGate.held() > 0);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Json.write(body)).post("/deals")
                .then().statusCode(409).header("Retry-After", notNullValue())
                .body("type", containsString("idempotency-in-flight"));
        FakeServices.SlowCompanyGate.open();
        assertThat(first.join()).isEqualTo(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Json.write(body)).post("/deals")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
    }

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
                {"completed", "2018", "year", "closed"}};
        for (String[] step : steps) {
            given().contentType(ContentType.JSON).header("If-Match", Json.etagOf(id))
                    .body(Json.write(Json.map("status", step[0], "effectiveDate", Json.map("value", step[1], "precision", step[2]),
                            "note", step[3], "source", Json.map("kind", "article", "publisher", "Gazette " + step[0]))))
                    .post("/deals/" + id + "/status-changes")
                    .then().log().ifValidationFails().statusCode(200).body("status", equalTo(step[0])).header("ETag", notNullValue());
        }
        given().get("/deals/" + id + "/history").then().statusCode(200)
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
        given().get("/deals/" + id).then()
                .body("announced.value", equalTo("2017-06-12"))
                .body("completed.value", equalTo("2018"))
                .body("allowedNextStatuses", hasSize(0));
    }

    @Test
    void statusChangeWithStaleIfMatchIs412AndIdempotencyKeyReplays() {
        Response created = post(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        String id = created.path("id");
        String change = Json.write(Json.map("status", "abandoned", "note", "walked away"));
        given().contentType(ContentType.JSON).header("If-Match", "\"12345\"").body(change)
                .post("/deals/" + id + "/status-changes").then().statusCode(412);
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).header("Idempotency-Key", key)
                .body(change).post("/deals/" + id + "/status-changes").then().statusCode(200).body("status", equalTo("abandoned"));
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).header("Idempotency-Key", key)
                .body(change).post("/deals/" + id + "/status-changes").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        // If-Match is required on every state-changing action: 428 without it, whatever else the request says
        given().contentType(ContentType.JSON).body(change).post("/deals/" + id + "/status-changes").then().statusCode(428)
                .contentType("application/problem+json");
        given().get("/deals/" + id + "/history").then().body("items", hasSize(2));
    }

    @Test
    void completingWhileRegionServiceReportsOpenMattersIs409NamingThem() {
        String id = create(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        FakeServices.blockDeal(UUID.fromString(id));
        given().contentType(ContentType.JSON).header("If-Match", Json.etagOf(id)).body(Json.write(Json.map("status", "completed")))
                .post("/deals/" + id + "/status-changes").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("CN-SAMR-MERGER"))
                .body("detail", containsString("phase1"))
                .body("errors[0].message", containsString("7d0c1c2e-1111-4222-8333-444455556666"));
        given().get("/deals/" + id).then().body("status", equalTo("announced"));
        given().get("/deals/" + id + "/history").then().body("items", hasSize(1));
        // other changes do not ask region-service
        given().contentType(ContentType.JSON).header("If-Match", Json.etagOf(id)).body(Json.write(Json.map("status", "pending_approval")))
                .post("/deals/" + id + "/status-changes").then().statusCode(200);
    }

    @Test
    void seedDealsAreLoadedWithFixedUuid5Ids() throws Exception {
        JsonNode seed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/deals.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        UUID namespace = UUID.fromString(seed.get("namespace").asText());
        assertThat(seed.get("deals").size()).isGreaterThanOrEqualTo(15);
        for (JsonNode deal : seed.get("deals")) {
            String slug = deal.get("slug").asText();
            assertThat(deal.get("id").asText()).as(slug).isEqualTo(uuid5(namespace, "deal/" + slug).toString());
            assertThat(seed.get("ids").get(slug).asText()).isEqualTo(deal.get("id").asText());
            given().get("/deals/" + deal.get("id").asText()).then().statusCode(200)
                    .body("title", equalTo(deal.get("title").asText()))
                    .body("sources", org.hamcrest.Matchers.not(hasSize(0)));
        }
        String ztesoft = seed.get("ids").get("alibaba-ztesoft-acquisition").asText();
        given().get("/deals/" + ztesoft).then()
                .body("type", equalTo("acquisition"))
                .body("status", equalTo("rumored"))
                .body("confidence", equalTo("rumored"))
                .body("announced.precision", equalTo("year"))
                .body("value.currency", equalTo("CNY"))
                .body("value.amountMin", equalTo("2000000000"))
                .body("value.amountUsdMax", equalTo("442000000"))
                .body("value.estimated", equalTo(true))
                .body("participants.role", contains("acquirer", "target", "seller"))
                .body("participants.companyId", hasItem("f604e41d-8f8e-54e2-9294-c78fee942a96"))
                .body("sources[0].note", containsString("440 million"));
        String vodafone = seed.get("ids").get("alibaba-cloud-vodafone-germany-partnership").asText();
        given().get("/deals/" + vodafone).then().body("status", equalTo("active")).body("regions", contains("DE"))
                .body("completed.value", equalTo("2016"));
        given().get("/deals/" + vodafone + "/history").then().body("items.to", contains("announced", "completed", "active"));
        // the seed's companies: Alibaba Group takes part in several seed deals
        given().queryParam("company", "0ac5b527-f0f8-5f43-be35-bdfe16ff147a").get("/deals").then()
                .body("items.id", hasItem(ztesoft));
    }

    @Test
    void openApiHealthAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/deals/{id}/status-changes"));
        given().get(ready).then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
        given().get(metrics).then().statusCode(200);
    }

    static UUID uuid5(UUID namespace, String name) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        java.nio.ByteBuffer ns = java.nio.ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        sha1.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
