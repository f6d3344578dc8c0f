package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import com.dealradar.platform.testing.Races;
import com.dealradar.systemtests.contract.ContractValidator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deadline calendar (issue #16) on the real services: it parses with ical4j and lists exactly the deadlines that
 * the matters API (the matters' own clocks) computes; a subscription token reads it without headers, only with its
 * own filters, stops at revocation, and never appears in the gateway's log.
 */
class CalendarEndToEndTest {

    private static final String ALIBABA_CLOUD = "9be747c1-fdf7-5317-8f6a-a66d8928c7f7";
    private static final String BT_GLOBAL_SERVICES = "3c0ad5e3-9a47-51c0-9be7-db3df3866cfb";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String gateway;
    private static String readKey;
    private static String otherPartnersKey;
    private static String dealId;
    private static String dealTitle;

    @BeforeAll
    static void partnersAndADealWithRunningClocks() {
        gateway = Services.gateway().url();
        readKey = readKeyOfNewPartner("Calendar Partner");
        otherPartnersKey = readKeyOfNewPartner("Other Partner");
        dealTitle = "Calendar test " + UUID.randomUUID().toString().substring(0, 8)
                + ": Alibaba Cloud and BT Global Services";
        // Written on the backends directly (as an analyst with an internal token): a cold first write through the
        // gateway
        // can exceed its 3 s backend timeout on a busy machine, and the writes are not what this test is about.
        dealId = given().baseUri(Services.deal().url())
                .contentType(ContentType.JSON)
                .body("""
                        {"title": "%s", "type": "partnership", "status": "announced", "confidence": "reported",
                         "announced": {"value": "2024-02", "precision": "month"}, "regions": ["GB"],
                         "participants": [{"companyId": "%s", "role": "partner"}, {"companyId": "%s", "role": "partner"}],
                         "sources": [{"kind": "general_knowledge", "note": "test data"}]}
                        """.formatted(dealTitle, ALIBABA_CLOUD, BT_GLOBAL_SERVICES))
                .post("/deals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Two matters whose clocks run (one accepted, one in phase 1 after a later notice), one that runs none.
        openMatter(
                "NSIA review",
                List.of(new String[] {"notified", "2024-03-01"}, new String[] {"accepted", "2024-03-05"}));
        openMatter(
                "NSIA call-in",
                List.of(new String[] {"notified", "2024-03-11"}, new String[] {"accepted", "2024-03-18"}, new String[] {
                    "phase1", "2024-03-20"
                }));
        openMatter("NSIA not yet notified", List.of());
    }

    @Test
    void theCalendarListsExactlyTheDeadlinesTheMattersClocksCompute() throws Exception {
        Map<String, LocalDate> expected = deadlinesFromTheMattersApi("dealId=" + dealId);
        assertThat(expected).as("deadlines of the test deal's matters").hasSize(2);

        HttpResponse<String> answer =
                get("/api/v1/regulatory-matters/calendar.ics?deal=" + dealId, Map.of("X-API-Key", readKey));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.body()));
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Map<String, LocalDate> listed = new TreeMap<>();
        for (VEvent event : events) {
            DtStart<?> start = event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow();
            assertThat(start.getDate()).as("all-day event").isInstanceOf(LocalDate.class);
            listed.put(value(event, Property.UID), (LocalDate) start.getDate());
            assertThat(value(event, Property.DTSTAMP)).isNotBlank();
            assertThat(value(event, Property.SUMMARY)).contains(dealTitle).contains("UK-NSIA");
            assertThat(value(event, Property.DESCRIPTION))
                    .contains("Rule version: ") // NSIA has one version: "single (the regime's only version)"
                    .contains("Working days: ")
                    .contains("Clock: ");
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(answer.body())
                .contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H")
                .contains("X-PUBLISHED-TTL:PT1H");
        System.out.printf(
                "calendar: %d events = %d deadlines of the matters API: %s%n", listed.size(), expected.size(), listed);

        // Region-wide, the calendar and the matters API agree too (seed matters and those of other tests included).
        Map<String, LocalDate> gb = deadlinesFromTheMattersApi("region=GB");
        Map<String, LocalDate> gbListed = deadlinesOfCalendar("region=gb", Map.of("X-API-Key", readKey));
        assertThat(gbListed).isEqualTo(gb).containsAllEntriesOf(expected);
    }

    /**
     * Calendar applications poll: an unchanged calendar is a 304 without a body for the ETag the client has, and a
     * change that shows in it (here the deal's title, in every event's summary) gives a new ETag and the new calendar.
     */
    @Test
    void anUnchangedCalendarIs304AndAChangeInItGivesANewETag() throws Exception {
        String path = "/api/v1/regulatory-matters/calendar.ics?deal=" + dealId;
        HttpResponse<String> first = get(path, Map.of("X-API-Key", readKey));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(path, Map.of("X-API-Key", readKey, "If-None-Match", etag));
        HttpResponse<String> otherTag = get(path, Map.of("X-API-Key", readKey, "If-None-Match", "W/\"other\""));

        var deal = given().baseUri(Services.deal().url())
                .get("/deals/" + dealId)
                .then()
                .statusCode(200)
                .extract();
        given().baseUri(Services.deal().url())
                .contentType("application/merge-patch+json")
                .header("If-Match", deal.header("ETag"))
                .body("{\"title\": \"" + dealTitle + " (renamed)\"}")
                .patch("/deals/" + dealId)
                .then()
                .statusCode(200);
        HttpResponse<String> changed = get(path, Map.of("X-API-Key", readKey, "If-None-Match", etag));
        System.out.printf(
                "calendar polling: first %d (%s), same tag %d (%d bytes), other tag %d, after a rename %d (%s)%n",
                first.statusCode(),
                etag,
                again.statusCode(),
                again.body().length(),
                otherTag.statusCode(),
                changed.statusCode(),
                changed.headers().firstValue("ETag").orElse("none"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(etag).startsWith("W/\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(first.body());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(new CalendarBuilder()
                        .build(new StringReader(changed.body()))
                        .<VEvent>getComponents(Component.VEVENT))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(value(event, Property.SUMMARY)).contains(dealTitle + " (renamed)"));
    }

    /**
     * Like every company filter of the API, the calendar's takes a company's id or its slug (in any case); a slug no
     * company has lists nothing, as an unknown id does. A subscription keeps the id of the company its slug names.
     */
    @Test
    void theCompanyFilterTakesAnIdOrASlug() throws Exception {
        openMatter(
                "\"companyId\": \"" + BT_GLOBAL_SERVICES + "\"",
                "NSIA review of BT Global Services itself",
                List.<String[]>of(new String[] {"notified", "2024-04-02"}, new String[] {"accepted", "2024-04-04"}));
        String slug = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .get("/api/v1/companies/" + BT_GLOBAL_SERVICES)
                .then()
                .statusCode(200)
                .extract()
                .path("slug");
        Map<String, LocalDate> expected = deadlinesFromTheMattersApi("companyId=" + BT_GLOBAL_SERVICES);
        assertThat(expected).as("deadlines of matters about the company").isNotEmpty();

        Map<String, LocalDate> byId =
                deadlinesOfCalendar("company=" + BT_GLOBAL_SERVICES, Map.of("X-API-Key", readKey));
        Map<String, LocalDate> bySlug =
                deadlinesOfCalendar("company=" + slug.toUpperCase(java.util.Locale.ROOT), Map.of("X-API-Key", readKey));
        HttpResponse<String> unknown = get(
                "/api/v1/regulatory-matters/calendar.ics?company=no-company-has-this-slug",
                Map.of("X-API-Key", readKey));
        assertThat(unknown.statusCode()).isEqualTo(200);
        Calendar empty = new CalendarBuilder().build(new StringReader(unknown.body()));
        empty.validate();
        System.out.printf(
                "calendar by company: id %d events, slug %s %d events, matters API %d; unknown slug %d events%n",
                byId.size(),
                slug,
                bySlug.size(),
                expected.size(),
                empty.getComponents(Component.VEVENT).size());
        assertThat(byId).isEqualTo(expected);
        assertThat(bySlug).isEqualTo(expected);
        assertThat(empty.<VEvent>getComponents(Component.VEVENT)).isEmpty();
        assertThat(unknown.body()).contains("(company=no-company-has-this-slug)");

        // A subscription by slug keeps the company's id; its token reads the same deadlines.
        var subscription = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"BT deadlines\", \"company\": \"" + slug + "\"}")
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(201)
                .extract();
        assertThat(subscription.<String>path("company")).isEqualTo(BT_GLOBAL_SERVICES);
        String token = subscription.path("token");
        assertThat(deadlinesOfCalendar("token=" + token, Map.of())).isEqualTo(expected);
        assertThat(deadlinesOfCalendar("company=" + slug + "&token=" + token, Map.of()))
                .isEqualTo(expected);
        given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"nobody\", \"company\": \"no-company-has-this-slug\"}")
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("company"));
        given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .header("If-Match", subscription.header("ETag"))
                .delete("/api/v1/calendar-subscriptions/" + subscription.path("id"))
                .then()
                .statusCode(200);
    }

    /** UID to due day of the calendar with {@code query}. */
    private static Map<String, LocalDate> deadlinesOfCalendar(String query, Map<String, String> headers)
            throws Exception {
        HttpResponse<String> answer = get("/api/v1/regulatory-matters/calendar.ics?" + query, headers);
        assertThat(answer.statusCode()).as(query).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.body()));
        calendar.validate();
        Map<String, LocalDate> listed = new TreeMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            listed.put(value(event, Property.UID), (LocalDate) event.<DtStart<?>>getProperty(Property.DTSTART)
                    .orElseThrow()
                    .getDate());
        }
        return listed;
    }

    @Test
    void badFiltersAreProblems() throws Exception {
        for (String query : List.of("region=GBR", "deal=not-a-uuid", "company=not%20a%20slug!")) {
            HttpResponse<String> answer =
                    get("/api/v1/regulatory-matters/calendar.ics?" + query, Map.of("X-API-Key", readKey));
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        HttpResponse<String> none = get("/api/v1/regulatory-matters/calendar.ics", Map.of());
        assertThat(none.statusCode()).as("no credentials").isEqualTo(401);
        assertThat(none.body()).contains("\"status\":401");
    }

    @Test
    void aSubscriptionTokenReadsItsCalendarWithoutHeadersUntilRevoked() throws Exception {
        var created = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"test deal\", \"region\": \"GB\", \"deal\": \"" + dealId + "\"}")
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(201)
                .extract();
        String token = created.path("token");
        String id = created.path("id");
        String url = created.path("calendarUrl");
        assertThat(token).startsWith("drc_");
        assertThat(url).endsWith("/api/v1/regulatory-matters/calendar.ics?token=" + token);

        // The calendar application: no headers at all, the token in the URL.
        HttpResponse<String> viaToken = get("/api/v1/regulatory-matters/calendar.ics?token=" + encode(token), Map.of());
        assertThat(viaToken.statusCode()).as(viaToken.body()).isEqualTo(200);
        HttpResponse<String> viaKey =
                get("/api/v1/regulatory-matters/calendar.ics?region=GB&deal=" + dealId, Map.of("X-API-Key", readKey));
        assertThat(viaToken.body()).isEqualTo(viaKey.body());
        assertThat(new CalendarBuilder()
                        .build(new StringReader(viaToken.body()))
                        .<VEvent>getComponents(Component.VEVENT))
                .hasSize(2);
        // Counted against the partner's own rate limit, like its keys.
        assertThat(viaToken.headers().firstValue("RateLimit-Policy"))
                .isEqualTo(viaKey.headers().firstValue("RateLimit-Policy"))
                .isPresent();

        // The token reads this calendar only: not wider filters, not another operation.
        assertThat(get("/api/v1/regulatory-matters/calendar.ics?region=DE&token=" + encode(token), Map.of())
                        .statusCode())
                .isEqualTo(400);
        // Elsewhere a token in the URL is no credential: a 400 that names the headers to use (and no data).
        for (String elsewhere : List.of("/api/v1/regulatory-matters", "/api/v1/calendar-subscriptions")) {
            HttpResponse<String> refused = get(elsewhere + "?token=" + encode(token), Map.of());
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.body()).as(elsewhere).contains("\"field\":\"token\"", "X-API-Key");
        }

        // Listed (without the token) for its partner, invisible to another partner.
        String list = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .get("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).contains(id).doesNotContain(token.substring(13));
        given().baseUri(gateway)
                .header("X-API-Key", otherPartnersKey)
                .get("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(404);

        String etag = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .get("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .delete("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(428);
        given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .header("If-Match", etag)
                .delete("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("revoked"));
        HttpResponse<String> revoked = get("/api/v1/regulatory-matters/calendar.ics?token=" + encode(token), Map.of());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/v1/regulatory-matters/calendar.ics?token=drc_zzzzzzzz_" + "A".repeat(43), Map.of())
                        .statusCode())
                .isEqualTo(401);

        String log = Files.readString(Services.gateway().log());
        assertThat(log)
                .as("the gateway's log")
                .doesNotContain(token.substring(13))
                .contains("calendar.ics?token=***");
    }

    /**
     * A signed-in user (a Keycloak token, as the frontends have) subscribes for itself: the subscription is the user's
     * (by its subject), listed for it and no other user, its token reads the calendar, and the user revokes it.
     */
    @Test
    void aSignedInUserSubscribesListsAndRevokes() throws Exception {
        String analyst = KeycloakTokens.bearer("analyst");
        String viewer = KeycloakTokens.bearer("viewer");
        var created = given().baseUri(gateway)
                .header("Authorization", analyst)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"my deal\", \"deal\": \"" + dealId + "\"}")
                .post("/api/v1/calendar-subscriptions")
                .then()
                .extract();
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String id = created.path("id");
        String token = created.path("token");
        String owner = created.path("owner");
        assertThat(owner).matches("user:[0-9a-f-]{36}");

        HttpResponse<String> viaToken = get("/api/v1/regulatory-matters/calendar.ics?token=" + encode(token), Map.of());
        HttpResponse<String> viaUser =
                get("/api/v1/regulatory-matters/calendar.ics?deal=" + dealId, Map.of("Authorization", analyst));
        assertThat(viaToken.statusCode()).isEqualTo(200);
        assertThat(viaToken.body()).isEqualTo(viaUser.body());

        List<String> mine = subscriptionIdsListedFor(analyst);
        List<String> viewers = subscriptionIdsListedFor(viewer);
        int viewerReads = given().baseUri(gateway)
                .header("Authorization", viewer)
                .get("/api/v1/calendar-subscriptions/" + id)
                .then()
                .extract()
                .statusCode();
        String etag = given().baseUri(gateway)
                .header("Authorization", analyst)
                .get("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String revokedStatus = given().baseUri(gateway)
                .header("Authorization", analyst)
                .header("If-Match", etag)
                .delete("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
        int afterRevoke = get("/api/v1/regulatory-matters/calendar.ics?token=" + encode(token), Map.of())
                .statusCode();
        System.out.printf(
                "a user's subscription: owner %s, token read %d, listed for its user %b, for another %b (read %d),"
                        + " revoked %s, token after %d%n",
                owner,
                viaToken.statusCode(),
                mine.contains(id),
                viewers.contains(id),
                viewerReads,
                revokedStatus,
                afterRevoke);
        assertThat(mine).contains(id);
        assertThat(viewers).doesNotContain(id);
        assertThat(viewerReads).isEqualTo(404);
        assertThat(revokedStatus).isEqualTo("revoked");
        assertThat(afterRevoke).isEqualTo(401);
    }

    /** The ids on the first page of the subscriptions listed for this caller ({@code Authorization} header). */
    private static List<String> subscriptionIdsListedFor(String authorization) {
        return given().baseUri(gateway)
                .header("Authorization", authorization)
                .get("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    /**
     * A create retried with its Idempotency-Key is one subscription (the replay has no token: it is shown once), and
     * a subscription's writes are in the write audit like every other write.
     */
    @Test
    void anOwnersLiveSubscriptionsAreCappedEvenWhenCreatedAtOnce() throws Exception {
        String key = readKeyOfNewPartner("Capped calendar");
        String body = "{\"name\": \"capped\", \"region\": \"GB\"}";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 46; i++) {
            ids.add(subscribe(key, body).then().statusCode(201).extract().path("id"));
        }
        // Four places left of 50, eight creates at once: exactly four get in.
        List<io.restassured.response.Response> answers = Races.race(8, () -> subscribe(key, body));
        Map<Integer, Integer> statuses = Races.countByStatus(
                "calendar subscription cap 50, 46 created one by one, then creates at once", answers);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 4, 409, 4));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail"))
                    .contains("already holds 50 live calendar subscriptions, the most allowed (50)");
        });
        // A revoked subscription no longer counts.
        String etag = given().baseUri(gateway)
                .header("X-API-Key", key)
                .get("/api/v1/calendar-subscriptions/" + ids.getFirst())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().baseUri(gateway)
                .header("X-API-Key", key)
                .header("If-Match", etag)
                .delete("/api/v1/calendar-subscriptions/" + ids.getFirst())
                .then()
                .statusCode(200);
        subscribe(key, body).then().statusCode(201);
        subscribe(key, body).then().statusCode(409);
    }

    private io.restassured.response.Response subscribe(String key, String body) {
        return given().baseUri(gateway)
                .header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/calendar-subscriptions");
    }

    @Test
    void aRetriedCreateIsOneSubscriptionAndItsWritesAreAudited() {
        String idempotencyKey = "calendar-" + UUID.randomUUID();
        String body = "{\"name\": \"retried\", \"region\": \"GB\"}";
        var first = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(201)
                .extract();
        String id = first.path("id");
        assertThat((String) first.path("token")).startsWith("drc_");
        var replay = given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .extract();
        assertThat((String) replay.path("id")).isEqualTo(id);
        assertThat(replay.asString()).doesNotContain("\"token\"", "calendarUrl");
        given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"another\", \"region\": \"GB\"}")
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(422);
        long ofThisName = given()
                .baseUri(gateway)
                .header("X-API-Key", readKey)
                .get("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id")
                .stream()
                .filter(id::equals)
                .count();
        assertThat(ofThisName).isEqualTo(1);

        // Listed in pages, newest first, like every list: a partner with three subscriptions, two a page.
        String pagedKey = readKeyOfNewPartner("Paged Calendar Partner");
        List<String> createdIds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            createdIds.add(given().baseUri(gateway)
                    .header("X-API-Key", pagedKey)
                    .contentType(ContentType.JSON)
                    .body("{\"name\": \"page " + i + "\", \"region\": \"GB\"}")
                    .post("/api/v1/calendar-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        var firstPage = given().baseUri(gateway)
                .header("X-API-Key", pagedKey)
                .queryParam("limit", 2)
                .get("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(200)
                .extract();
        String next = firstPage.header("Link").replaceAll("^<([^>]*)>; rel=\"next\"$", "$1");
        var secondPage = given().baseUri(gateway)
                .urlEncodingEnabled(false)
                .header("X-API-Key", pagedKey)
                .get(next)
                .then()
                .statusCode(200)
                .extract();
        List<String> listed = new java.util.ArrayList<>(firstPage.jsonPath().getList("items.id", String.class));
        listed.addAll(secondPage.jsonPath().getList("items.id", String.class));
        assertThat(secondPage.jsonPath().getString("nextCursor")).isNull();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(createdIds).doesNotHaveDuplicates();

        given().baseUri(gateway)
                .header("X-API-Key", readKey)
                .header("If-Match", first.header("ETag"))
                .delete("/api/v1/calendar-subscriptions/" + id)
                .then()
                .statusCode(200);
        given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .queryParam("resource", "/api/v1/calendar-subscriptions/" + id)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(200)
                .body("items.method", org.hamcrest.Matchers.contains("DELETE", "POST"))
                .body(
                        "items.resource",
                        org.hamcrest.Matchers.everyItem(
                                org.hamcrest.Matchers.equalTo("/api/v1/calendar-subscriptions/" + id)));
    }

    private static void openMatter(String title, List<String[]> steps) {
        openMatter("\"dealId\": \"" + dealId + "\"", title, steps);
    }

    /** {@code subject}: the matter's {@code dealId} and/or {@code companyId} members. */
    private static void openMatter(String subject, String title, List<String[]> steps) {
        var opened = given().baseUri(Services.region().url())
                .contentType(ContentType.JSON)
                .body("""
                        {%s, "regimeCode": "UK-NSIA", "title": "%s", "status": "anticipated", "openedOn": "2024-02-20",
                         "basis": "inferred", "sources": [{"kind": "general_knowledge", "note": "test data"}]}
                        """.formatted(subject, title))
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .extract();
        String id = opened.path("id");
        String etag = opened.header("ETag");
        for (String[] step : steps) {
            etag = given().baseUri(Services.region().url())
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body("{\"status\": \"" + step[0] + "\", \"on\": \"" + step[1] + "\"}")
                    .post("/regulatory-matters/" + id + "/transitions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
        }
    }

    /** UID to due day, as the calendar should name them, from the matters API's own deadlines. */
    private static Map<String, LocalDate> deadlinesFromTheMattersApi(String filter) {
        Map<String, LocalDate> deadlines = new TreeMap<>();
        String cursor = null;
        do {
            JsonPath page = given().baseUri(gateway)
                    .header("X-API-Key", readKey)
                    .get("/api/v1/regulatory-matters?open=true&limit=200&" + filter
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> matter : items) {
                if (matter.get("deadline") instanceof Map<?, ?> deadline && deadline.get("dueOn") != null) {
                    deadlines.put(
                            matter.get("id") + "-" + deadline.get("clock") + "@dealradar",
                            LocalDate.parse(deadline.get("dueOn").toString()));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return deadlines;
    }

    /**
     * A partner's calendar token is the partner's access in another form: when its last key is revoked the token is
     * refused too (it used to go on working for ever), and a new key brings it back.
     */
    @Test
    void aPartnersTokenEndsWithItsLastKeyInForce() throws Exception {
        String partner = newPartner("Lapsing Partner");
        var issued = given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"calendar\", \"scopes\": [\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .extract();
        String key = issued.path("secret");
        String keyId = issued.path("id");
        String token = given().baseUri(gateway)
                .header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"lapsing\", \"region\": \"GB\", \"deal\": \"" + dealId + "\"}")
                .post("/api/v1/calendar-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String calendar = "/api/v1/regulatory-matters/calendar.ics?token=" + encode(token);
        int whileInForce = get(calendar, Map.of()).statusCode();
        String etag = given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                .header("ETag");
        given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .header("If-Match", etag)
                .delete("/api/v1/partners/" + partner + "/keys/" + keyId)
                .then()
                .statusCode(200);
        int afterRevocation = get(calendar, Map.of()).statusCode();
        given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"calendar again\", \"scopes\": [\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201);
        int withANewKey = get(calendar, Map.of()).statusCode();
        System.out.printf(
                "a partner's calendar token: %d with its key, %d once revoked, %d with a new key%n",
                whileInForce, afterRevocation, withANewKey);
        assertThat(List.of(whileInForce, afterRevocation, withANewKey)).containsExactly(200, 401, 200);
    }

    private static String newPartner(String name) {
        return given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + " " + UUID.randomUUID()
                        + "\", \"contact\": {\"email\": \"api@example.org\"}, \"plan\": \"standard\"}")
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String readKeyOfNewPartner(String name) {
        String partner = newPartner(name);
        return given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"calendar\", \"scopes\": [\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A plain HTTP GET, as a calendar application sends it (RestAssured's default credentials are not added). */
    private static HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(gateway + pathAndQuery)).timeout(Duration.ofSeconds(20));
        new HashMap<>(headers).forEach(request::header);
        return ContractValidator.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
