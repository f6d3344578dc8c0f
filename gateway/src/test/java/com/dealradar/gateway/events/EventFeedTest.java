package com.dealradar.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.gateway.Backends;
import com.dealradar.gateway.partner.Admin;
import com.dealradar.gateway.partner.PartnerTestConfig;
import com.dealradar.platform.testing.PostgresDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The public feed read through HTTP over what {@link EventLog#append} stored: pages in log order, a type filter,
 * nextCursor on every page, 400 for a cursor this feed did not issue, 410 once retention deleted what a cursor
 * points after. {@link EventLog#read} reads the page and the committed end in one transaction.
 */
@QuarkusTest
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
@QuarkusTestResource(value = PartnerTestConfig.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = true)
class EventFeedTest {

    static final Admin ADMIN = new Admin(PartnerTestConfig.BOOTSTRAP_KEY);

    @Inject
    EventLog log;

    @Inject
    EventRelay relay;

    @Inject
    FeedConfig feed;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    JsonPath read(String query) {
        return ADMIN.request()
                .get("/api/v1/events" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    String append(String type) {
        String id = UUID.randomUUID().toString();
        log.append(
                "test",
                List.of(new EventLog.Incoming(
                        UUID.randomUUID(),
                        type,
                        type.substring(0, type.indexOf('.')),
                        id,
                        "/deals/" + id,
                        "\"1\"",
                        Instant.now(),
                        "{\"id\":\"" + id + "\"}",
                        null)));
        return id;
    }

    @Test
    void pagesInLogOrderWithATypeFilterAndACursorOnEveryPage() {
        String start = read("").getString("nextCursor");
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deals.add(append("deal.created"));
            append("company.created");
        }

        JsonPath first = read("?after=" + start + "&types=deal.created&limit=2");
        assertThat(first.getList("items.resource.id")).isEqualTo(deals.subList(0, 2));
        assertThat(first.getBoolean("hasMore")).isTrue();
        assertThat(first.getString("nextCursor")).isEqualTo(first.getString("items[1].cursor"));

        JsonPath second = read("?after=" + first.getString("nextCursor") + "&types=deal.created&limit=2");
        assertThat(second.getList("items.resource.id")).isEqualTo(deals.subList(2, 3));
        assertThat(second.getBoolean("hasMore")).isFalse();
        // Everything up to the committed end was read (the company events too): the next read starts there.
        String end = second.getString("nextCursor");
        assertThat(Long.parseLong(end)).isGreaterThan(Long.parseLong(second.getString("items[0].cursor")));

        JsonPath empty = read("?after=" + end);
        assertThat(empty.getList("items")).isEmpty();
        assertThat(empty.getString("nextCursor")).isEqualTo(end);

        JsonPath all = read("?after=" + start + "&limit=6");
        assertThat(all.getList("items.type"))
                .containsExactly(
                        "deal.created",
                        "company.created",
                        "deal.created",
                        "company.created",
                        "deal.created",
                        "company.created");
    }

    @Test
    void aCursorNotIssuedIs400AndOneBeforeTheRetentionIs410() {
        String end = read("").getString("nextCursor");
        ADMIN.request()
                .get("/api/v1/events?after=" + (Long.parseLong(end) + 1_000_000))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        ADMIN.request()
                .get("/api/v1/events?after=abc")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        // A type no service writes would match nothing for ever: a typo is a 400 naming the filter.
        for (String types : List.of("deal.nonexistent", "deal.status_change", "deal.created,bogus.type")) {
            ADMIN.request()
                    .get("/api/v1/events?types=" + types)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("types"));
        }

        String before = read("").getString("nextCursor");
        append("deal.created");
        append("deal.created");
        log.purge(Instant.now().plus(Duration.ofDays(1)));
        ADMIN.request()
                .get("/api/v1/events?after=" + before)
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/cursor-expired"));
        // Without after=, the feed starts at the oldest event kept.
        assertThat(read("").getList("items")).isEmpty();
    }

    /**
     * A large purge goes in short steps, each holding the lock that appending events needs only for its own delete: 25
     * events past the retention, purged 10 positions at a time, are gone in at least 3 transactions of at most 10 events
     * each (before, one delete of everything held the lock until it ended), and the feed still answers after it.
     */
    @Test
    void aLargePurgeDeletesInShortSteps() {
        for (int i = 0; i < 25; i++) {
            append("deal.created");
        }
        EventLog.Purged purged = log.purge(Instant.now().plus(Duration.ofDays(1)), 10);
        System.out.printf(
                "purge of at least 25 events, 10 positions a step: %d deleted in %d steps, at most %d in one%n",
                purged.deleted(), purged.batches(), purged.largestBatch());
        assertThat(purged.deleted()).isGreaterThanOrEqualTo(25);
        assertThat(purged.batches()).isGreaterThanOrEqualTo(3);
        assertThat(purged.largestBatch()).isLessThanOrEqualTo(10);
        assertThat(read("").getList("items")).isEmpty();
        String after = append("deal.created");
        assertThat(read("").getList("items.resource.id")).containsExactly(after);
    }

    /**
     * A backend answers the outbox read but keeps failing the acknowledgement (its delete times out, say): the batch is
     * stored once and read again next round. Before, a full batch whose acknowledgement failed was read again at once,
     * for ever: the round never ended, no other backend was relayed and the purge never ran.
     */
    @Test
    void aBatchWhoseAcknowledgementFailsIsReadAgainNextRoundNotAtOnce() throws Exception {
        WireMockServer company = Backends.company();
        StringBuilder items = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < feed.relayBatch(); i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            items.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"type\":\"company.created\",\"resourceType\":\"company\",\"resourceId\":\"")
                    .append(id)
                    .append("\",\"resourcePath\":\"/companies/")
                    .append(id)
                    .append("\",\"etag\":\"\\\"1\\\"\",\"occurredAt\":\"")
                    .append(Instant.now())
                    .append("\",\"data\":\"{}\"}");
        }
        StubMapping outbox = company.stubFor(WireMock.get(WireMock.urlPathEqualTo("/internal/outbox"))
                .willReturn(WireMock.okJson("{\"items\":[" + items + "]}")));
        StubMapping ack = company.stubFor(WireMock.post(WireMock.urlPathEqualTo("/internal/outbox/ack"))
                .willReturn(WireMock.aResponse().withStatus(503)));
        try {
            String start = read("").getString("nextCursor");
            for (int round = 0; round < 2; round++) {
                Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> relay.runOnce());
            }
            int reads = company.countRequestsMatching(
                            WireMock.getRequestedFor(WireMock.urlPathEqualTo("/internal/outbox"))
                                    .build())
                    .getCount();
            int acks = company.countRequestsMatching(
                            WireMock.postRequestedFor(WireMock.urlPathEqualTo("/internal/outbox/ack"))
                                    .build())
                    .getCount();
            List<String> relayed = read("?after=" + start + "&limit=500").getList("items.resource.id");
            System.out.printf(
                    "relay with a failing acknowledgement: 2 rounds, %d outbox reads, %d acknowledgements sent, "
                            + "%d of %d events in the feed%n",
                    reads, acks, relayed.size(), ids.size());
            assertThat(reads).isEqualTo(2);
            assertThat(relayed).isEqualTo(ids.subList(0, Math.min(500, ids.size())));
        } finally {
            company.removeStub(outbox);
            company.removeStub(ack);
        }
    }

    /**
     * How far behind the relay is, per backend, and how many events it stored: what an operator watches to see that a
     * backend's events stopped reaching the feed (before, only a warning after a minute of failures said so).
     */
    @Test
    void theRelayReportsHowFarBehindEachBackendIsAndTheEventsItStored() throws Exception {
        List<StubMapping> stubs = new ArrayList<>();
        for (WireMockServer backend : List.of(Backends.company(), Backends.deal(), Backends.region())) {
            stubs.add(backend.stubFor(WireMock.get(WireMock.urlPathEqualTo("/internal/outbox"))
                    .willReturn(WireMock.okJson("{\"items\":[]}"))));
        }
        String id = UUID.randomUUID().toString();
        StubMapping dealOutbox = Backends.deal()
                .stubFor(WireMock.get(WireMock.urlPathEqualTo("/internal/outbox"))
                        .willReturn(WireMock.okJson("{\"items\":[{\"eventId\":\"" + UUID.randomUUID()
                                + "\",\"type\":\"deal.created\",\"resourceType\":\"deal\",\"resourceId\":\"" + id
                                + "\",\"resourcePath\":\"/deals/" + id + "\",\"etag\":\"\\\"1\\\"\",\"occurredAt\":\""
                                + Instant.now() + "\",\"data\":\"{}\"}]}")));
        StubMapping ack = Backends.deal()
                .stubFor(WireMock.post(WireMock.urlPathEqualTo("/internal/outbox/ack"))
                        .willReturn(WireMock.okJson("{}")));
        try {
            double storedBefore = metric("dealradar_gateway_event_relay_events_total", "deal-service");
            relay.runOnce();
            Backends.deal().removeStub(dealOutbox);
            String caughtUp = readMetrics();
            double stored =
                    metric(caughtUp, "dealradar_gateway_event_relay_events_total", "deal-service") - storedBefore;
            double companyBehind = metric(caughtUp, "dealradar_gateway_event_relay_behind_seconds", "company-service");
            double dealBehind = metric(caughtUp, "dealradar_gateway_event_relay_behind_seconds", "deal-service");
            // company-service's outbox cannot be read for 1.5 s (two rounds); deal-service's still can.
            Backends.company().removeStub(stubs.get(0));
            Thread.sleep(750);
            relay.runOnce();
            Thread.sleep(750);
            relay.runOnce();
            String failing = readMetrics();
            double companyFailing = metric(failing, "dealradar_gateway_event_relay_behind_seconds", "company-service");
            double dealStill = metric(failing, "dealradar_gateway_event_relay_behind_seconds", "deal-service");
            stubs.set(
                    0,
                    Backends.company()
                            .stubFor(WireMock.get(WireMock.urlPathEqualTo("/internal/outbox"))
                                    .willReturn(WireMock.okJson("{\"items\":[]}"))));
            relay.runOnce();
            double companyRecovered = metric("dealradar_gateway_event_relay_behind_seconds", "company-service");
            System.out.printf(
                    "relay metrics: %.0f event stored from deal-service; behind after a round: company %.3f s, deal"
                            + " %.3f s; after 1.5 s of failed reads: company %.3f s, deal %.3f s; recovered: company"
                            + " %.3f s%n",
                    stored, companyBehind, dealBehind, companyFailing, dealStill, companyRecovered);
            assertThat(stored).isEqualTo(1);
            assertThat(companyBehind).isBetween(0.0, 0.5);
            assertThat(dealBehind).isBetween(0.0, 0.5);
            assertThat(companyFailing).isGreaterThanOrEqualTo(1.5);
            assertThat(dealStill).isBetween(0.0, 0.5);
            assertThat(companyRecovered).isBetween(0.0, 0.5);
        } finally {
            Backends.company().removeStub(stubs.get(0));
            Backends.deal().removeStub(stubs.get(1));
            Backends.region().removeStub(stubs.get(2));
            Backends.deal().removeStub(ack);
        }
    }

    private String readMetrics() {
        return io.restassured.RestAssured.given()
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private double metric(String name, String backend) {
        return metric(readMetrics(), name, backend);
    }

    private static double metric(String text, String name, String backend) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*backend=\"" + backend + "\"[^}]*} (\\S+)$")
                .matcher(text);
        assertThat(line.find())
                .as(
                        "%s{backend=%s} in the metrics: %s",
                        name,
                        backend,
                        text.lines().filter(l -> l.contains("relay")).toList())
                .isTrue();
        return Double.parseDouble(line.group(1));
    }
}
