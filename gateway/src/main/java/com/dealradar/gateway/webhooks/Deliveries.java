package com.dealradar.gateway.webhooks;

import com.dealradar.gateway.events.EventLog;
import com.dealradar.gateway.events.Sql;
import com.dealradar.gateway.partner.ApiKeyAuditEntry;
import com.dealradar.gateway.partner.AuditRepository;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.NewestFirst;
import com.dealradar.platform.persistence.JdbcBatches;
import com.dealradar.platform.persistence.NativeValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The webhook delivery queue in the gateway's database: one row per (endpoint, event), claimed by replicas with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so that several replicas deliver each event once between them and a
 * replica that dies mid-delivery only delays it by the lease. Ordered per resource: a delivery is not claimed while an
 * earlier event of the same resource for the same endpoint is still pending (claimed or waiting for a retry).
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String DEAD = "dead";
    /** An attempt's outcome when the receiver did not answer 2xx (a pending delivery is tried again). */
    public static final String FAILED = "failed";

    private final EntityManager em;
    private final WebhookConfig config;
    private final AuditRepository audit;
    private final InstantSource clock;
    private final boolean postgres;

    Deliveries(
            EntityManager em,
            WebhookConfig config,
            AuditRepository audit,
            InstantSource clock,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        // H2 (the local run, one replica) has no SKIP LOCKED; it waits for the lock instead, which is correct too.
        this.postgres = dbKind.startsWith("postgres");
    }

    /**
     * Every endpoint, enabled or not, read once per batch of new events ({@code EventLog#append}): a disabled endpoint
     * gets its deliveries too, held (not claimed) until it is enabled again, so that re-enabling it delivers every
     * event since, not only those queued before it was disabled. Read per event,
     * this query was 72 of the event relay's 245 samples in a JFR profile of the gateway during bench/run.sh's writes.
     *
     * <p>Read with a lock that keeps each endpoint from being deleted until the batch's deliveries are committed (on
     * PostgreSQL {@code FOR KEY SHARE}, which lets changes to an endpoint's other columns through; H2, the one-replica
     * local run, only has {@code FOR UPDATE}). {@link WebhookEndpoints#delete} locks the endpoint before it deletes its
     * deliveries, so either the deletion waits for this batch and deletes its deliveries too, or this batch waits for
     * the deletion and no longer sees the endpoint. Without the lock, a delivery inserted between the two made the
     * partner's DELETE fail with 409 (and a batch racing the other way fail on the foreign key).
     */
    public List<WebhookEndpoint> subscribedEndpoints() {
        @SuppressWarnings("unchecked")
        List<WebhookEndpoint> endpoints = em.createNativeQuery(
                        "select * from webhook_endpoint order by id" + (postgres ? " for key share" : " for update"),
                        WebhookEndpoint.class)
                .getResultList();
        return endpoints;
    }

    /** An event just given its position in the log, to be delivered to the endpoints that want it. */
    public record NewEvent(long position, UUID eventId, String type, String resourceKey) {}

    /**
     * Creates the deliveries of new events for every endpoint of {@link #subscribedEndpoints} that wants them; runs in
     * the events' transaction, which holds the log's append lock, so all of them go to the database in one batch (a
     * statement per delivery made every relayed event wait for one round trip per endpoint).
     */
    public void fanOut(List<WebhookEndpoint> endpoints, List<NewEvent> events, Instant now) {
        List<NewDelivery> rows = new ArrayList<>();
        for (NewEvent event : events) {
            for (WebhookEndpoint endpoint : endpoints) {
                if (endpoint.wants(event.type())) {
                    rows.add(new NewDelivery(endpoint.id, event));
                }
            }
        }
        var created = JdbcBatches.timestamp(now);
        JdbcBatches.run(
                em,
                "insert into webhook_delivery (id, endpoint_id, event_position, event_id, resource_key, status, attempts,"
                        + " next_attempt_at, created_at) values (?,?,?,?,?,?,0,?,?)",
                rows,
                (statement, row) -> {
                    NewEvent event = row.event();
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, row.endpointId());
                    statement.setLong(3, event.position());
                    statement.setObject(4, event.eventId());
                    statement.setString(5, event.resourceKey());
                    statement.setString(6, PENDING);
                    statement.setObject(7, created);
                    statement.setObject(8, created);
                });
    }

    private record NewDelivery(UUID endpointId, NewEvent event) {}

    /** A delivery this replica has claimed. */
    public record Claimed(UUID id, UUID endpointId, long position, UUID eventId, int attempts) {}

    /** Claims up to {@code limit} due deliveries for {@code replica}, oldest event first, in its own short transaction. */
    public List<Claimed> claim(String replica, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery(
                            "select d.id, d.endpoint_id, d.event_position, d.event_id, d.attempts from webhook_delivery d"
                                    + " where d.status = 'pending' and d.next_attempt_at <= :now and (d.lease_until is null or d.lease_until < :now)"
                                    + " and exists (select 1 from webhook_endpoint w where w.id = d.endpoint_id and "
                                    + DELIVERABLE + ")"
                                    + " and not exists (select 1 from webhook_delivery e where e.endpoint_id = d.endpoint_id"
                                    + " and e.resource_key = d.resource_key and e.status = 'pending' and e.event_position < d.event_position)"
                                    + " order by d.event_position limit " + limit + " for update"
                                    + (postgres ? " skip locked" : ""),
                            Tuple.class)
                    .setParameter("now", now)
                    .getResultList();
            List<Claimed> claimed = rows.stream()
                    .map(r -> new Claimed(
                            NativeValues.uuid(r.get(0)),
                            NativeValues.uuid(r.get(1)),
                            ((Number) r.get(2)).longValue(),
                            NativeValues.uuid(r.get(3)),
                            ((Number) r.get(4)).intValue()))
                    .toList();
            if (!claimed.isEmpty()) {
                em.createNativeQuery(
                                "update webhook_delivery set lease_until = :lease, leased_by = :replica where id in (:ids)")
                        .setParameter("lease", now.plus(config.lease()))
                        .setParameter("replica", replica)
                        .setParameter("ids", claimed.stream().map(Claimed::id).toList())
                        .executeUpdate();
            }
            return claimed;
        });
    }

    /** What one attempt came to. */
    public record Outcome(Integer responseCode, long latencyMs, String error) {

        boolean delivered() {
            return responseCode != null && responseCode >= 200 && responseCode < 300;
        }

        boolean gone() {
            return responseCode != null && responseCode == 410;
        }
    }

    /**
     * Records an attempt and moves the delivery on: succeeded, retry later, or dead; disables the endpoint when it must.
     * The endpoint's row is locked first, as every write of an endpoint locks it (and its deletion, which then removes
     * the deliveries: the same order, so the two never wait on each other): what is written back is the endpoint as
     * committed, never a copy read before a concurrent secret rotation or edit. The delivery moves on only while this
     * replica still holds its lease: one whose lease ran out (a stalled replica) was taken over by another, whose
     * outcome counts; the late attempt is kept in the log all the same.
     */
    public void record(Claimed delivery, String replica, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookEndpoint endpoint =
                    em.find(WebhookEndpoint.class, delivery.endpointId(), LockModeType.PESSIMISTIC_WRITE);
            if (endpoint == null) {
                return; // deleted meanwhile, with its deliveries and attempts
            }
            Instant now = clock.instant();
            int attempt = delivery.attempts() + 1;
            String result =
                    outcome.delivered() ? SUCCEEDED : outcome.gone() || attempt >= config.maxAttempts() ? DEAD : FAILED;
            var attemptRow = em.createNativeQuery(
                            "insert into webhook_attempt (id, delivery_id, endpoint_id, event_id, attempt, attempted_at,"
                                    + " latency_ms, response_code, outcome, error, replica) values (?,?,?,?,?,?,?,?,?,?,?)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, delivery.id())
                    .setParameter(3, delivery.endpointId())
                    .setParameter(4, delivery.eventId())
                    .setParameter(5, attempt)
                    .setParameter(6, now)
                    .setParameter(7, outcome.latencyMs())
                    .setParameter(9, outcome.delivered() ? SUCCEEDED : FAILED)
                    .setParameter(11, replica);
            Sql.integer(attemptRow, 8, outcome.responseCode());
            Sql.text(attemptRow, 10, truncate(outcome.error()));
            attemptRow.executeUpdate();
            String status = result.equals(FAILED) ? PENDING : result;
            Instant next = result.equals(FAILED) ? now.plus(backoff(attempt)) : now;
            var update = em.createNativeQuery(
                            "update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, lease_until = null,"
                                    + " leased_by = null, last_response_code = ?, last_error = ?, completed_at = ? where id = ?"
                                    + " and leased_by = ? and status = 'pending'")
                    .setParameter(1, status)
                    .setParameter(2, attempt)
                    .setParameter(3, next)
                    .setParameter(7, delivery.id())
                    .setParameter(8, replica);
            Sql.integer(update, 4, outcome.responseCode());
            Sql.text(update, 5, truncate(outcome.error()));
            Sql.instant(update, 6, status.equals(PENDING) ? null : now);
            if (update.executeUpdate() == 0) {
                LOG.infof(
                        "webhook delivery %s: attempt %d recorded, but its lease had passed to another replica",
                        delivery.id(), attempt);
                return;
            }
            if (outcome.delivered()) {
                endpoint.deadLetterStreak = 0;
            } else if (outcome.gone()) {
                disable(endpoint, "the receiver answered 410 Gone", now);
            } else if (result.equals(DEAD)) {
                endpoint.deadLetterStreak++;
                if (endpoint.deadLetterStreak >= config.disableAfterDeadLetters()) {
                    disable(endpoint, endpoint.deadLetterStreak + " deliveries in a row failed every attempt", now);
                }
            }
        });
    }

    /** What a purge of the delivery log did: held deliveries it ended, rows it deleted, in how many transactions. */
    public record Purged(int expired, int deleted, int batches, int largestBatch) {}

    /**
     * Clears what the delivery log holds of events past the feed's retention ({@code cutoff}), at most {@code batch} rows
     * per transaction (as the feed's own purge: a shortened retention, or a purge that could not run for a while, is then
     * many short steps, not one transaction over millions of rows):
     *
     * <ol>
     *   <li>deliveries held ({@link #DELIVERABLE}: a disabled endpoint, a partner without a key in force) whose events
     *       were recorded before it end as dead letters ("the event left the feed while ..."): they could never be
     *       delivered, and held rows otherwise piled up for as long as they were held, each read by every replica's
     *       claim query; as dead letters the partner sees which events it missed, and they are deleted a retention later;
     *   <li>attempts made before the cutoff;
     *   <li>deliveries completed (delivered, or dead and not replayed) before it: their events are gone from the feed.
     * </ol>
     *
     * Each statement names its conditions outside its sub-select too: PostgreSQL re-checks only those on a row changed
     * while the statement waited for it, so a dead letter replayed meanwhile (pending again) is not deleted.
     */
    public Purged purge(Instant cutoff, int batch) {
        Instant now = clock.instant();
        EventLog.Purged expired = inBatches(
                batch,
                () -> em.createNativeQuery(
                                "update webhook_delivery set status = 'dead', last_error = :reason, completed_at = :now,"
                                        + " next_attempt_at = :now where id in (select d.id from webhook_delivery d join"
                                        + " webhook_endpoint w on w.id = d.endpoint_id where not (" + DELIVERABLE + ")"
                                        + " and d.status = 'pending' and d.created_at < :cutoff limit :batch)"
                                        + " and status = 'pending' and created_at < :cutoff")
                        .setParameter("reason", EXPIRED_WHILE_HELD)
                        .setParameter("now", now)
                        .setParameter("cutoff", cutoff)
                        .setParameter("batch", batch));
        EventLog.Purged attempts = inBatches(
                batch,
                () -> em.createNativeQuery(
                                "delete from webhook_attempt where id in (select id from webhook_attempt where"
                                        + " attempted_at < ? limit ?) and attempted_at < ?")
                        .setParameter(1, cutoff)
                        .setParameter(2, batch)
                        .setParameter(3, cutoff));
        EventLog.Purged completed = inBatches(
                batch,
                () -> em.createNativeQuery(
                                "delete from webhook_delivery where id in (select id from webhook_delivery where"
                                        + " completed_at < ? and status <> 'pending' limit ?) and completed_at < ? and status <>"
                                        + " 'pending'")
                        .setParameter(1, cutoff)
                        .setParameter(2, batch)
                        .setParameter(3, cutoff));
        EventLog.Purged deleted = attempts.and(completed);
        EventLog.Purged all = expired.and(deleted);
        return new Purged(expired.deleted(), deleted.deleted(), all.batches(), all.largestBatch());
    }

    /** Why a held delivery ended without an attempt. */
    static final String EXPIRED_WHILE_HELD = "the event left the feed (past its retention) while the endpoint was"
            + " disabled or its partner held no API key in force; it was never delivered";

    /** Why a delivery ended without an attempt when its endpoint stopped subscribing to its type; the type follows. */
    static final String UNSUBSCRIBED = "not sent: the endpoint no longer subscribes to the event's type, ";

    /**
     * Whether endpoint {@code w}'s deliveries may go out at {@code :now}: it is enabled and its partner holds an API key
     * in force. A partner whose keys are all revoked or expired can read nothing, so nothing is sent to it either (as
     * its calendar subscriptions stop answering); its deliveries are held as a disabled endpoint's are, and go out once
     * it holds a key again.
     */
    static final String DELIVERABLE = "w.enabled = true and exists (select 1 from api_key k where k.partner_id ="
            + " w.partner_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > :now))";

    /** Runs {@code statement} (at most {@code batch} rows) in transactions of its own until it changes fewer. */
    private EventLog.Purged inBatches(int batch, Supplier<Query> statement) {
        EventLog.Purged done = EventLog.Purged.NONE;
        int rows;
        do {
            rows = QuarkusTransaction.requiringNew().call(() -> statement.get().executeUpdate());
            done = done.step(rows);
        } while (rows == batch);
        return done;
    }

    /** Deliveries waiting to go out (due, backing off or in flight), and the oldest one's creation. */
    public record Backlog(long pending, Instant oldest) {}

    /**
     * What is waiting to be delivered. Deliveries held ({@link #DELIVERABLE}) are not counted: they wait for an admin
     * or partner to enable the endpoint or issue a key, not for the dispatcher. Reads the pending rows through {@code webhook_delivery_due}.
     */
    public Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tuple row = (Tuple) em.createNativeQuery(
                            "select count(*), min(d.created_at) from webhook_delivery d join webhook_endpoint w on"
                                    + " w.id = d.endpoint_id where d.status = 'pending' and " + DELIVERABLE,
                            Tuple.class)
                    .setParameter("now", clock.instant())
                    .getSingleResult();
            return new Backlog(((Number) row.get(0)).longValue(), NativeValues.instant(row.get(1)));
        });
    }

    /**
     * Marks a delivery dead without an attempt (its event is past the feed's retention, or of a type its endpoint no
     * longer subscribes to). Its next attempt's time
     * becomes the time it ended, as an attempt that ends a delivery sets it.
     */
    public void abandon(Claimed delivery, String reason) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update webhook_delivery set status = 'dead', lease_until = null,"
                                        + " leased_by = null, last_error = ?, completed_at = ?, next_attempt_at = ? where id = ?")
                        .setParameter(1, reason)
                        .setParameter(2, now)
                        .setParameter(3, now)
                        .setParameter(4, delivery.id())
                        .executeUpdate());
    }

    /** Exponential backoff with jitter: the n-th retry waits between half and all of initial x 2^(n-1), capped. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        if (!endpoint.enabled) {
            return;
        }
        endpoint.enabled = false;
        endpoint.disabledReason = reason;
        endpoint.updatedAt = now;
        endpoint.version++;
        ApiKeyAuditEntry entry = new ApiKeyAuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = now;
        entry.actor = "system:webhook-delivery";
        entry.action = ApiKeyAuditEntry.WEBHOOK_DISABLED;
        entry.partnerId = endpoint.partnerId;
        entry.detail = "Webhook endpoint " + endpoint.id + " (" + truncate(endpoint.url) + ") disabled: " + reason;
        audit.persist(entry);
    }

    /** Puts a dead delivery back in the queue (attempts start again), in the caller's transaction; false when it is not dead. */
    public boolean replay(UUID endpointId, UUID deliveryId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> em.createNativeQuery(
                                        "update webhook_delivery set status = 'pending', attempts = 0,"
                                                + " next_attempt_at = ?, completed_at = null, lease_until = null, leased_by = null where id = ? and endpoint_id = ? and status = 'dead'")
                                .setParameter(1, clock.instant())
                                .setParameter(2, deliveryId)
                                .setParameter(3, endpointId)
                                .executeUpdate()
                        == 1);
    }

    /** Whether {@code deliveryId} is a delivery of {@code endpointId}, in any status. */
    public boolean exists(UUID endpointId, UUID deliveryId) {
        return !em.createNativeQuery("select 1 from webhook_delivery where id = ? and endpoint_id = ?")
                .setParameter(1, deliveryId)
                .setParameter(2, endpointId)
                .getResultList()
                .isEmpty();
    }

    /** One delivery as listed. */
    public record DeliveryView(
            @Schema(required = true) UUID id,

            @Schema(description = "Id of the event delivered (the webhook-id header)", required = true)
            UUID eventId,

            @Schema(
                    description = "Position of the event in the feed (its cursor there)",
                    examples = "1042",
                    required = true)
            String eventCursor,

            @Schema(
                    description =
                            "pending (waiting for a first or next attempt, held while the endpoint is disabled), succeeded "
                                    + "(the receiver answered 2xx) or dead (out of attempts, 410 Gone, or the event is past "
                                    + "the feed's retention)",
                    enumeration = {PENDING, SUCCEEDED, DEAD},
                    required = true)
            String status,

            @Schema(description = "Attempts made so far; a replay starts again from 0", required = true)
            int attempts,

            @Schema(
                    description =
                            "When a pending delivery's next attempt is due; for a succeeded or dead one, when it ended (as completedAt)",
                    required = true)
            Instant nextAttemptAt,

            @Schema(
                    description =
                            "HTTP status of the last attempt's answer; null before the first attempt or when the last one got no answer")
            Integer lastResponseCode,

            @Schema(
                    description =
                            "Why the last attempt got no answer (connection failure or timeout), or why the delivery was "
                                    + "given up without an attempt; null otherwise")
            String lastError,

            @Schema(required = true) Instant createdAt,

            @Schema(description = "When it succeeded or went dead; null while pending")
            Instant completedAt) {}

    @SuppressWarnings("unchecked")
    public List<DeliveryView> deliveries(UUID endpointId, String status, long afterPosition, int limit) {
        var query = em.createNativeQuery(
                        "select id, event_id, event_position, status, attempts, next_attempt_at, last_response_code,"
                                + " last_error, created_at, completed_at from webhook_delivery where endpoint_id = :e and event_position > :after"
                                + (status == null ? "" : " and status = :status") + " order by event_position limit "
                                + limit,
                        Tuple.class)
                .setParameter("e", endpointId)
                .setParameter("after", afterPosition);
        if (status != null) {
            query.setParameter("status", status);
        }
        List<Tuple> rows = query.getResultList();
        return rows.stream()
                .map(r -> new DeliveryView(
                        NativeValues.uuid(r.get(0)),
                        NativeValues.uuid(r.get(1)),
                        String.valueOf(((Number) r.get(2)).longValue()),
                        (String) r.get(3),
                        ((Number) r.get(4)).intValue(),
                        NativeValues.instant(r.get(5)),
                        r.get(6) == null ? null : ((Number) r.get(6)).intValue(),
                        (String) r.get(7),
                        NativeValues.instant(r.get(8)),
                        NativeValues.instant(r.get(9))))
                .toList();
    }

    /** One attempt as listed. */
    public record AttemptView(
            @Schema(required = true) UUID id,

            @Schema(description = "Id of the delivery this attempt belongs to", required = true)
            UUID deliveryId,

            @Schema(description = "Id of the event delivered (the webhook-id header)", required = true)
            UUID eventId,

            @Schema(
                    description = "Number of the attempt within its delivery, from 1 (again from 1 after a replay)",
                    required = true)
            int attempt,

            @Schema(description = "When the attempt ended (UTC)", required = true)
            Instant attemptedAt,

            @Schema(
                    description = "How long the attempt took, until the answer or the failure, in milliseconds",
                    required = true)
            long latencyMs,

            @Schema(description = "HTTP status the receiver answered; null when no answer came")
            Integer responseCode,

            @Schema(
                    description = "succeeded (a 2xx answer) or failed",
                    enumeration = {SUCCEEDED, FAILED},
                    required = true)
            String outcome,

            @Schema(
                    description =
                            "Why no answer came (connection failure or timeout: the exception and its message); null when "
                                    + "the receiver answered")
            String error) {}

    /** The sort of the attempts' pages: newest first (then by id). */
    static final String ATTEMPT_SORT = "-attemptedAt";

    /** The sort of the deliveries' pages: in event order. */
    static final String DELIVERY_SORT = "eventCursor";

    static List<String> attemptKeys(AttemptView attempt) {
        return List.of(attempt.attemptedAt().toString(), attempt.id().toString());
    }

    static List<String> deliveryKeys(DeliveryView delivery) {
        return List.of(delivery.eventCursor());
    }

    private static final NewestFirst ATTEMPTS_NEWEST_FIRST = new NewestFirst("attempted_at", "id");

    /** The endpoint's attempts, newest first, after the cursor's (attemptedAt, id), at most {@code limit}. */
    public List<AttemptView> attempts(UUID endpointId, Cursor after, int limit) {
        var query = em.createNativeQuery(
                        "select id, delivery_id, event_id, attempt, attempted_at, latency_ms, response_code, outcome, error"
                                + " from webhook_attempt where endpoint_id = :e"
                                + (after == null ? "" : " and " + ATTEMPTS_NEWEST_FIRST.after())
                                + ATTEMPTS_NEWEST_FIRST.orderBy() + " limit " + limit,
                        Tuple.class)
                .setParameter("e", endpointId);
        NewestFirst.bind(query, after);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream()
                .map(r -> new AttemptView(
                        NativeValues.uuid(r.get(0)),
                        NativeValues.uuid(r.get(1)),
                        NativeValues.uuid(r.get(2)),
                        ((Number) r.get(3)).intValue(),
                        NativeValues.instant(r.get(4)),
                        ((Number) r.get(5)).longValue(),
                        r.get(6) == null ? null : ((Number) r.get(6)).intValue(),
                        (String) r.get(7),
                        (String) r.get(8)))
                .toList();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
