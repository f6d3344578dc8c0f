package com.dealradar.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealradar.gateway.Backends;
import com.dealradar.gateway.events.EventLog;
import com.dealradar.gateway.partner.Admin;
import com.dealradar.gateway.partner.PartnerTestConfig;
import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.Races;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery end to end inside the gateway (issue #16): events enter the gateway's event log exactly as the relay
 * stores them ({@link EventLog#append}), the dispatcher of this gateway delivers them to real HTTP receivers on loopback,
 * and the test checks what the receivers got with its own Standard Webhooks verifier. Short intervals from the %test
 * profile: 1 s timeout, backoff from 0.2 s, 4 attempts, disable after 1 dead letter, 3 s lease.
 */
@QuarkusTest
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
@QuarkusTestResource(value = PartnerTestConfig.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = true)
class WebhookDeliveryTest {

    static final Admin ADMIN = new Admin(PartnerTestConfig.BOOTSTRAP_KEY);

    @Inject
    EventLog log;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    AgroalDataSource database;

    @Inject
    WebhookDispatcher dispatcher;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    /** An endpoint of a new partner: its id, path and secret, and the partner's API key (deliveries need one). */
    record Endpoint(String partner, String id, String path, String secret, String keyPath) {}

    Endpoint endpoint(String url, List<String> types) {
        String partner = ADMIN.createPartner("Webhook partner " + UUID.randomUUID(), "standard");
        String keyPath = "/api/v1/partners/" + partner + "/keys/"
                + ADMIN.issue(partner, "{\"scopes\": [\"read\"]}").jsonPath().getString("id");
        JsonPath created = ADMIN.request()
                .body(Map.of("url", url, "eventTypes", types))
                .post("/api/v1/partners/" + partner + "/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(created.getString("secret")).startsWith("whsec_");
        String path = "/api/v1/partners/" + partner + "/webhooks/" + created.getString("id");
        // The secret is shown once: never in a read.
        assertThat(ADMIN.request().get(path).then().statusCode(200).extract().asString())
                .doesNotContain("whsec_");
        return new Endpoint(partner, created.getString("id"), path, created.getString("secret"), keyPath);
    }

    List<UUID> append(String resourceType, String resourceId, String... types) {
        List<EventLog.Incoming> events = new ArrayList<>();
        for (String type : types) {
            events.add(new EventLog.Incoming(
                    UUID.randomUUID(),
                    type,
                    resourceType,
                    resourceId,
                    "/" + resourceType + "s/" + resourceId,
                    "\"1\"",
                    Instant.now(),
                    "{\"id\":\"" + resourceId + "\",\"name\":\"Whale Cloud\"}",
                    null));
        }
        log.append("test", events);
        return events.stream().map(EventLog.Incoming::eventId).toList();
    }

    @Test
    void aPartnersEndpointsAreCappedEvenWhenCreatedAtOnce() throws Exception {
        String partner = ADMIN.createPartner("Capped partner " + UUID.randomUUID(), "standard");
        String collection = "/api/v1/partners/" + partner + "/webhooks";
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("deal.*"));
        for (int i = 0; i < 7; i++) {
            ADMIN.request().body(body).post(collection).then().statusCode(201);
        }
        // Three places left, eight creates at once: exactly three get in.
        List<io.restassured.response.Response> answers =
                Races.race(8, () -> ADMIN.request().body(body).post(collection));
        List<String> ids =
                ADMIN.request().get(collection).then().statusCode(200).extract().path("items.id");
        Map<Integer, Integer> statuses = Races.countByStatus(
                "endpoint cap 10, 7 created one by one, then creates at once (the partner has " + ids.size() + ")",
                answers);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 3, 409, 5));
        assertThat(ids).hasSize(10);
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail"))
                    .contains("already has 10 webhook endpoints, the most allowed (10)");
        });
        // Deleting one makes room for one.
        String etag = ADMIN.request().get(collection + "/" + ids.getFirst()).header("ETag");
        ADMIN.request()
                .header("If-Match", etag)
                .delete(collection + "/" + ids.getFirst())
                .then()
                .statusCode(204);
        ADMIN.request().body(body).post(collection).then().statusCode(201);
        ADMIN.request().body(body).post(collection).then().statusCode(409);
    }

    @Test
    void everyDeliveryVerifiesWithAnIndependentVerifierAndTamperingIsRejected() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("deal.*"));
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.addAll(append("deal", UUID.randomUUID().toString(), "deal.created", "deal.status_changed"));
            }
            append("company", UUID.randomUUID().toString(), "company.created"); // not subscribed
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() >= 10);
            Thread.sleep(300);
            long now = Instant.now().getEpochSecond();
            int verified = 0;
            for (Receiver.Received r : receiver.received) {
                assertThat(StandardWebhooksVerifier.verify(
                                endpoint.secret(),
                                r.header("webhook-id"),
                                r.header("webhook-timestamp"),
                                r.header("webhook-signature"),
                                r.body(),
                                now))
                        .as("delivery %d verifies", r.n())
                        .isTrue();
                JsonPath body = new JsonPath(new String(r.body(), StandardCharsets.UTF_8));
                assertThat(body.getString("id")).isEqualTo(r.header("webhook-id"));
                assertThat(body.getString("type")).startsWith("deal.");
                assertThat(body.getString("data.name")).isEqualTo("Whale Cloud");
                verified++;
            }
            assertThat(receiver.received)
                    .extracting(r -> UUID.fromString(r.header("webhook-id")))
                    .containsExactlyInAnyOrderElementsOf(ids);
            Receiver.Received first = receiver.received.get(0);
            byte[] tampered = new String(first.body(), StandardCharsets.UTF_8)
                    .replace("Whale Cloud", "Whale Cl0ud")
                    .getBytes(StandardCharsets.UTF_8);
            boolean tamperedBody = StandardWebhooksVerifier.verify(
                    endpoint.secret(),
                    first.header("webhook-id"),
                    first.header("webhook-timestamp"),
                    first.header("webhook-signature"),
                    tampered,
                    now);
            boolean wrongSecret = StandardWebhooksVerifier.verify(
                    WebhookSigner.newSecret(),
                    first.header("webhook-id"),
                    first.header("webhook-timestamp"),
                    first.header("webhook-signature"),
                    first.body(),
                    now);
            boolean stale = StandardWebhooksVerifier.verify(
                    endpoint.secret(),
                    first.header("webhook-id"),
                    first.header("webhook-timestamp"),
                    first.header("webhook-signature"),
                    first.body(),
                    now + 6 * 60);
            boolean otherId = StandardWebhooksVerifier.verify(
                    endpoint.secret(),
                    UUID.randomUUID().toString(),
                    first.header("webhook-timestamp"),
                    first.header("webhook-signature"),
                    first.body(),
                    now);
            System.out.printf(
                    "webhooks: %d deliveries received, %d verified; tampered body accepted=%s, wrong secret accepted=%s,"
                            + " stale timestamp accepted=%s, other id accepted=%s%n",
                    receiver.received.size(), verified, tamperedBody, wrongSecret, stale, otherId);
            assertThat(receiver.received).hasSize(10);
            assertThat(List.of(tamperedBody, wrongSecret, stale, otherId)).containsOnly(false);

            // Rotation: during the overlap both secrets sign, so a receiver holding either accepts.
            String newSecret = rotateWithAnHourOfOverlap(endpoint);
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
            append("deal", UUID.randomUUID().toString(), "deal.updated");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= 11);
            Receiver.Received afterRotation = receiver.received.get(10);
            long at = Instant.now().getEpochSecond();
            assertThat(afterRotation.header("webhook-signature").split(" ")).hasSize(2);
            for (String secret : List.of(endpoint.secret(), newSecret)) {
                assertThat(StandardWebhooksVerifier.verify(
                                secret,
                                afterRotation.header("webhook-id"),
                                afterRotation.header("webhook-timestamp"),
                                afterRotation.header("webhook-signature"),
                                afterRotation.body(),
                                at))
                        .isTrue();
            }
        }
    }

    @Test
    void signingSecretsAreSealedInTheDatabaseAndSecretsStoredInTheClearAreSealedAgain() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("deal.*"));
            String hidden = endpoint.secret().substring(WebhookSigner.PREFIX.length());
            String[] stored = storedSecrets(endpoint.id());
            assertThat(stored[0]).startsWith("sealed:v1:").doesNotContain(hidden);
            assertThat(stored[1]).isNull();

            String newSecret = rotateWithAnHourOfOverlap(endpoint);
            String[] rotated = storedSecrets(endpoint.id());
            assertThat(rotated[0]).startsWith("sealed:v1:").doesNotContain(newSecret.substring(6));
            assertThat(rotated[1])
                    .startsWith("sealed:v1:")
                    .doesNotContain(hidden)
                    .isNotEqualTo(stored[0]);

            // Rows as an earlier version stored them, in the clear: sealed again (at start, or when called).
            try (Connection c = database.getConnection();
                    PreparedStatement update = c.prepareStatement(
                            "update webhook_endpoint set secret = ?, previous_secret = ? where id = ?")) {
                update.setString(1, newSecret);
                update.setString(2, endpoint.secret());
                update.setObject(3, UUID.fromString(endpoint.id()));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            int resealed = endpoints.resealSecrets();
            int again = endpoints.resealSecrets();
            String[] resealedRow = storedSecrets(endpoint.id());
            assertThat(resealedRow[0]).startsWith("sealed:v1:").doesNotContain(newSecret.substring(6));
            assertThat(resealedRow[1]).startsWith("sealed:v1:").doesNotContain(hidden);

            // What was sealed again still signs: both secrets, as during the rotation's overlap.
            append("deal", UUID.randomUUID().toString(), "deal.created");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= 1);
            Receiver.Received delivery = receiver.received.get(0);
            long now = Instant.now().getEpochSecond();
            int verified = 0;
            for (String secret : List.of(endpoint.secret(), newSecret)) {
                if (StandardWebhooksVerifier.verify(
                        secret,
                        delivery.header("webhook-id"),
                        delivery.header("webhook-timestamp"),
                        delivery.header("webhook-signature"),
                        delivery.body(),
                        now)) {
                    verified++;
                }
            }
            System.out.printf(
                    "webhook secrets at rest: sealed rows resealed=%d, then %d; delivery verified with %d of 2 secrets%n",
                    resealed, again, verified);
            assertThat(resealed).isEqualTo(1);
            assertThat(again).isZero();
            assertThat(verified).isEqualTo(2);
        }
    }

    @Test
    void aRotationRetriedWithItsIdempotencyKeyRotatesOnceAndNeverRepeatsTheSecret() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
            String idempotencyKey = UUID.randomUUID().toString();
            List<Integer> statuses = new ArrayList<>();
            io.restassured.response.Response first = ADMIN.request()
                    .header("If-Match", etag)
                    .header("Idempotency-Key", idempotencyKey)
                    .body("{\"overlap\":\"PT1H\"}")
                    .post(endpoint.path() + "/rotate-secret");
            statuses.add(first.statusCode());
            first.then().statusCode(200).body("secret", Matchers.startsWith("whsec_"));
            String[] afterFirst = storedSecrets(endpoint.id());

            // The client lost the answer and sends the same request again: the answer is replayed, nothing rotates.
            io.restassured.response.Response replay = ADMIN.request()
                    .header("If-Match", etag)
                    .header("Idempotency-Key", idempotencyKey)
                    .body("{\"overlap\":\"PT1H\"}")
                    .post(endpoint.path() + "/rotate-secret");
            statuses.add(replay.statusCode());
            replay.then()
                    .statusCode(200)
                    .header("Idempotent-Replayed", "true")
                    .header("ETag", first.header("ETag"))
                    .body("secret", Matchers.nullValue());
            String[] afterReplay = storedSecrets(endpoint.id());

            // The same key with another body is another request: 422, nothing rotates either.
            io.restassured.response.Response other = ADMIN.request()
                    .header("If-Match", first.header("ETag"))
                    .header("Idempotency-Key", idempotencyKey)
                    .body("{\"overlap\":\"PT2H\"}")
                    .post(endpoint.path() + "/rotate-secret");
            statuses.add(other.statusCode());
            other.then().statusCode(422).contentType("application/problem+json");
            String[] afterOther = storedSecrets(endpoint.id());
            String currentEtag =
                    ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
            System.out.printf(
                    "webhook rotate-secret with one Idempotency-Key: statuses %s; secret changed by the replay=%s, "
                            + "by the other body=%s%n",
                    statuses,
                    !List.of(afterFirst).equals(List.of(afterReplay)),
                    !List.of(afterReplay).equals(List.of(afterOther)));
            assertThat(statuses).containsExactly(200, 200, 422);
            assertThat(afterReplay).containsExactly(afterFirst);
            assertThat(afterOther).containsExactly(afterFirst);
            assertThat(currentEtag).isEqualTo(first.header("ETag"));
        }
    }

    /**
     * A second rotation while the first one's overlap runs would drop the oldest secret at once, the one a receiver that
     * has not switched yet verifies with (before: 200, and that receiver rejected every delivery from then on). It is a
     * 409 naming the overlap; a rotation with overlap PT0S (after a leak) replaces every secret now.
     */
    @Test
    void aSecondRotationDuringTheOverlapIsRefusedUnlessItReplacesEverySecretNow() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            String first = rotateWithAnHourOfOverlap(endpoint);
            io.restassured.response.Response again = ADMIN.request()
                    .header("If-Match", ADMIN.request().get(endpoint.path()).header("ETag"))
                    .body("{\"overlap\":\"PT1H\"}")
                    .post(endpoint.path() + "/rotate-secret");
            io.restassured.response.Response now = ADMIN.request()
                    .header("If-Match", ADMIN.request().get(endpoint.path()).header("ETag"))
                    .body("{\"overlap\":\"PT0S\"}")
                    .post(endpoint.path() + "/rotate-secret");
            System.out.printf(
                    "rotations during an overlap: with an hour -> %d (%s); with PT0S -> %d%n",
                    again.statusCode(), again.jsonPath().getString("errors[0].message"), now.statusCode());
            again.then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors[0].field", Matchers.equalTo("overlap"));
            now.then().statusCode(200);
            String current = now.jsonPath().getString("secret");
            append("deal", UUID.randomUUID().toString(), "deal.created");
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received.isEmpty());
            Receiver.Received delivered = receiver.received.getFirst();
            List<Boolean> verifies = new ArrayList<>();
            for (String secret : List.of(endpoint.secret(), first, current)) {
                verifies.add(StandardWebhooksVerifier.verify(
                        secret,
                        delivered.header("webhook-id"),
                        delivered.header("webhook-timestamp"),
                        delivered.header("webhook-signature"),
                        delivered.body(),
                        Instant.now().getEpochSecond()));
            }
            assertThat(verifies)
                    .as("original, first rotation, rotation without overlap")
                    .containsExactly(false, false, true);
        }
    }

    /**
     * Six rotations sent at once with the endpoint's one ETag: one rotates (200), five are 412, and the secret stored
     * is the one the 200 answered. Each used to check If-Match against its own read of the row and all of them
     * rotated: every caller got a secret, and all but the last were never used to sign.
     */
    @Test
    void rotationsRacingWithOneETagRotateOnce() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
            List<io.restassured.response.Response> answers = Races.race(
                    6,
                    () -> ADMIN.request()
                            .header("If-Match", etag)
                            .body("{\"overlap\":\"PT1H\"}")
                            .post(endpoint.path() + "/rotate-secret"));
            Map<Integer, Integer> statuses = Races.countByStatus("rotations with one ETag at once", answers);
            assertThat(statuses).isEqualTo(Map.of(200, 1, 412, 5));
            String rotated = answers.stream()
                    .filter(r -> r.statusCode() == 200)
                    .findFirst()
                    .orElseThrow()
                    .jsonPath()
                    .getString("secret");
            append("deal", UUID.randomUUID().toString(), "deal.created");
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received.isEmpty());
            Receiver.Received delivered = receiver.received.getFirst();
            assertThat(StandardWebhooksVerifier.verify(
                            rotated,
                            delivered.header("webhook-id"),
                            delivered.header("webhook-timestamp"),
                            delivered.header("webhook-signature"),
                            delivered.body(),
                            Instant.now().getEpochSecond()))
                    .as("the delivery is signed with the secret the 200 answered")
                    .isTrue();
        }
    }

    /**
     * A delivery's outcome is written while an administrator's change to the endpoint is still open: the outcome waits
     * for it and keeps it. Recording an outcome used to read the endpoint before the change committed and write every
     * column back after it (a success resets the dead-letter streak), undoing the change: a secret rotated at that
     * moment was replaced by the old one. The change here is the description, made in a transaction that holds the
     * endpoint's row while the receiver answers.
     */
    @Test
    void aDeliveryOutcomeDoesNotUndoAConcurrentChangeOfItsEndpoint() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            UUID id = UUID.fromString(endpoint.id());
            try (Connection c = database.getConnection()) {
                execute(c, "update webhook_endpoint set dead_letter_streak = 2 where id = ?", id);
                c.setAutoCommit(false);
                execute(c, "update webhook_endpoint set description = 'changed meanwhile' where id = ?", id);
                append("deal", UUID.randomUUID().toString(), "deal.created");
                await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received.isEmpty());
                Thread.sleep(500); // the dispatcher records the outcome now, and waits for this transaction
                c.commit();
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !attempts(endpoint).isEmpty());
            try (Connection c = database.getConnection();
                    PreparedStatement select = c.prepareStatement(
                            "select description, dead_letter_streak from webhook_endpoint where id = ?")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    System.out.printf(
                            "outcome recorded during a change: attempts %s, description '%s', streak %d%n",
                            attempts(endpoint).stream()
                                    .map(a -> a.get("outcome"))
                                    .toList(),
                            row.getString(1),
                            row.getInt(2));
                    assertThat(row.getString(1)).isEqualTo("changed meanwhile");
                    assertThat(row.getInt(2)).as("the success reset the streak").isZero();
                }
            }
        }
    }

    /**
     * The delivery log is kept as long as the feed keeps events: deliveries completed and attempts made before the
     * cutoff are deleted (the dispatcher does it every purge interval with the feed's retention); a delivery still
     * pending stays.
     */
    /**
     * A relayed batch fans out in one go: every endpoint that wants its events gets one delivery of each, at the
     * event's position, and an endpoint that does not want them gets none (the inserts go to the database as one batch
     * while the append lock is held; the time of the append is printed).
     */
    @Test
    void aBatchOfEventsFansOutToEveryEndpointThatWantsThem() throws Exception {
        List<Endpoint> companyHooks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            companyHooks.add(endpoint("http://127.0.0.1:9/hook", List.of("company.*")));
        }
        Endpoint dealHook = endpoint("http://127.0.0.1:9/hook", List.of("deal.*"));
        String[] types = new String[25];
        Arrays.fill(types, "company.updated");
        // The first append warms the path up; the second is timed.
        append("company", UUID.randomUUID().toString(), types);
        long started = System.nanoTime();
        List<UUID> events = append("company", UUID.randomUUID().toString(), types);
        long millis = (System.nanoTime() - started) / 1_000_000;
        int endpointsInAll = count(
                "select count(distinct endpoint_id) from webhook_delivery where event_id = ?",
                events.getFirst().toString());
        System.out.printf(
                "fan-out: 25 events in one append (the second) to %d endpoints wanting them (12 of this test's): %d ms%n",
                endpointsInAll, millis);
        for (Endpoint hook : companyHooks) {
            assertThat(count("select count(*) from webhook_delivery where endpoint_id = ?", hook.id()))
                    .isEqualTo(50);
            // One delivery of each event, at the position the log gave it.
            assertThat(count(
                            "select count(distinct d.event_id) from webhook_delivery d join event_log e on e.event_id ="
                                    + " d.event_id and e.position = d.event_position where d.endpoint_id = ?",
                            hook.id()))
                    .isEqualTo(50);
        }
        assertThat(count("select count(*) from webhook_delivery where endpoint_id = ?", dealHook.id()))
                .isZero();
        assertThat(endpointsInAll).isGreaterThanOrEqualTo(12);
    }

    @Test
    void deliveriesAndAttemptsPastTheRetentionArePurged() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            append("deal", UUID.randomUUID().toString(), "deal.created", "deal.updated");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> attempts(endpoint).size() == 2);
            int before = count("select count(*) from webhook_delivery where endpoint_id = ?", endpoint.id());
            // Three rows per transaction: the two attempts and two deliveries of this endpoint (and whatever earlier
            // tests left) in several short deletes.
            Deliveries.Purged purged = deliveries.purge(Instant.now().plusSeconds(1), 3);
            int after = count("select count(*) from webhook_delivery where endpoint_id = ?", endpoint.id());
            System.out.printf(
                    "purge: this endpoint's deliveries %d before, %d after; %d rows deleted in all, in %d"
                            + " transactions, at most %d in one%n",
                    before, after, purged.deleted(), purged.batches(), purged.largestBatch());
            assertThat(before).isEqualTo(2);
            assertThat(after).isZero();
            assertThat(attempts(endpoint)).isEmpty();
            assertThat(purged.deleted()).isGreaterThanOrEqualTo(4);
            assertThat(purged.largestBatch()).isEqualTo(3);
            // At least one step per three rows, and one short step to end each table.
            assertThat(purged.batches()).isGreaterThanOrEqualTo(purged.deleted() / 3 + 1);
        }
    }

    /**
     * Deliveries held for an endpoint that stays disabled end at the retention, as dead letters that say so (the events
     * are gone from the feed, so they could never be delivered), and are deleted a retention later. Before, they stayed
     * pending for as long as the endpoint stayed disabled, a row per event, each read by every claim.
     */
    @Test
    void deliveriesHeldForADisabledEndpointEndAsDeadLettersAtTheRetention() throws Exception {
        Endpoint endpoint = endpoint("http://127.0.0.1:9/hook", List.of("*"));
        setEnabled(endpoint, false);
        List<UUID> events = append("deal", UUID.randomUUID().toString(), "deal.created", "deal.updated");
        int held = count(
                "select count(*) from webhook_delivery where endpoint_id = ? and status = 'pending'", endpoint.id());

        // The retention ends after the events and before the purge runs (as in production, where it ends 30 days
        // before): the dead letters the purge makes end now, after it, and stay for a retention.
        Thread.sleep(5);
        Deliveries.Purged atRetention = deliveries.purge(Instant.now(), 5000);
        List<Map<String, Object>> dead = ADMIN.request()
                .get(endpoint.path() + "/deliveries?status=dead")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        int left = count("select count(*) from webhook_delivery where endpoint_id = ?", endpoint.id());
        Deliveries.Purged retentionLater = deliveries.purge(Instant.now().plusSeconds(2), 5000);
        int afterwards = count("select count(*) from webhook_delivery where endpoint_id = ?", endpoint.id());
        System.out.printf(
                "a disabled endpoint's held deliveries: %d held, %d dead letters after the purge at the retention (%d"
                        + " ended in all), %d rows after a second purge a retention later (%d deleted in all)%n",
                held, dead.size(), atRetention.expired(), afterwards, retentionLater.deleted());
        assertThat(held).isEqualTo(2);
        assertThat(dead)
                .extracting(d -> d.get("eventId"))
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(UUID::toString).toList());
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.get("lastError").toString()).contains("while the endpoint was disabled");
            assertThat(d.get("attempts")).isEqualTo(0);
        });
        assertThat(atRetention.expired()).isGreaterThanOrEqualTo(2);
        assertThat(left).isEqualTo(2);
        assertThat(afterwards).isZero();
        assertThat(attempts(endpoint)).isEmpty();
    }

    /**
     * A partner whose API keys are all revoked (or expired) can read nothing, so nothing is sent to it either: its
     * deliveries are held, as a disabled endpoint's are, and go out, in order and once each, when it holds a key again
     * (before: every event's data kept going to the partner's URL until an admin also deleted its endpoints).
     */
    @Test
    void aPartnerWithoutAKeyInForceIsSentNothingUntilItHoldsOneAgain() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            String company = UUID.randomUUID().toString();
            UUID first = append("company", company, "company.created").get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 1);

            ADMIN.request()
                    .header("If-Match", ADMIN.request().get(endpoint.keyPath()).getHeader("ETag"))
                    .delete(endpoint.keyPath())
                    .then()
                    .statusCode(200);
            List<UUID> whileRevoked = append("company", company, "company.updated", "company.archived");
            Thread.sleep(1_500);
            int sentWhileRevoked = receiver.received.size() - 1;
            int held = count(
                    "select count(*) from webhook_delivery where endpoint_id = ? and status = 'pending'",
                    endpoint.id());

            ADMIN.issue(endpoint.partner(), "{\"scopes\": [\"read\"]}");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= 3);
            Thread.sleep(500);
            List<String> delivered =
                    receiver.received.stream().map(r -> r.header("webhook-id")).toList();
            System.out.printf(
                    "webhooks of a partner whose key was revoked: %d sent while it held none, %d held; %d delivered in"
                            + " all after a new key%n",
                    sentWhileRevoked, held, delivered.size());
            assertThat(sentWhileRevoked).isZero();
            assertThat(held).isEqualTo(2);
            assertThat(delivered)
                    .containsExactly(
                            first.toString(),
                            whileRevoked.get(0).toString(),
                            whileRevoked.get(1).toString());
        }
    }

    /**
     * A delivery whose event left the feed (past its retention) before the receiver took it is dead without another
     * attempt, and says why; its nextAttemptAt is the time it ended, as for a delivery an attempt ended.
     */
    @Test
    void aDeliveryWhoseEventLeftTheFeedIsDeadWithoutAnotherAttempt() throws Exception {
        try (Receiver receiver = new Receiver(n -> 500)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            UUID event =
                    append("deal", UUID.randomUUID().toString(), "deal.created").get(0);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !attempts(endpoint).isEmpty());
            try (Connection c = database.getConnection()) {
                execute(c, "delete from event_log where event_id = ?", event);
            }
            int attemptsBefore = attempts(endpoint).size();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !ADMIN.request()
                            .get(endpoint.path() + "/deliveries?status=dead")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items")
                            .isEmpty());
            Map<String, Object> dead = ADMIN.request()
                    .get(endpoint.path() + "/deliveries?status=dead")
                    .then()
                    .extract()
                    .jsonPath()
                    .getMap("items[0]");
            int attemptsAfter = attempts(endpoint).size();
            System.out.printf(
                    "event past the retention: %d attempts before, %d after; dead delivery %s%n",
                    attemptsBefore, attemptsAfter, dead);
            assertThat(dead.get("eventId")).isEqualTo(event.toString());
            assertThat(dead.get("lastError").toString()).contains("past the feed's retention");
            assertThat(dead.get("nextAttemptAt")).isEqualTo(dead.get("completedAt"));
            assertThat(attemptsAfter).isLessThanOrEqualTo(attemptsBefore + 1);
            assertThat(receiver.received).hasSize(attemptsAfter);
        }
    }

    private int count(String sql, String id) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void execute(Connection c, String sql, UUID id) throws Exception {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Rotates the endpoint's secret (the previous one keeps signing for an hour) and answers the new one. */
    static String rotateWithAnHourOfOverlap(Endpoint endpoint) {
        String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
        return ADMIN.request()
                .header("If-Match", etag)
                .body("{\"overlap\":\"PT1H\"}")
                .post(endpoint.path() + "/rotate-secret")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("secret");
    }

    /** The secret and previous secret columns of an endpoint's row, as stored. */
    String[] storedSecrets(String endpointId) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select secret, previous_secret from webhook_endpoint where id = ?")) {
            select.setObject(1, UUID.fromString(endpointId));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new String[] {row.getString(1), row.getString(2)};
            }
        }
    }

    @Test
    void failureThenTimeoutThenRecoveryIsRetriedOnTheScheduleAndKeepsTheResourceOrder() throws Exception {
        // 1st request 500, 2nd hangs past the 1 s timeout, then 200.
        try (Receiver receiver = new Receiver(n -> n == 1 ? 500 : n == 2 ? -1500 : 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            String deal = UUID.randomUUID().toString();
            List<UUID> ids = append("deal", deal, "deal.created", "deal.status_changed", "deal.updated");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.received.stream()
                                    .filter(r -> r.answered() == 200)
                                    .count()
                            >= 3);
            List<String> arrivals =
                    receiver.received.stream().map(r -> r.header("webhook-id")).toList();
            // The receiver counts a request before it answers; the dispatcher records the attempt after the answer.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> attempts(endpoint).size() >= 5);
            List<Map<String, Object>> attempts = attempts(endpoint);
            System.out.printf(
                    "webhooks retry: %d requests received, %d attempts listed: %s%n",
                    receiver.received.size(),
                    attempts.size(),
                    attempts.stream()
                            .map(a -> a.get("outcome") + "/" + a.get("responseCode") + "/" + a.get("latencyMs") + "ms")
                            .toList());
            // The first event was tried three times (500, timeout, 200); the others waited for it: per-resource order.
            assertThat(arrivals.subList(0, 3)).containsOnly(ids.get(0).toString());
            assertThat(arrivals.subList(3, arrivals.size()))
                    .containsExactly(ids.get(1).toString(), ids.get(2).toString());
            List<Receiver.Received> firstEvent = receiver.received.subList(0, 3);
            // The second attempt started at least half the initial backoff (0.1 s) after the first; the third at least
            // 0.2 s after the timeout.
            assertThat(firstEvent.get(1).atMillis() - firstEvent.get(0).atMillis())
                    .isGreaterThanOrEqualTo(100);
            assertThat(attempts).hasSize(5);
            assertThat(attempts)
                    .filteredOn(a -> "failed".equals(a.get("outcome")))
                    .hasSize(2)
                    .anySatisfy(a -> assertThat(a.get("responseCode")).isEqualTo(500))
                    .anySatisfy(a -> assertThat(a.get("responseCode")).isNull());
            assertThat(ADMIN.request()
                            .get(endpoint.path() + "/deliveries?status=succeeded")
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("items"))
                    .hasSize(3);
            // Both lists page like every list: the five attempts two a page, the three deliveries two a page.
            assertThat(walk(endpoint.path() + "/attempts?limit=2", "id"))
                    .hasSize(5)
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(
                            attempts.stream().map(a -> (String) a.get("id")).toList());
            assertThat(walk(endpoint.path() + "/deliveries?status=succeeded&limit=2", "eventId"))
                    .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        }
    }

    /**
     * A receiver (a third party) that answers 200 and then streams a body that never ends, a kilobyte every 50 ms: the
     * delivery is recorded as delivered when its status line arrives, and the connection is closed then. Before, the
     * whole answer was read into memory until the attempt timed out (and recorded as failed), and the connection went
     * on after it: a partner could fill the gateway's memory.
     */
    @Test
    void aReceiverThatStreamsAnEndlessAnswerIsDeliveredAndCutOff() throws Exception {
        AtomicLong bytesSent = new AtomicLong();
        AtomicInteger connections = new AtomicInteger();
        CountDownLatch cutOff = new CountDownLatch(1);
        // The server is closed first (resources close in reverse order), which ends the loop that accepts.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.submit(() -> {
                while (!server.isClosed()) {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    threads.submit(() -> endlessAnswer(socket, bytesSent, cutOff));
                }
                return null;
            });
            Endpoint endpoint = endpoint("http://127.0.0.1:" + server.getLocalPort() + "/hooks/endless", List.of("*"));
            append("deal", UUID.randomUUID().toString(), "deal.created");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !attempts(endpoint).isEmpty());
            Map<String, Object> attempt = attempts(endpoint).getFirst();
            boolean closed = cutOff.await(5, TimeUnit.SECONDS);
            System.out.printf(
                    "endless answer: attempt %s/%s in %s ms, connection closed by the sender: %s after %d bytes,"
                            + " %d connection(s)%n",
                    attempt.get("outcome"),
                    attempt.get("responseCode"),
                    attempt.get("latencyMs"),
                    closed,
                    bytesSent.get(),
                    connections.get());
            assertThat(attempt.get("outcome")).isEqualTo("succeeded");
            assertThat(attempt.get("responseCode")).isEqualTo(200);
            assertThat(((Number) attempt.get("latencyMs")).longValue()).isLessThan(1000);
            assertThat(closed).as("the sender closed the connection").isTrue();
            assertThat(connections.get()).isEqualTo(1);
        }
    }

    /** Reads the request's head and answers 200 with a body that ends only when the peer closes the connection. */
    private static Void endlessAnswer(Socket socket, AtomicLong bytesSent, CountDownLatch cutOff) throws Exception {
        try (socket) {
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the request head; its body is not needed
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[1024];
            Arrays.fill(chunk, (byte) 'x');
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                out.write(chunk);
                out.flush();
                bytesSent.addAndGet(chunk.length);
                Thread.sleep(50);
            }
        } catch (IOException e) {
            cutOff.countDown();
        }
        return null;
    }

    /** The values of {@code field} of every item, following each page's Link to the end. */
    private static List<String> walk(String firstPage, String field) {
        List<String> values = new ArrayList<>();
        String next = firstPage;
        for (int pages = 0; next != null && pages < 10; pages++) {
            io.restassured.response.Response page =
                    ADMIN.request().urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            values.addAll(page.jsonPath().getList("items." + field, String.class));
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return values;
    }

    @Test
    void aReceiverThatNeverRecoversIsDeadLetteredDisabledAndReplayable() throws Exception {
        try (Receiver receiver = new Receiver(n -> 503)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("regulatory_matter.deadline_approaching"));
            UUID event = append(
                            "regulatory_matter", UUID.randomUUID().toString(), "regulatory_matter.deadline_approaching")
                    .get(0);
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            !ADMIN.request().get(endpoint.path()).jsonPath().getBoolean("enabled"));
            JsonPath read = ADMIN.request().get(endpoint.path()).jsonPath();
            List<Map<String, Object>> dead = ADMIN.request()
                    .get(endpoint.path() + "/deliveries?status=dead")
                    .jsonPath()
                    .getList("items");
            List<Map<String, Object>> audit = ADMIN.request()
                    .get("/api/v1/partners/audit?partnerId=" + endpoint.partner())
                    .jsonPath()
                    .getList("items");
            System.out.printf(
                    "webhooks dead letter: %d requests, %d dead deliveries, endpoint enabled=%s (%s), audit actions %s%n",
                    receiver.received.size(),
                    dead.size(),
                    read.getBoolean("enabled"),
                    read.getString("disabledReason"),
                    audit.stream().map(a -> a.get("action")).toList());
            assertThat(receiver.received).hasSize(4);
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.get("eventId")).isEqualTo(event.toString());
                assertThat(d.get("attempts")).isEqualTo(4);
                assertThat(d.get("lastResponseCode")).isEqualTo(503);
            });
            assertThat(audit).anySatisfy(a -> assertThat(a.get("action")).isEqualTo("webhook_disabled"));

            // The receiver is fixed; an admin re-enables the endpoint and replays the dead letter.
            receiver.behaviour = n -> 200;
            enable(endpoint);
            String deliveryId = (String) dead.get(0).get("id");
            String replayKey = UUID.randomUUID().toString();
            ADMIN.request()
                    .header("Idempotency-Key", replayKey)
                    .post(endpoint.path() + "/deliveries/" + deliveryId + "/replay")
                    .then()
                    .statusCode(202);
            // The admin lost the answer and retries with the same key: the 202 again, nothing queued twice.
            ADMIN.request()
                    .header("Idempotency-Key", replayKey)
                    .post(endpoint.path() + "/deliveries/" + deliveryId + "/replay")
                    .then()
                    .statusCode(202)
                    .header("Idempotent-Replayed", "true");
            // Without the key a second replay is refused: the delivery is no longer dead.
            ADMIN.request()
                    .post(endpoint.path() + "/deliveries/" + deliveryId + "/replay")
                    .then()
                    .statusCode(409);
            // Who replayed it is in the write audit, like every write (the refused second replay is not).
            ADMIN.request()
                    .queryParam("resource", endpoint.path() + "/deliveries/" + deliveryId + "/replay")
                    .get("/api/v1/write-audit")
                    .then()
                    .statusCode(200)
                    .body("items.method", org.hamcrest.Matchers.contains("POST"))
                    .body("items[0].status", org.hamcrest.Matchers.equalTo(202))
                    .body("items[0].actor", org.hamcrest.Matchers.equalTo("service:bootstrap-admin key:bootstrap"));
            // A delivery that does not exist is a 404, not a conflict.
            ADMIN.request()
                    .post(endpoint.path() + "/deliveries/" + UUID.randomUUID() + "/replay")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.received.stream().anyMatch(r -> r.answered() == 200));
            assertThat(receiver.received.get(receiver.received.size() - 1).header("webhook-id"))
                    .isEqualTo(event.toString());
        }
    }

    /**
     * A 410 disables the endpoint at once. Events committed while it is disabled are not lost: their deliveries wait,
     * unattempted, and go out, in order, when the endpoint is enabled again.
     */
    @Test
    void gone410DisablesTheEndpointAtOnceAndWhatHappensWhileDisabledIsDeliveredOnceEnabled() throws Exception {
        try (Receiver receiver = new Receiver(n -> 410)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            String certification = UUID.randomUUID().toString();
            List<UUID> before =
                    append("certification", certification, "certification.expired", "certification.updated");
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            !ADMIN.request().get(endpoint.path()).jsonPath().getBoolean("enabled"));
            Thread.sleep(500);
            int whenDisabled = receiver.received.size();
            String reason = ADMIN.request().get(endpoint.path()).jsonPath().getString("disabledReason");
            assertThat(ADMIN.request()
                            .get(endpoint.path() + "/deliveries?status=dead")
                            .jsonPath()
                            .getList("items"))
                    .hasSize(1);

            // Two more changes while the endpoint is disabled: queued, not attempted.
            List<UUID> during =
                    append("certification", certification, "certification.updated", "certification.deleted");
            Thread.sleep(1_000);
            int pendingWhileDisabled = ADMIN.request()
                    .get(endpoint.path() + "/deliveries?status=pending")
                    .jsonPath()
                    .getList("items")
                    .size();
            int sentWhileDisabled = receiver.received.size() - whenDisabled;

            receiver.behaviour = n -> 200;
            enable(endpoint);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= whenDisabled + 3);
            Thread.sleep(500);
            List<String> deliveredAfterEnabling =
                    receiver.received.subList(whenDisabled, receiver.received.size()).stream()
                            .map(r -> r.header("webhook-id"))
                            .toList();
            System.out.printf(
                    "webhooks 410: %d request(s) until disabled (%s); while disabled %d sent, %d pending; after"
                            + " enabling %d delivered%n",
                    whenDisabled, reason, sentWhileDisabled, pendingWhileDisabled, deliveredAfterEnabling.size());
            assertThat(whenDisabled).isEqualTo(1);
            assertThat(sentWhileDisabled).isZero();
            assertThat(pendingWhileDisabled).isEqualTo(3);
            // The one held since the 410, then the two committed while disabled, in order, each once.
            assertThat(deliveredAfterEnabling)
                    .containsExactly(
                            before.get(1).toString(),
                            during.get(0).toString(),
                            during.get(1).toString());
        }
    }

    @Test
    void claimsNeverShareADeliveryAndWhatAKilledClaimerHeldIsDeliveredByAnotherOnce() throws Exception {
        // Four extra "replicas" claim deliveries and die before delivering (they never record an outcome), racing this
        // gateway's own dispatcher. Claims must be disjoint, and after the 3 s lease the dispatcher delivers what they
        // held.
        // Earlier tests' deliveries that are due (to receivers long closed) are older than this test's, so they are
        // claimed first, two at a time: postponed, they leave the killed claimers this test's own to race for (with
        // them, in the class's order, the claimers took 0 or 1 of the 40).
        System.out.println("webhook claims: earlier tests' pending deliveries postponed: " + postponeDueDeliveries());
        try (Receiver receiver = new Receiver(n -> 200)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("company.*"));
            int events = 40;
            Set<UUID> claimedByKilled = ConcurrentHashMap.newKeySet();
            List<UUID> claims = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            // The claimers go on until half a second after the last event is appended, and at most 2.5 s: past the
            // 3 s lease, a claim of one killed claimer runs out and another may take it, as it should.
            AtomicLong until = new AtomicLong(Long.MAX_VALUE);
            long latest = System.currentTimeMillis() + 2500;
            List<Future<?>> claimers = new ArrayList<>();
            for (String replica : List.of("A", "B", "C", "D")) {
                claimers.add(pool.submit(() -> {
                    go.await();
                    while (System.currentTimeMillis() < Math.min(until.get(), latest)) {
                        deliveries.claim("killed-" + replica, 2).stream()
                                .filter(c -> c.endpointId().toString().equals(endpoint.id()))
                                .forEach(c -> {
                                    claims.add(c.eventId());
                                    claimedByKilled.add(c.eventId());
                                });
                    }
                    return null;
                }));
            }
            go.countDown();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                ids.addAll(append("company", UUID.randomUUID().toString(), "company.updated"));
            }
            until.set(System.currentTimeMillis() + 500);
            for (Future<?> f : claimers) {
                f.get();
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() >= events);
            Thread.sleep(1000);
            List<String> delivered =
                    receiver.received.stream().map(r -> r.header("webhook-id")).toList();
            System.out.printf(
                    "webhook claims: %d events; %d claims by 4 killed claimers (%d distinct); receiver got %d deliveries, %d distinct%n",
                    events,
                    claims.size(),
                    claimedByKilled.size(),
                    delivered.size(),
                    Set.copyOf(delivered).size());
            assertThat(claims).hasSize(claimedByKilled.size());
            assertThat(claimedByKilled).isNotEmpty();
            assertThat(delivered).hasSize(events).doesNotHaveDuplicates();
            assertThat(delivered)
                    .containsExactlyInAnyOrderElementsOf(
                            ids.stream().map(UUID::toString).toList());
        }
    }

    /**
     * A PATCH is checked like a create (the URL is resolved before the writing transaction begins, WebhookEndpoints)
     * and by its ETag in the writing transaction: nothing refused changes the endpoint, what is accepted is what a read
     * shows next, with a new ETag.
     */
    @Test
    void aPatchIsCheckedLikeACreateAndByItsETag() {
        Endpoint endpoint = endpoint("http://127.0.0.1:9/first", List.of("deal.*"));
        String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
        String merge = "application/merge-patch+json";
        ADMIN.request()
                .contentType(merge)
                .body("{\"url\":\"http://127.0.0.1:9/second\"}")
                .patch(endpoint.path())
                .then()
                .statusCode(428);
        ADMIN.request()
                .contentType(merge)
                .header("If-Match", "\"41\"")
                .body("{\"url\":\"http://127.0.0.1:9/second\"}")
                .patch(endpoint.path())
                .then()
                .statusCode(412);
        for (String refused : List.of("ftp://127.0.0.1/second", "http://no-such-host.invalid/second")) {
            ADMIN.request()
                    .contentType(merge)
                    .header("If-Match", etag)
                    .body(Map.of("url", refused))
                    .patch(endpoint.path())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", Matchers.equalTo("url"));
        }
        // Malformed, or well formed but naming no event type (a typo would otherwise subscribe to nothing, silently).
        for (String type : List.of("not a type", "deal.nonexistent", "deal.status_change", "dael.*", "bogus.*")) {
            ADMIN.request()
                    .contentType(merge)
                    .header("If-Match", etag)
                    .body(Map.of("eventTypes", List.of(type)))
                    .patch(endpoint.path())
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", Matchers.equalTo("eventTypes"));
        }
        ADMIN.request()
                .contentType(merge)
                .header("If-Match", etag)
                .body(Map.of("url", "http://127.0.0.1:99999/second"))
                .patch(endpoint.path())
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("url"));
        JsonPath unchanged = ADMIN.request()
                .get(endpoint.path())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(unchanged.getString("url")).isEqualTo("http://127.0.0.1:9/first");
        assertThat(ADMIN.request().get(endpoint.path()).then().extract().header("ETag"))
                .isEqualTo(etag);

        var patched = ADMIN.request()
                .contentType(merge)
                .header("If-Match", etag)
                .body("{\"url\":\"http://127.0.0.1:9/second\",\"eventTypes\":[\"company.*\"]}")
                .patch(endpoint.path())
                .then()
                .statusCode(200)
                .body("url", Matchers.equalTo("http://127.0.0.1:9/second"))
                .extract();
        String changedEtag = patched.header("ETag");
        assertThat(changedEtag).isNotEqualTo(etag);
        JsonPath changed = ADMIN.request()
                .get(endpoint.path())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(changed.getString("url")).isEqualTo("http://127.0.0.1:9/second");
        // The write's answer shows the timestamp as stored (microseconds), not a finer one a read then contradicts.
        assertThat(patched.jsonPath().getString("updatedAt")).isEqualTo(changed.getString("updatedAt"));
        assertThat(changed.getList("eventTypes", String.class)).containsExactly("company.*");
        // The old ETag is spent.
        ADMIN.request()
                .contentType(merge)
                .header("If-Match", etag)
                .body("{\"enabled\":false}")
                .patch(endpoint.path())
                .then()
                .statusCode(412);
    }

    /**
     * A partner deletes an endpoint while the event relay fans a batch out to it (the race behind a 409 on DELETE in
     * CI): both orders, each held open at the point where the other one runs. The batch here is the relay's own
     * transaction steps (Deliveries#subscribedEndpoints, then Deliveries#fanOut of a real event in the log) on this
     * endpoint alone, so no other test's endpoint receives anything.
     */
    @Test
    void deletingAnEndpointWhileABatchFansOutToItNeitherFailsNorLeavesDeliveries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Receiver receiver = new Receiver(n -> 204)) {
            UUID event = append("company", UUID.randomUUID().toString(), "company.updated")
                    .get(0);
            long position = position(event);

            // 1. The batch first: it has read the endpoint and inserted its delivery, and has not committed yet.
            Endpoint first = endpoint(receiver.url(), List.of("company.*"));
            CountDownLatch fannedOut = new CountDownLatch(1);
            CountDownLatch commitBatch = new CountDownLatch(1);
            Future<Boolean> batch = pool.submit(() -> fanOutHeld(first, event, position, fannedOut, commitBatch));
            fannedOut.await();
            String etag = ADMIN.request().get(first.path()).then().extract().header("ETag");
            Future<Integer> deletion = pool.submit(() -> ADMIN.request()
                    .header("If-Match", etag)
                    .delete(first.path())
                    .then()
                    .extract()
                    .statusCode());
            Thread.sleep(500); // the DELETE reaches the database and waits for the batch
            commitBatch.countDown();
            boolean batchSawFirst = batch.get();
            int firstStatus = deletion.get();

            // 2. The deletion first: it has locked the endpoint and not committed; then a batch begins.
            Endpoint second = endpoint(receiver.url(), List.of("company.*"));
            CountDownLatch deleting = new CountDownLatch(1);
            CountDownLatch commitDeletion = new CountDownLatch(1);
            Future<Object> held = pool.submit(() -> endpoints.delete(
                    UUID.fromString(second.partner()), UUID.fromString(second.id()), VersionCheck.none(), () -> {
                        deleting.countDown();
                        awaitOpen(commitDeletion);
                        return null;
                    }));
            deleting.await();
            CountDownLatch never = new CountDownLatch(0);
            Future<Boolean> laterBatch = pool.submit(() -> fanOutHeld(second, event, position, never, never));
            Thread.sleep(500); // the batch waits for the deletion
            commitDeletion.countDown();
            held.get();
            boolean laterBatchSawSecond = laterBatch.get();

            System.out.printf(
                    "webhook delete vs fan-out: batch first -> batch saw the endpoint %s, DELETE %d, %d deliveries left;"
                            + " delete first -> later batch saw it %s, %d deliveries left%n",
                    batchSawFirst,
                    firstStatus,
                    deliveriesOf(first.id()),
                    laterBatchSawSecond,
                    deliveriesOf(second.id()));
            assertThat(batchSawFirst).isTrue();
            assertThat(firstStatus).isEqualTo(204);
            assertThat(deliveriesOf(first.id())).isZero();
            ADMIN.request().get(first.path()).then().statusCode(404);
            assertThat(laterBatchSawSecond).isFalse();
            assertThat(deliveriesOf(second.id())).isZero();
            ADMIN.request().get(second.path()).then().statusCode(404);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One relay batch's steps for one event, limited to {@code endpoint}: reads the enabled endpoints, fans the event out
     * to this one if it is among them, signals {@code fannedOut} and commits when {@code commit} opens. Answers whether
     * the endpoint was among them.
     */
    private boolean fanOutHeld(
            Endpoint endpoint, UUID event, long position, CountDownLatch fannedOut, CountDownLatch commit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WebhookEndpoint> mine = deliveries.subscribedEndpoints().stream()
                    .filter(e -> e.id.toString().equals(endpoint.id()))
                    .toList();
            deliveries.fanOut(
                    mine,
                    List.of(new Deliveries.NewEvent(position, event, "company.updated", "company:" + event)),
                    Instant.now());
            fannedOut.countDown();
            awaitOpen(commit);
            return !mine.isEmpty();
        });
    }

    /** Re-enables a disabled endpoint, as its partner would after fixing the receiver. */
    /** Postpones every pending delivery by a day (earlier tests', to receivers long closed); answers how many. */
    private int postponeDueDeliveries() throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement("update webhook_delivery set next_attempt_at ="
                        + " next_attempt_at + interval '1 day' where status = 'pending'")) {
            return update.executeUpdate();
        }
    }

    /**
     * A batch (16) of deliveries to one receiver goes out at once: a receiver that takes 0.6 s to answer, within the
     * 1 s timeout, gets every one once and each succeeds at its first attempt. With Vert.x's default pool of 5
     * connections per address, the attempts beyond the fifth waited for a connection while their deadline ran: 5
     * were answered, 5 sent late and cut off (the receiver got them again later), 6 timed out unsent.
     */
    @Test
    void aWholeBatchToOneReceiverIsSentAtOnce() throws Exception {
        try (Receiver receiver = new Receiver(n -> -600)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("company.*"));
            setEnabled(endpoint, false);
            // Every other pending delivery postponed, and these held while the endpoint is disabled: once it is
            // enabled, one round claims the 16 together.
            int postponed = postponeDueDeliveries();
            List<UUID> events = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                events.addAll(append("company", UUID.randomUUID().toString(), "company.updated"));
            }
            enable(endpoint);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> attempts(endpoint).size() >= 16);
            Thread.sleep(1_500);
            List<Map<String, Object>> attempts = attempts(endpoint);
            long spreadMillis = receiver.received.getLast().atMillis()
                    - receiver.received.getFirst().atMillis();
            Map<Object, Long> outcomes = attempts.stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            a -> a.get("outcome"), TreeMap::new, java.util.stream.Collectors.counting()));
            System.out.printf(
                    "webhooks batch to one receiver (answers in 0.6 s, timeout 1 s; %d earlier deliveries"
                            + " postponed): %d events, %d requests received over %d ms,"
                            + " %d attempts by outcome %s%n",
                    postponed, events.size(), receiver.received.size(), spreadMillis, attempts.size(), outcomes);
            assertThat(receiver.received).hasSize(16);
            assertThat(receiver.received.stream().map(r -> r.header("webhook-id")))
                    .containsExactlyInAnyOrderElementsOf(
                            events.stream().map(UUID::toString).toList());
            assertThat(outcomes).isEqualTo(Map.of("succeeded", 16L));
        }
    }

    /**
     * A partner narrows an endpoint's event types while deliveries wait for it (held while it was disabled): what it
     * no longer subscribes to is not sent, and its delivery says why; what it still subscribes to goes out. Before,
     * every delivery queued under the old types was sent.
     */
    @Test
    void deliveriesQueuedBeforeTheEventTypesNarrowedAreNotSent() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204)) {
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            setEnabled(endpoint, false);
            UUID company = append("company", UUID.randomUUID().toString(), "company.updated")
                    .getFirst();
            UUID deal =
                    append("deal", UUID.randomUUID().toString(), "deal.created").getFirst();
            String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
            ADMIN.request()
                    .contentType("application/merge-patch+json")
                    .header("If-Match", etag)
                    .body("{\"eventTypes\": [\"deal.*\"], \"enabled\": true}")
                    .patch(endpoint.path())
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ADMIN.request()
                            .get(endpoint.path() + "/deliveries?status=pending")
                            .jsonPath()
                            .getList("items")
                            .isEmpty());
            List<Map<String, Object>> dead = ADMIN.request()
                    .get(endpoint.path() + "/deliveries?status=dead")
                    .jsonPath()
                    .getList("items");
            System.out.printf(
                    "webhooks after narrowing to deal.*: %d sent (%s), dead %s%n",
                    receiver.received.size(),
                    receiver.received.stream().map(r -> r.header("webhook-id")).toList(),
                    dead.stream()
                            .map(d -> d.get("eventId") + ": " + d.get("lastError"))
                            .toList());
            assertThat(receiver.received.stream().map(r -> r.header("webhook-id")))
                    .containsExactly(deal.toString());
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.get("eventId")).isEqualTo(company.toString());
                assertThat(d.get("lastError").toString())
                        .contains("no longer subscribes")
                        .contains("company.updated");
            });
            assertThat(attempts(endpoint)).hasSize(1);
        }
    }

    /**
     * The URL of an endpoint is resolved (the SSRF check) when it is set or the endpoint enabled, not on every change:
     * a partner whose receiver's name no longer resolves can still disable the endpoint and change its event types
     * (before, each PATCH was a 400 on the unchanged URL, and only DELETE, which drops the held deliveries, stopped
     * them); enabling it again checks the URL. The name is made unresolvable in the database (.invalid never
     * resolves, RFC 6761), as a lapsed domain would be.
     */
    @Test
    void anEndpointWhoseHostStoppedResolvingCanStillBeDisabledAndEdited() throws Exception {
        Endpoint endpoint = endpoint("http://127.0.0.1:9/hook", List.of("*"));
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement("update webhook_endpoint set url = ? where id = ?")) {
            update.setString(1, "http://receiver.dealradar-test.invalid/hook");
            update.setObject(2, UUID.fromString(endpoint.id()));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        String merge = "application/merge-patch+json";
        Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
        for (String change : List.of("{\"enabled\": false}", "{\"eventTypes\": [\"deal.*\"]}", "{\"enabled\": true}")) {
            String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
            statuses.put(
                    change,
                    ADMIN.request()
                            .contentType(merge)
                            .header("If-Match", etag)
                            .body(change)
                            .patch(endpoint.path())
                            .statusCode());
        }
        System.out.println("webhooks, a host that no longer resolves, PATCH statuses: " + statuses);
        assertThat(statuses.values()).containsExactly(200, 200, 400);
        JsonPath read = ADMIN.request().get(endpoint.path()).then().extract().jsonPath();
        assertThat(read.getBoolean("enabled")).isFalse();
        assertThat(read.getList("eventTypes", String.class)).containsExactly("deal.*");
    }

    private static void enable(Endpoint endpoint) {
        setEnabled(endpoint, true);
    }

    /** Enables or disables the endpoint with the ETag it has now, as its partner or an admin does. */
    private static void setEnabled(Endpoint endpoint, boolean enabled) {
        String etag = ADMIN.request().get(endpoint.path()).then().extract().header("ETag");
        ADMIN.request()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"enabled\":" + enabled + "}")
                .patch(endpoint.path())
                .then()
                .statusCode(200);
    }

    private static void awaitOpen(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long position(UUID event) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select position from event_log where event_id = ?")) {
            q.setObject(1, event);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The backlog an operator watches: deliveries waiting for enabled endpoints and the oldest one's age, in the
     * gateway's metrics. Held deliveries of a disabled endpoint wait for someone to enable it, not for the dispatcher:
     * not counted.
     */
    @Test
    void theBacklogOfDeliveriesAndTheOldestOnesAgeAreReported() throws Exception {
        CountDownLatch receiverAnswers = new CountDownLatch(1);
        try (Receiver receiver = new Receiver(n -> {
            awaitOpen(receiverAnswers);
            return 200;
        })) {
            // Only this test's endpoint is enabled (the other tests' endpoints keep what they were left with).
            try (Connection c = database.getConnection()) {
                c.createStatement().executeUpdate("update webhook_endpoint set enabled = false");
            }
            double[] empty = backlog();
            Endpoint endpoint = endpoint(receiver.url(), List.of("*"));
            for (int i = 0; i < 3; i++) {
                append("deal", UUID.randomUUID().toString(), "deal.created");
            }
            double[] queued = backlog();
            // The receiver holds every attempt past the 1 s timeout: the deliveries stay pending, retried.
            Thread.sleep(1_200);
            double[] waiting = backlog();
            try (Connection c = database.getConnection()) {
                c.createStatement().executeUpdate("update webhook_endpoint set enabled = false");
            }
            double[] held = backlog();
            try (Connection c = database.getConnection();
                    PreparedStatement enable =
                            c.prepareStatement("update webhook_endpoint set enabled = true where id = ?")) {
                enable.setObject(1, UUID.fromString(endpoint.id()));
                enable.executeUpdate();
            }
            double[] enabledAgain = backlog();
            receiverAnswers.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> backlog()[0] == 0);
            double[] delivered = backlog();
            System.out.printf(
                    "webhook backlog (pending, oldest s): none enabled %s; 3 events queued %s; after 1.2 s of failing"
                            + " attempts %s; endpoint disabled %s; enabled again %s; delivered %s; %d requests received%n",
                    Arrays.toString(empty),
                    Arrays.toString(queued),
                    Arrays.toString(waiting),
                    Arrays.toString(held),
                    Arrays.toString(enabledAgain),
                    Arrays.toString(delivered),
                    receiver.received.size());
            assertThat(empty).containsExactly(0, 0);
            assertThat(queued[0]).isEqualTo(3);
            assertThat(waiting[0]).isEqualTo(3);
            assertThat(waiting[1]).isGreaterThanOrEqualTo(1.2);
            assertThat(held).containsExactly(0, 0);
            assertThat(enabledAgain[0]).isEqualTo(3);
            assertThat(enabledAgain[1]).isGreaterThanOrEqualTo(waiting[1]);
            assertThat(delivered).containsExactly(0, 0);
            assertThat(receiver.received.stream()
                            .filter(r -> r.answered() == 200)
                            .count())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    /** Counts the backlog now and reads {pending, oldest seconds} from the gateway's metrics. */
    private double[] backlog() {
        dispatcher.countBacklog();
        String text = io.restassured.RestAssured.given()
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new double[] {
            gauge(text, "dealradar_gateway_webhook_deliveries_pending"),
            gauge(text, "dealradar_gateway_webhook_oldest_pending_seconds")
        };
    }

    private static double gauge(String text, String name) {
        Matcher line =
                Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(text);
        assertThat(line.find()).as("%s in the metrics", name).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private long deliveriesOf(String endpoint) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select count(*) from webhook_delivery where endpoint_id = ?")) {
            q.setObject(1, UUID.fromString(endpoint));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Map<String, Object>> attempts(Endpoint endpoint) {
        return ADMIN.request()
                .get(endpoint.path() + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }
}
