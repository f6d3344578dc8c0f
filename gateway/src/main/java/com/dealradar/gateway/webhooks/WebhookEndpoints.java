package com.dealradar.gateway.webhooks;

import com.dealradar.gateway.events.EventTypes;
import com.dealradar.gateway.partner.Partner;
import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.persistence.NativeValues;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.time.Clocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A partner's webhook endpoints: the rules (a public https URL, event type patterns, one secret shown once, rotation
 * with an overlap, re-enabling) and the transaction of each change. Every public method is one unit of work; {@code answer}
 * callbacks run inside it, so that an answer (and the idempotency record a resource completes with it) commits with
 * the change or not at all.
 */
@ApplicationScoped
public class WebhookEndpoints {

    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);

    /** deal.created, deal.*, * */
    private static final Pattern TYPE = Pattern.compile("\\*|[a-z_]{1,40}\\.(\\*|[a-z_]{1,40})");

    private final EntityManager em;
    private final UrlGuard guard;
    private final Deliveries deliveries;
    private final InstantSource clock;
    private final SecretSealer sealer;
    private final WebhookConfig config;

    WebhookEndpoints(
            EntityManager em,
            UrlGuard guard,
            Deliveries deliveries,
            InstantSource clock,
            SecretSealer sealer,
            WebhookConfig config) {
        this.em = em;
        this.guard = guard;
        this.deliveries = deliveries;
        this.clock = clock;
        this.sealer = sealer;
        this.config = config;
    }

    void resealAtStart(@Observes StartupEvent start) {
        int resealed = resealSecrets();
        if (resealed > 0) {
            LOG.infof("Sealed the signing secrets of %d webhook endpoints with the current sealing key", resealed);
        }
    }

    /**
     * Seals every stored secret that is not sealed with the current key (stored before sealing existed, or under a key
     * that has since been rotated out of first place) and answers how many endpoints changed. Safe while other replicas
     * do the same or rotate secrets: a row is only rewritten if it still holds what was read.
     */
    @Transactional
    public int resealSecrets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, secret, previous_secret from webhook_endpoint"
                        + " where secret not like ?1 or previous_secret not like ?1")
                .setParameter(1, sealer.currentPrefix() + "%")
                .getResultList();
        int resealed = 0;
        for (Object[] row : rows) {
            String secret = (String) row[1];
            String previous = (String) row[2];
            resealed += em.createNativeQuery(
                            "update webhook_endpoint set secret = ?1, previous_secret = ?2 where id = ?3 and secret = ?4")
                    .setParameter(1, sealer.seal(sealer.open(secret)))
                    .setParameter(2, sealer.seal(sealer.open(previous)))
                    .setParameter(3, NativeValues.uuid(row[0]))
                    .setParameter(4, secret)
                    .executeUpdate();
        }
        return resealed;
    }

    /** The partner's endpoints, oldest first (404 when there is no such partner). */
    @Transactional
    public List<WebhookEndpoint> list(UUID partner) {
        requirePartner(partner);
        return em.createQuery(
                        "from WebhookEndpoint w where w.partnerId = :p order by w.createdAt, w.id",
                        WebhookEndpoint.class)
                .setParameter("p", partner)
                .getResultList();
    }

    /**
     * Checks what no annotation can (the URL's addresses, the event types) before anything is written; the URL's
     * addresses only when {@code resolveUrl}.
     */
    private void check(WebhookViews.Input input, boolean resolveUrl) {
        if (input.url() == null
                || input.eventTypes() == null
                || input.eventTypes().isEmpty()) {
            throw ProblemException.invalid(input.url() == null ? "url" : "eventTypes", "required");
        }
        if (resolveUrl) {
            guard.resolve(input.url());
        }
        for (String type : input.eventTypes()) {
            if (type == null || !TYPE.matcher(type).matches()) {
                throw ProblemException.invalid("eventTypes", "event types such as deal.created, deal.* or *");
            }
            EventTypes.requireSubscribable("eventTypes", type);
        }
    }

    /**
     * A new endpoint of {@code partner} with a fresh secret ({@code answer} sees it; it is never shown again). The URL's
     * host is resolved (SSRF check) before the transaction begins, so no connection is held across a DNS lookup.
     */
    public <R> R create(UUID partner, WebhookViews.Input input, Function<WebhookEndpoint, R> answer) {
        check(input, true);
        return QuarkusTransaction.joiningExisting().call(() -> {
            requireRoomFor(partner);
            Instant now = Clocks.storedNow(clock);
            WebhookEndpoint e = new WebhookEndpoint();
            e.id = UUID.randomUUID();
            e.partnerId = partner;
            apply(e, input);
            e.enabled = input.enabled() == null || input.enabled();
            e.secret = WebhookSigner.newSecret();
            e.createdAt = now;
            e.updatedAt = now;
            e.version = 0;
            em.persist(e);
            return answer.apply(e);
        });
    }

    @Transactional
    public WebhookEndpoint get(UUID partner, UUID id) {
        WebhookEndpoint e = endpoint(partner, id);
        em.detach(e);
        return e;
    }

    /**
     * Changes the endpoint to what {@code change} makes of its current input (a merge patch), after checking
     * {@code expected}. Enabling clears the reason it was disabled; the deliveries waiting resume. Like {@link #create},
     * the URL's host is resolved (SSRF check) between two transactions, the one that reads the endpoint and the one
     * that writes it, so no connection is held across a DNS lookup; should the endpoint have changed in between (the
     * writing transaction checks {@code expected} again), what is written is checked again. The URL is resolved only
     * when it changes or the endpoint is enabled: a partner whose receiver's name stopped resolving can still disable
     * the endpoint or change its event types (a 400 on the unchanged URL left only DELETE, which drops the deliveries
     * held for it).
     */
    public <R> R update(
            UUID partner,
            UUID id,
            VersionCheck expected,
            UnaryOperator<WebhookViews.Input> change,
            Function<WebhookEndpoint, R> answer) {
        record Read(WebhookViews.Input changed, boolean resolveUrl) {}
        Read read = QuarkusTransaction.joiningExisting().call(() -> {
            WebhookEndpoint e = endpoint(partner, id);
            expected.check(e.version);
            WebhookViews.Input changed =
                    change.apply(WebhookViews.View.of(e, clock.instant(), null).input());
            return new Read(changed, urlToResolve(e, changed));
        });
        WebhookViews.Input checked = read.changed();
        check(checked, read.resolveUrl());
        return QuarkusTransaction.joiningExisting().call(() -> {
            WebhookEndpoint e = lockedEndpoint(partner, id);
            expected.check(e.version);
            WebhookViews.Input input =
                    change.apply(WebhookViews.View.of(e, clock.instant(), null).input());
            if (!input.equals(checked)) {
                check(input, urlToResolve(e, input));
            }
            apply(e, input);
            if (input.enabled() != null && input.enabled() != e.enabled) {
                e.enabled = input.enabled();
                e.disabledReason = null;
                e.deadLetterStreak = 0;
            }
            e.updatedAt = Clocks.storedNow(clock);
            e.version++;
            return answer.apply(e);
        });
    }

    /** Whether {@code input} sends to a URL not checked yet: a new one, or the stored one of an endpoint it enables. */
    private static boolean urlToResolve(WebhookEndpoint e, WebhookViews.Input input) {
        return !Objects.equals(input.url(), e.url) || (!e.enabled && Boolean.TRUE.equals(input.enabled()));
    }

    /**
     * Removes the endpoint with its waiting deliveries and its attempt log. The endpoint's row is locked first: a batch
     * of events fanning out to it ({@link Deliveries#subscribedEndpoints}) finishes before its deliveries are deleted, and a
     * later batch waits for this deletion and skips the endpoint. The lock is a plain {@code FOR UPDATE}, written out:
     * it is the row lock that conflicts with the batch's {@code FOR KEY SHARE} (a weaker one, such as
     * {@code FOR NO KEY UPDATE}, would not wait for the batch).
     */
    @Transactional
    public <R> R delete(UUID partner, UUID id, VersionCheck expected, Supplier<R> answer) {
        em.createNativeQuery("select id from webhook_endpoint where id = ? for update")
                .setParameter(1, id)
                .getResultList();
        WebhookEndpoint e = endpoint(partner, id);
        expected.check(e.version);
        em.createNativeQuery("delete from webhook_attempt where endpoint_id = ?")
                .setParameter(1, id)
                .executeUpdate();
        em.createNativeQuery("delete from webhook_delivery where endpoint_id = ?")
                .setParameter(1, id)
                .executeUpdate();
        em.remove(e);
        return answer.get();
    }

    /**
     * A new signing secret; the previous one keeps signing for {@code requested} (null: the configured overlap;
     * {@code answer} sees the new one). While an earlier rotation's overlap runs, only a rotation without overlap (every
     * old secret stops now) is allowed.
     */
    @Transactional
    public <R> R rotate(
            UUID partner, UUID id, VersionCheck expected, Duration requested, Function<WebhookEndpoint, R> answer) {
        Duration max = config.maxSecretOverlap();
        Duration overlap = requested;
        if (overlap == null) {
            // Nothing checks at start that the configured default is within the maximum (nor does ApiKeyConfig for
            // keys): a default above it is clamped, so that a rotation naming no overlap is never refused.
            overlap = config.secretOverlap().compareTo(max) > 0 ? max : config.secretOverlap();
        }
        if (overlap.isNegative() || overlap.compareTo(max) > 0) {
            throw ProblemException.badParameter("overlap", "must be from PT0S to " + max);
        }
        WebhookEndpoint e = lockedEndpoint(partner, id);
        expected.check(e.version);
        Instant now = Clocks.storedNow(clock);
        if (!overlap.isZero() && e.signingSecrets(now).size() > 1) {
            // One previous secret is kept: rotating again now would drop the one a receiver may still verify with.
            throw ProblemException.conflict(
                    "overlap",
                    "the last rotation's overlap runs until " + e.previousSecretExpiresAt,
                    "The secret before the last rotation still signs until " + e.previousSecretExpiresAt
                            + ", for receivers that have not switched yet; a second rotation now would stop it at once."
                            + " Rotate again after that, or with overlap PT0S to replace every secret now (after a"
                            + " leak, say)");
        }
        e.previousSecret = e.secret;
        e.previousSecretExpiresAt = now.plus(overlap);
        e.secret = WebhookSigner.newSecret();
        e.updatedAt = now;
        e.version++;
        return answer.apply(e);
    }

    @Transactional
    public List<Deliveries.AttemptView> attempts(UUID partner, UUID id, Cursor after, int limit) {
        endpoint(partner, id);
        return deliveries.attempts(id, after, limit);
    }

    @Transactional
    public List<Deliveries.DeliveryView> deliveries(UUID partner, UUID id, String status, long after, int limit) {
        endpoint(partner, id);
        return deliveries.deliveries(id, status, after, limit);
    }

    /** Queues a dead delivery again and answers in the same transaction; 409 when it is not dead, 404 when no such. */
    @Transactional
    public <R> R replay(UUID partner, UUID id, UUID delivery, Supplier<R> answer) {
        endpoint(partner, id);
        if (!deliveries.replay(id, delivery)) {
            if (!deliveries.exists(id, delivery)) {
                throw ProblemException.notFound("delivery", delivery);
            }
            throw ProblemException.conflict(
                    "Delivery " + delivery + " of this endpoint is not dead: only a dead" + " delivery is replayed");
        }
        return answer.get();
    }

    /**
     * 404 without the partner, 409 when it already has as many endpoints as it may. The partner's row stays locked
     * until the transaction ends, so concurrent creates of one partner are counted one at a time.
     */
    private void requireRoomFor(UUID partner) {
        if (em.find(Partner.class, partner, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("partner", partner);
        }
        long endpoints = em.createQuery("select count(w) from WebhookEndpoint w where w.partnerId = :p", Long.class)
                .setParameter("p", partner)
                .getSingleResult();
        if (endpoints >= config.maxEndpointsPerPartner()) {
            throw ProblemException.conflict("The partner already has " + endpoints + " webhook endpoints, the most"
                    + " allowed (" + config.maxEndpointsPerPartner() + "): delete one, or subscribe an existing one to"
                    + " more event types");
        }
    }

    private void requirePartner(UUID partner) {
        if (em.find(Partner.class, partner) == null) {
            throw ProblemException.notFound("partner", partner);
        }
    }

    private WebhookEndpoint endpoint(UUID partner, UUID id) {
        WebhookEndpoint e = em.find(WebhookEndpoint.class, id);
        if (e == null || !e.partnerId.equals(partner)) {
            throw ProblemException.notFound("webhook endpoint", id);
        }
        return e;
    }

    /**
     * The endpoint read with its row locked until the transaction ends: its If-Match check and its write then see no
     * concurrent change (two rotations with one ETag: one 412, not two secrets of which one never signs), and a
     * delivery's outcome ({@link Deliveries#record}) waits and writes back what this transaction wrote.
     */
    private WebhookEndpoint lockedEndpoint(UUID partner, UUID id) {
        WebhookEndpoint e = em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || !e.partnerId.equals(partner)) {
            throw ProblemException.notFound("webhook endpoint", id);
        }
        return e;
    }

    private static void apply(WebhookEndpoint e, WebhookViews.Input input) {
        e.url = input.url();
        e.eventTypes = String.join(",", input.eventTypes());
        e.description = input.description();
    }
}
