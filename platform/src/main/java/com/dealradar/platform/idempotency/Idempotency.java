package com.dealradar.platform.idempotency;

import com.dealradar.platform.audit.WriteAudit;
import com.dealradar.platform.audit.WriteRecords;
import com.dealradar.platform.client.CallerTimeout;
import com.dealradar.platform.json.CanonicalJson;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.security.Actor;
import com.dealradar.platform.time.Clocks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Idempotency-Key handling for POST. The key is claimed in its own committed transaction, so that a
 * concurrent retry sees it in flight (409). The operation and the stored answer then commit together:
 * either both are kept or neither, so a retry never replays an answer for work that was rolled back.
 * Same key and same body replays the first answer; same key with a different body is 422. Keys are
 * remembered for {@link IdempotencyConfig#retention()}. A key belongs to its caller (a user, or a partner with all
 * of its keys): another caller sending the same value gets an independent answer. The write's actor is recorded
 * in the write's transaction, and so is its event ({@link WriteRecords}).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** A claim older than this belongs to a request whose process died; a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    /**
     * A request with a caller's deadline ({@link CallerTimeout}) commits before it or not at all ({@code WriteRecords}
     * refuses later); its claim can be taken over this long after the deadline (the commit itself, clocks of two
     * replicas a little apart).
     */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(5);

    private final EntityManager em;
    private final ObjectMapper mapper;
    /** The fingerprint of a request: its canonical JSON's digest (the same retry gives the same on every replica). */
    private final CanonicalJson fingerprint;

    private final IdempotencyConfig config;
    private final WriteAudit audit;
    private final WriteRecords records;
    private final InstantSource clock;
    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    /** After a failed purge of old keys, how long until a request tries again. */
    private static final Duration PURGE_RETRY = Duration.ofMinutes(1);

    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.EPOCH);

    Idempotency(
            EntityManager em,
            ObjectMapper mapper,
            IdempotencyConfig config,
            WriteAudit audit,
            WriteRecords records,
            InstantSource clock) {
        this.records = records;
        this.clock = clock;
        this.em = em;
        this.mapper = mapper;
        this.fingerprint = new CanonicalJson(mapper);
        this.config = config;
        this.audit = audit;
    }

    /**
     * Runs {@code operation} at most once per key. The operation is a call to a domain service, which owns the
     * write's transaction (and runs any call to another service before opening it); it gets the answer's last
     * step, {@code complete}, and must pass its response through it <em>inside</em> that transaction (in the
     * answer callback the service calls). {@code complete} records the write's actor and, with a key, the stored
     * answer in the caller's transaction, so the operation and its answer commit together; it opens none itself.
     * Only the claim of the key (and its release after a failure) run in transactions of their own: a concurrent
     * retry must see the claim while the operation runs. A replayed request does not run the operation.
     */
    public Response execute(
            String key, String scope, Object request, Function<UnaryOperator<Response>, Response> operation) {
        if (key == null) {
            return operation.apply(this::recordWrite);
        }
        if (key.isBlank() || key.length() > 255) {
            throw new ProblemException(
                    ProblemType.BAD_PARAMETER,
                    "Idempotency-Key must be 1 to 255 characters",
                    List.of(new FieldViolation(HEADER, "must be 1 to 255 characters")),
                    Map.of());
        }
        purgeExpiredIfDue();
        // Keys are the caller's own: another caller's key of the same value is another key (no replay, no 422).
        Actor actor = audit.currentActor();
        String scopedKey = (actor == null ? "anonymous" : actor.owner()) + " " + scope + " " + key;
        if (scopedKey.length() > 600) {
            throw new ProblemException(
                    ProblemType.BAD_PARAMETER,
                    "Idempotency-Key is too long",
                    List.of(new FieldViolation(HEADER, "too long")),
                    Map.of());
        }
        String hash = fingerprint.sha256Hex(request);
        Claim claim = claim(scopedKey, hash);
        if (claim.earlier() != null) {
            return replay(claim.earlier(), hash);
        }
        try {
            boolean[] completed = {false};
            Response answer = operation.apply(response -> {
                recordWrite(response);
                IdempotencyRecord record = em.find(IdempotencyRecord.class, scopedKey);
                record.completed = true;
                record.status = response.getStatus();
                record.location = response.getLocation() == null
                        ? null
                        : response.getLocation().toString();
                EntityTag tag = response.getEntityTag();
                record.etag = tag == null ? null : tag.toString();
                record.body = response.getEntity() == null ? null : json(response.getEntity());
                completed[0] = true;
                return response;
            });
            if (!completed[0]) {
                throw new IllegalStateException("the operation of " + scope + " did not complete its answer");
            }
            return answer;
        } catch (RuntimeException e) {
            try {
                // Only this request's own claim: a request that ran past its deadline may have had its claim taken
                // over by a retry (takeOver moves createdAt), and deleting that retry's claim would let a third
                // request run the same write while the retry still runs.
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createQuery("delete from IdempotencyRecord r where r.scopedKey = :key"
                                        + " and r.completed = false and r.createdAt = :claimedAt")
                                .setParameter("key", scopedKey)
                                .setParameter("claimedAt", claim.claimedAt())
                                .executeUpdate());
            } catch (RuntimeException releaseFailed) {
                // The client is told why its request failed, not that the clean-up failed too (a 412 answered as a
                // 503 before). The claim stays until it expires (abandoned): a retry meanwhile is "in flight".
                e.addSuppressed(releaseFailed);
                LOG.warnf(
                        "An Idempotency-Key claim was not released after its request failed (%s); a retry with it is"
                                + " told it is in flight until the claim expires",
                        releaseFailed.toString());
            }
            throw e;
        }
    }

    private Response recordWrite(Response response) {
        return records.record(response);
    }

    private String json(Object entity) {
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer", e);
        }
    }

    /**
     * Deletes keys older than the retention, at most once per purge interval per process. Housekeeping that happens to
     * run in some client's request: if it fails, the request goes on (a failed purge answered that client's write with
     * an error) and the next request after a minute tries again.
     */
    void purgeExpiredIfDue() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(config.purgeInterval()))) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("delete from IdempotencyRecord r where r.createdAt < :cutoff")
                            .setParameter("cutoff", now.minus(config.retention()))
                            .executeUpdate());
        } catch (RuntimeException e) {
            nextPurge.set(now.plus(PURGE_RETRY));
            LOG.warnf("Purging expired Idempotency-Keys failed (%s); tried again after %s", e.toString(), PURGE_RETRY);
        }
    }

    /**
     * The outcome of claiming a key: the record of an earlier request ({@code earlier}), or this request's claim, made
     * (or taken over) at {@code claimedAt}, which only this request's claim has.
     */
    private record Claim(IdempotencyRecord earlier, Instant claimedAt) {
        static Claim of(IdempotencyRecord earlier) {
            return new Claim(earlier, null);
        }

        static Claim mine(Instant claimedAt) {
            return new Claim(null, claimedAt);
        }
    }

    /** Claims the key for this request, or answers the record of an earlier request. */
    private Claim claim(String scopedKey, String hash) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord existing = em.find(IdempotencyRecord.class, scopedKey);
                if (existing != null) {
                    em.detach(existing);
                    boolean abandoned = !existing.completed && abandoned(existing, clock.instant());
                    if (!abandoned) {
                        return Claim.of(existing); // completed (a replay, or 422 for another body), or in flight (409)
                    }
                    if (existing.requestHash.equals(hash)) {
                        Instant takenOverAt = takeOver(existing);
                        if (takenOverAt != null) {
                            return Claim.mine(takenOverAt);
                        }
                    }
                    // Another body (422), or taken over by another retry meanwhile (409): the record as it is now.
                    // Gone (that retry failed and released it): the key is free, and claimed below.
                    existing = em.find(IdempotencyRecord.class, scopedKey);
                    if (existing != null) {
                        return Claim.of(existing);
                    }
                }
                IdempotencyRecord record = new IdempotencyRecord();
                record.scopedKey = scopedKey;
                record.requestHash = hash;
                // As stored (microseconds): the release finds this request's claim by it.
                record.createdAt = Clocks.storedNow(clock);
                record.claimExpiresAt = claimExpiry(record.createdAt);
                em.persist(record);
                em.flush();
                return Claim.mine(record.createdAt);
            });
        } catch (PersistenceException e) {
            // Another request inserted the same key between our look-up and our insert. Gone again (it failed and
            // released its claim): the key is free, claim it as if nothing had happened.
            IdempotencyRecord other =
                    QuarkusTransaction.requiringNew().call(() -> em.find(IdempotencyRecord.class, scopedKey));
            return other != null ? Claim.of(other) : claim(scopedKey, hash);
        }
    }

    /**
     * Whether an unfinished claim's request can no longer commit: its caller's deadline and {@link #CLAIM_MARGIN} have
     * passed, or, for a request without a deadline, {@link #ABANDONED_AFTER}. A gateway's call has a deadline of a few
     * seconds, so a retry after a crash or a failed release of the claim (the database unreachable at that moment) is
     * carried out seconds later instead of being told "in flight" for two minutes.
     */
    private static boolean abandoned(IdempotencyRecord claim, Instant now) {
        return claim.claimExpiresAt != null
                ? now.isAfter(claim.claimExpiresAt)
                : claim.createdAt.isBefore(now.minus(ABANDONED_AFTER));
    }

    /** The claim expiry of the current request claimed at {@code now}; null without a caller's deadline. */
    private static Instant claimExpiry(Instant now) {
        OptionalLong left = CallerTimeout.remainingMillis();
        return left.isEmpty()
                ? null
                : now.plusMillis(Math.max(0, left.getAsLong())).plus(CLAIM_MARGIN);
    }

    /**
     * Takes over the claim of a request whose process died (the claim is older than any request can run), for this
     * retry of the same request. One retry only: the claim is moved to now where it still has the age it was read with,
     * so of two retries at once the second finds it moved and is answered "in flight". (Moving it on the entity read
     * without a lock let both take it over, and both ran the write.) Answers the claim's new time, null when another
     * retry took it first.
     */
    private Instant takeOver(IdempotencyRecord abandoned) {
        Instant now = Clocks.storedNow(clock);
        boolean taken = em.createQuery("update IdempotencyRecord r set r.createdAt = :now, r.claimExpiresAt = :expires"
                                + " where r.scopedKey = :key and r.completed = false and r.createdAt = :seen")
                        .setParameter("now", now)
                        .setParameter("expires", claimExpiry(now))
                        .setParameter("key", abandoned.scopedKey)
                        .setParameter("seen", abandoned.createdAt)
                        .executeUpdate()
                == 1;
        return taken ? now : null;
    }

    private Response replay(IdempotencyRecord earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used with a different request body; use a new key for a new request",
                    List.of(new FieldViolation(HEADER, "already used with a different body")),
                    Map.of());
        }
        if (!earlier.completed) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_IN_FLIGHT,
                    "The first request with this Idempotency-Key has not finished yet; retry in a moment",
                    List.of(),
                    Map.of("Retry-After", "1"));
        }
        Response.ResponseBuilder response = Response.status(earlier.status).header(REPLAYED_HEADER, "true");
        if (earlier.location != null) {
            response.header(HttpHeaders.LOCATION, earlier.location);
        }
        if (earlier.etag != null) {
            response.header(HttpHeaders.ETAG, earlier.etag);
        }
        if (earlier.body != null) {
            response.entity(earlier.body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }
}
