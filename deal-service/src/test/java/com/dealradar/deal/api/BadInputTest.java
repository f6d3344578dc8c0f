package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad input is never a 500: each case is a 4xx problem+json that names what is wrong. */
@QuarkusTest
class BadInputTest {

    record Case(String name, String body, int status, String mentions) {}

    static Case edit(String name, Consumer<Map<String, Object>> change, int status, String mentions) {
        Map<String, Object> deal = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        change.accept(deal);
        return new Case(name, Json.write(deal), status, mentions);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> value(Map<String, Object> deal) {
        return (Map<String, Object>) deal.get("value");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> participant(Map<String, Object> deal, int i) {
        return ((List<Map<String, Object>>) deal.get("participants")).get(i);
    }

    static List<Case> bodies() {
        String valid = Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany()));
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("malformed JSON", "{\"title\": ", 400, "malformed JSON"));
        cases.add(new Case("trailing garbage", valid + " x", 400, ""));
        cases.add(new Case("duplicate key", valid.replaceFirst("\\{", "{\"title\":\"a\","), 400, "title"));
        cases.add(new Case("empty body", "", 400, "body"));
        cases.add(new Case("array body", "[]", 400, "object"));
        cases.add(new Case("null body", "null", 400, "body"));
        cases.add(edit("title is a number", d -> d.put("title", 5), 400, "title"));
        cases.add(edit("participants is a string", d -> d.put("participants", "x"), 400, "participants"));
        cases.add(edit("unknown type", d -> d.put("type", "takeover"), 400, "acquisition, merger"));
        cases.add(edit("unknown confidence", d -> d.put("confidence", "certain"), 400, "rumored, reported, confirmed"));
        cases.add(edit("unknown role", d -> participant(d, 0).put("role", "buyer"), 400, "participants[0].role"));
        cases.add(edit("unknown field", d -> d.put("colour", "red"), 400, "unknown field 'colour'"));
        cases.add(edit("unknown nested field", d -> value(d).put("fx", "1"), 400, "unknown field 'fx'"));
        cases.add(edit("missing title", d -> d.remove("title"), 400, "title"));
        cases.add(edit("missing type", d -> d.remove("type"), 400, "type"));
        cases.add(edit("missing participants", d -> d.remove("participants"), 400, "participants"));
        cases.add(edit("no participants", d -> d.put("participants", List.of()), 400, "participants"));
        cases.add(edit(
                "participant without company",
                d -> participant(d, 0).remove("companyId"),
                400,
                "participants[0].companyId"));
        cases.add(edit("title too long", d -> d.put("title", "x".repeat(201)), 400, "title"));
        // Blank as the contract's \S counts it (Bean Validation's @NotBlank let these through, stored as "").
        cases.add(edit("title an em space", d -> d.put("title", "\u2003"), 400, "title"));
        cases.add(edit("title no-break spaces", d -> d.put("title", "\u00a0\u3000\ufeff"), 400, "title"));
        cases.add(edit("description too long", d -> d.put("description", "x".repeat(4001)), 400, "description"));
        cases.add(edit(
                "company id not a UUID",
                d -> participant(d, 0).put("companyId", "nope"),
                400,
                "participants[0].companyId"));
        cases.add(edit("unknown currency", d -> value(d).put("currency", "ABC"), 400, "value.currency"));
        cases.add(edit("lower-case currency", d -> value(d).put("currency", "usd"), 400, "value.currency"));
        cases.add(edit("missing currency", d -> value(d).remove("currency"), 400, "value.currency"));
        cases.add(edit("amount and range", d -> value(d).put("amountMin", "1"), 400, "value.amount"));
        cases.add(edit("neither amount nor range", d -> value(d).remove("amount"), 400, "value.amount"));
        cases.add(edit(
                "half a range",
                d -> {
                    value(d).remove("amount");
                    value(d).put("amountMin", "5");
                },
                400,
                "value.amountMax"));
        cases.add(edit(
                "range min above max",
                d -> {
                    value(d).remove("amount");
                    value(d).put("amountMin", "5");
                    value(d).put("amountMax", "4");
                },
                400,
                "value.amountMin"));
        cases.add(edit("amount is a number", d -> value(d).put("amount", 100), 400, "value.amount"));
        cases.add(edit("amount in exponent form", d -> value(d).put("amount", "1e9"), 400, "value.amount"));
        cases.add(edit("negative amount", d -> value(d).put("amount", "-5"), 400, "value.amount"));
        cases.add(edit("estimated a string", d -> value(d).put("estimated", "yes"), 400, "value.estimated"));
        cases.add(edit(
                "date not in its precision",
                d -> d.put("announced", Json.map("value", "2017-06", "precision", "year")),
                400,
                "announced.value"));
        cases.add(edit(
                "no such month",
                d -> d.put("announced", Json.map("value", "2017-13", "precision", "month")),
                400,
                "announced.value"));
        cases.add(edit(
                "unknown precision",
                d -> d.put("announced", Json.map("value", "2017", "precision", "week")),
                400,
                "year, month, day"));
        cases.add(edit(
                "date without precision",
                d -> d.put("announced", Json.map("value", "2017")),
                400,
                "announced.precision"));
        cases.add(edit(
                "completed before announced",
                d -> d.put("completed", Json.map("value", "2016", "precision", "year")),
                400,
                "completed.value"));
        cases.add(edit(
                "completion date on a deal that has not completed",
                d -> d.put("completed", Json.map("value", "2018", "precision", "year")),
                400,
                "completed"));
        cases.add(edit(
                "announced in the future",
                d -> d.put("announced", Json.map("value", "2999", "precision", "year")),
                400,
                "announced.value"));
        cases.add(edit("stake over 100", d -> d.put("stakePercent", 150), 400, "stakePercent"));
        cases.add(edit("stake as a string", d -> d.put("stakePercent", "50"), 400, "stakePercent"));
        cases.add(edit("unknown region", d -> d.put("regions", List.of("XX")), 400, "regions[0]"));
        cases.add(edit("lower-case region", d -> d.put("regions", List.of("cn")), 400, "regions"));
        cases.add(edit(
                "same company twice in one role",
                d -> {
                    participant(d, 1).put("companyId", participant(d, 0).get("companyId"));
                    participant(d, 1).put("role", participant(d, 0).get("role"));
                },
                400,
                "participants[1]"));
        cases.add(edit("acquisition created active", d -> d.put("status", "active"), 400, "status"));
        cases.add(edit("unknown status", d -> d.put("status", "done"), 400, "pending_approval"));
        cases.add(edit(
                "source without kind", d -> d.put("sources", List.of(Json.map("title", "x"))), 400, "sources[0].kind"));
        cases.add(edit(
                "source URL not http",
                d -> d.put("sources", List.of(Json.map("kind", "article", "url", "ftp://x"))),
                400,
                "sources[0].url"));
        cases.add(edit(
                "source date not a date",
                d -> d.put("sources", List.of(Json.map("kind", "article", "publishedOn", "yesterday"))),
                400,
                "sources[0].publishedOn"));
        return cases;
    }

    @Test
    void badBodiesOfPost() {
        List<String> failures = new ArrayList<>();
        for (Case c : bodies()) {
            Response answer =
                    given().contentType(ContentType.JSON).body(c.body()).post("/deals");
            expect(c.name(), answer, c.status(), c.mentions(), failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void badBodiesOfPut() {
        Map<String, Object> deal = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        Response created =
                given().contentType(ContentType.JSON).body(Json.write(deal)).post("/deals");
        String path = "/deals/" + created.path("id");
        List<String> failures = new ArrayList<>();
        for (Case c : bodies()) {
            Response answer = given().contentType(ContentType.JSON)
                    .header("If-Match", created.header("ETag"))
                    .body(c.body())
                    .put(path);
            expect(
                    "PUT " + c.name(),
                    answer,
                    c.status() == 400 && c.name().equals("acquisition created active") ? 409 : c.status(),
                    c.mentions(),
                    failures);
        }
        assertThat(failures).isEmpty();
        given().get(path).then().header("ETag", equalTo(created.header("ETag")));
    }

    @Test
    void badPatches() {
        Response created = given().contentType(ContentType.JSON)
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals");
        String path = "/deals/" + created.path("id");
        String etag = created.header("ETag");
        List<String> failures = new ArrayList<>();
        Map<String, String> patches = Map.of(
                "[1]", "merge patch must be a JSON object",
                "{\"type\": \"nope\"}", "type",
                "{\"stakePercent\": \"x\"}", "stakePercent",
                "{\"colour\": 1}", "colour",
                "{\"title\": ", "malformed",
                "{\"value\": {\"currency\": \"ABC\"}}", "value.currency");
        patches.forEach((patch, mentions) -> expect(
                "PATCH " + patch,
                given().contentType("application/merge-patch+json")
                        .header("If-Match", etag)
                        .body(patch)
                        .patch(path),
                400,
                mentions,
                failures));
        assertThat(failures).isEmpty();
    }

    /**
     * "Completed in 2017" after "announced in June 2017" may well be true: only a completion whose last possible day
     * is before the announcement's first is refused (the first days were compared: 2017-01-01 before 2017-06-01).
     */
    @Test
    void aCompletionKnownToTheYearMayFollowAnAnnouncementKnownToTheMonth() {
        Map<String, Object> deal = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        deal.put("status", "completed");
        deal.put("completed", Json.map("value", "2017", "precision", "year"));
        given().contentType(ContentType.JSON)
                .body(Json.write(deal))
                .post("/deals")
                .then()
                .statusCode(201)
                .body("completed.value", equalTo("2017"));
        String id = given().contentType(ContentType.JSON)
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals")
                .path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body("{\"status\": \"completed\", \"effectiveDate\": {\"value\": \"2017\", \"precision\": \"year\"}}")
                .post("/deals/" + id + "/status-changes")
                .then()
                .statusCode(200)
                .body("completed.value", equalTo("2017"));
    }

    @Test
    void badStatusChanges() {
        String id = given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals")
                .path("id");
        List<String> failures = new ArrayList<>();
        String path = "/deals/" + id + "/status-changes";
        expect(
                "unknown status",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body("{\"status\": \"done\"}")
                        .post(path),
                400,
                "rumored",
                failures);
        expect(
                "no status",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body("{\"note\": \"x\"}")
                        .post(path),
                400,
                "status",
                failures);
        expect(
                "bad date",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body(
                                "{\"status\": \"abandoned\", \"effectiveDate\": {\"value\": \"2017-02-30\", \"precision\": \"day\"}}")
                        .post(path),
                400,
                "effectiveDate.value",
                failures);
        expect(
                "a date in the future",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body(
                                "{\"status\": \"abandoned\", \"effectiveDate\": {\"value\": \"9999-12\", \"precision\": \"month\"}}")
                        .post(path),
                400,
                "effectiveDate.value",
                failures);
        // The test deal was announced in June 2017: completed in May 2017 cannot be; kept, it made every later edit
        // of the deal a 400 on a completed.value the client never sent.
        expect(
                "completed before it was announced",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body("{\"status\": \"completed\", \"effectiveDate\": {\"value\": \"2017-05\", "
                                + "\"precision\": \"month\"}}")
                        .post(path),
                400,
                "effectiveDate.value",
                failures);
        expect(
                "note too long",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body(Json.write(Json.map("status", "abandoned", "note", "x".repeat(2001))))
                        .post(path),
                400,
                "note",
                failures);
        expect(
                "bad deal id",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body("{\"status\": \"abandoned\"}")
                        .post("/deals/not-a-uuid/status-changes"),
                400,
                "id",
                failures);
        expect(
                "unknown deal",
                given().contentType(ContentType.JSON)
                        .header("If-Match", "*")
                        .body("{\"status\": \"abandoned\"}")
                        .post("/deals/" + UUID.randomUUID() + "/status-changes"),
                404,
                "does not exist",
                failures);
        assertThat(failures).isEmpty();
        given().get("/deals/" + id + "/history").then().body("items.size()", equalTo(1));
    }

    /** A blank sort is no sort, as for the other optional parameters: the default order (it was a 500). */
    @Test
    void aBlankSortIsTheDefaultOrder() {
        List<String> byDefault =
                given().get("/deals?limit=20").then().statusCode(200).extract().path("items.id");
        assertThat(byDefault).isNotEmpty();
        for (String blank : List.of("sort=", "sort=%20", "sort=%20%20")) {
            List<String> ids = given().urlEncodingEnabled(false)
                    .get("/deals?limit=20&" + blank)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            assertThat(ids).as(blank).isEqualTo(byDefault);
        }
    }

    @Test
    void badQueryAndPathParameters() {
        List<String> failures = new ArrayList<>();
        String otherSortCursor = new Cursor(
                        "updatedAt",
                        List.of("2020-01-01T00:00:00Z", UUID.randomUUID().toString()))
                .encode();
        String tamperedCursor =
                new Cursor("-valueUsd", List.of("abc", UUID.randomUUID().toString())).encode();
        String tamperedId = new Cursor("-announced", List.of("2017-01-01", "not-a-uuid")).encode();
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("limit=0", "limit");
        queries.put("limit=201", "limit");
        queries.put("limit=abc", "limit");
        queries.put("cursor=***", "cursor");
        queries.put("cursor=bm90LWEtY3Vyc29y", "cursor");
        queries.put("cursor=" + otherSortCursor, "cursor");
        queries.put("sort=-valueUsd&cursor=" + tamperedCursor, "cursor");
        queries.put("cursor=" + tamperedId, "cursor");
        // Keys that Java reads and PostgreSQL cannot hold (a 500 before: "time zone displacement out of range",
        // "date out of range", "value overflows numeric format").
        String anyId = UUID.randomUUID().toString();
        queries.put(
                "sort=updatedAt&cursor=" + new Cursor("updatedAt", List.of("+300000-01-01T00:00:00Z", anyId)).encode(),
                "cursor");
        queries.put(
                "sort=-announced&cursor=" + new Cursor("-announced", List.of("+9999999-01-01", anyId)).encode(),
                "cursor");
        queries.put("sort=-valueUsd&cursor=" + new Cursor("-valueUsd", List.of("1e999999", anyId)).encode(), "cursor");
        queries.put("sort=name", "sort");
        queries.put("type=takeover", "type");
        queries.put("status=done", "status");
        queries.put("confidence=sure", "confidence");
        queries.put("role=buyer", "role");
        queries.put("company=no_pe", "company");
        queries.put("region=XYZ", "region");
        queries.put("announcedFrom=2017-13-01", "announcedFrom");
        queries.put("announcedTo=yesterday", "announcedTo");
        queries.put("announcedFrom=2018-01-01&announcedTo=2017-01-01", "announcedFrom");
        queries.put("valueUsdMin=abc", "valueUsdMin");
        queries.put("valueUsdMin=10&valueUsdMax=5", "valueUsdMin");
        // Decimals that Java reads and PostgreSQL's numeric cannot hold ("value overflows numeric format": a 500).
        queries.put("valueUsdMin=1e999999", "valueUsdMin");
        queries.put("valueUsdMax=1e-999999", "valueUsdMax");
        queries.put("ids=1,2", "ids");
        // With a slug nobody has: the parameters are still checked (before, the unknown slug ended the request with an
        // empty page, and a bad status or cursor went unnoticed).
        queries.put("company=nobody-has-this-slug&status=done", "status");
        queries.put("company=nobody-has-this-slug&cursor=garbage", "cursor");
        queries.put("company=nobody-has-this-slug&announcedFrom=2018-01-01&announcedTo=2017-01-01", "announcedFrom");
        queries.forEach((query, mentions) -> expect(
                "GET /deals?" + query,
                given().urlEncodingEnabled(false).get("/deals?" + query),
                400,
                mentions,
                failures));
        expect("GET bad id", given().get("/deals/not-a-uuid"), 400, "id", failures);
        expect("GET history bad id", given().get("/deals/42/history"), 400, "id", failures);
        expect("DELETE bad id", given().header("If-Match", "\"0\"").delete("/deals/xyz"), 400, "id", failures);
        assertThat(failures).isEmpty();
    }

    /**
     * Ids typed UUID are converted before the resource method runs (platform's ParameterConverters): a bad one, in
     * the path or in the query, is the bad-parameter problem naming the parameter, not the 404 JAX-RS would make of
     * a converter's failure; a blank optional query id is no filter.
     */
    @Test
    void aBadIdInThePathOrTheQueryIsTheBadParameterProblemNamingIt() {
        assertNotAUuid(given().get("/deals/not-a-uuid"), "id", "not-a-uuid")
                .body("instance", equalTo("/deals/not-a-uuid"));
        assertNotAUuid(given().header("If-Match", "\"0\"").delete("/deals/1-2-3-4-5"), "id", "1-2-3-4-5");
        // company takes an id or a slug: what is neither is the bad-parameter problem naming it.
        given().get("/deals?company=no_pe")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("company"))
                .body("detail", containsString("neither a company id nor a company slug"));
        given().get("/deals?company=").then().statusCode(200);
        given().get("/deals?company=" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    private static ValidatableResponse assertNotAUuid(Response answer, String parameter, String raw) {
        return answer.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/bad-parameter"))
                .body("detail", equalTo(parameter + ": '" + raw + "' is not a UUID"))
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", equalTo("'" + raw + "' is not a UUID"));
    }

    @Test
    void wrongMediaTypeAndOversizedBody() {
        given().contentType(ContentType.TEXT)
                .body("hello")
                .post("/deals")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        Map<String, Object> deal = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        deal.put("description", "x".repeat(300 * 1024));
        given().contentType(ContentType.JSON)
                .body(Json.write(deal))
                .post("/deals")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("limit"));
        given().delete("/deals").then().statusCode(405).contentType("application/problem+json");
    }

    private static void expect(String name, Response answer, int status, String mentions, List<String> failures) {
        String body = answer.asString();
        boolean ok = answer.statusCode() == status
                && answer.contentType() != null
                && answer.contentType().startsWith("application/problem+json")
                && body.contains(mentions);
        if (!ok) {
            failures.add(name + ": expected " + status + " mentioning '" + mentions + "', got " + answer.statusCode()
                    + " " + answer.contentType() + " " + body);
        }
    }
}
