package com.dealradar.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealradar.gateway.events.EventLog;
import com.dealradar.gateway.local.LocalRunTest;
import com.dealradar.gateway.partner.Admin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The event feed and webhook deliveries in the local run (H2), where native queries get a uuid column as 16 bytes
 * instead of a UUID: the feed, the dispatcher's claim and the delivery and attempt lists all read such columns (the
 * feed answered 500 in bin/run before they read them through platform's NativeValues). The other webhook and feed
 * tests run on PostgreSQL.
 */
@QuarkusTest
@TestProfile(LocalRunTest.LocalRun.class)
class LocalRunWebhooksTest {

    @Inject
    EventLog log;

    @Test
    void theFeedAndWebhookDeliveriesWorkOnH2() throws Exception {
        Admin admin = new Admin(LocalRunTest.generatedAdminKey());
        try (Receiver receiver = new Receiver(n -> 204)) {
            String partner = admin.createPartner("H2 webhook partner " + UUID.randomUUID(), "standard");
            // Deliveries go to partners that hold a key in force.
            admin.issue(partner, "{\"scopes\": [\"read\"]}");
            String endpoint = "/api/v1/partners/" + partner + "/webhooks/"
                    + admin.request()
                            .body(Map.of("url", receiver.url(), "eventTypes", List.of("company.*")))
                            .post("/api/v1/partners/" + partner + "/webhooks")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
            UUID event = UUID.randomUUID();
            String company = UUID.randomUUID().toString();
            log.append(
                    "test",
                    List.of(new EventLog.Incoming(
                            event,
                            "company.created",
                            "company",
                            company,
                            "/companies/" + company,
                            "\"0\"",
                            Instant.now(),
                            "{\"id\":\"" + company + "\",\"name\":\"H2 Telecom\"}",
                            null)));

            JsonPath feed = admin.request()
                    .get("/api/v1/events?limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(feed.getList("items.id", String.class)).contains(event.toString());

            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received.isEmpty());
            assertThat(receiver.received.get(0).header("webhook-id")).isEqualTo(event.toString());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonPath deliveries = admin.request()
                        .get(endpoint + "/deliveries")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertThat(deliveries.getList("items.status", String.class)).containsExactly("succeeded");
                assertThat(deliveries.getString("items[0].eventId")).isEqualTo(event.toString());
            });
            JsonPath attempts = admin.request()
                    .get(endpoint + "/attempts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(attempts.getList("items.eventId", String.class)).containsExactly(event.toString());
            assertThat(attempts.getInt("items[0].responseCode")).isEqualTo(204);
            System.out.printf(
                    "H2 webhooks: feed %d events, receiver %d requests, %d attempts%n",
                    feed.getList("items").size(),
                    receiver.received.size(),
                    attempts.getList("items").size());
        }
    }
}
