package com.dealradar.gateway.partner;

import com.dealradar.gateway.ratelimit.RateLimiter;
import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.text.VisibleText;
import com.dealradar.platform.time.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Partners and the life of their keys: issue, rotate (old and new key both valid for an overlap), revoke. Every
 * change is written to the audit trail in the same transaction. Each public write method is one transaction (the
 * convention of every service, see the README, "Where things go"): it checks the caller's {@link VersionCheck}
 * against the row it changes and calls {@code answer} with the result inside the transaction.
 */
@ApplicationScoped
public class PartnerService {

    private static final Logger LOG = Logger.getLogger(PartnerService.class);

    private final PartnerRepository partners;
    private final ApiKeyRepository keys;
    private final AuditRepository audit;
    private final ApiKeyVerifier verifier;
    private final RateLimiter rateLimiter;
    private final ApiKeyConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager em;
    private final InstantSource clock;

    PartnerService(
            PartnerRepository partners,
            ApiKeyRepository keys,
            AuditRepository audit,
            ApiKeyVerifier verifier,
            RateLimiter rateLimiter,
            ApiKeyConfig config,
            TransactionSynchronizationRegistry transactions,
            EntityManager em,
            InstantSource clock) {
        this.clock = clock;
        this.em = em;
        this.partners = partners;
        this.keys = keys;
        this.audit = audit;
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.transactions = transactions;
    }

    /** A key as issued: the entity and the key string, which exists nowhere else. */
    public record Issued(ApiKey apiKey, String key) {
        @Override
        public String toString() {
            return "Issued[" + apiKey.id + "]";
        }
    }

    public Partner get(UUID id) {
        return partners.find(id).orElseThrow(() -> ProblemException.notFound("Partner", id));
    }

    public ApiKey key(UUID partnerId, UUID keyId) {
        get(partnerId);
        return keys.find(partnerId, keyId).orElseThrow(() -> ProblemException.notFound("API key", keyId));
    }

    /** Partners in name order, after the cursor when given. */
    public List<Partner> partners(Cursor after, int limit) {
        return partners.page(after, limit);
    }

    /** The keys of a partner (404 when there is no such partner), after the cursor when given. */
    @Transactional
    public List<ApiKey> keys(UUID partnerId, Cursor after, int limit) {
        get(partnerId);
        return keys.page(partnerId, after, limit);
    }

    /** The audit trail, newest first, of one partner or key when given. */
    public List<ApiKeyAuditEntry> audit(UUID partnerId, UUID keyId, Cursor after, int limit) {
        return audit.page(partnerId, keyId, after, limit);
    }

    @Transactional
    public <R> R create(PartnerInput input, String actor, Function<Partner, R> answer) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.createdAt = now();
        apply(partner, input);
        partners.persist(partner);
        record(actor, ApiKeyAuditEntry.PARTNER_CREATED, partner.id, null, "plan " + partner.plan);
        em.flush();
        return answer.apply(partner);
    }

    /** Changes the partner to what {@code change} makes of it (a merge patch), after checking {@code expected}. */
    @Transactional
    public <R> R update(
            UUID id,
            VersionCheck expected,
            Function<Partner, PartnerInput> change,
            String actor,
            Function<Partner, R> answer) {
        Partner partner = get(id);
        expected.check(partner.version);
        return answer.apply(update(partner, change.apply(partner), actor));
    }

    private Partner update(Partner partner, PartnerInput input, String actor) {
        List<String> changed = new ArrayList<>();
        String plan = plan(input.plan());
        if (!Objects.equals(partner.name, VisibleText.strip("name", input.name()))) {
            changed.add("name");
        }
        if (!Objects.equals(partner.contactName, input.contact().name())
                || !Objects.equals(partner.contactEmail, input.contact().email())) {
            changed.add("contact");
        }
        if (!Objects.equals(partner.plan, plan)) {
            changed.add("plan " + partner.plan + " -> " + plan);
        }
        if (changed.isEmpty()) {
            return partner;
        }
        apply(partner, input);
        record(actor, ApiKeyAuditEntry.PARTNER_UPDATED, partner.id, null, String.join("; ", changed));
        em.flush();
        return partner;
    }

    @Transactional
    public <R> R issue(UUID partnerId, ApiKeyInput input, String actor, Function<Issued, R> answer) {
        get(partnerId);
        Instant now = now();
        Instant expiresAt = future("expiresAt", input.expiresAt(), now);
        Issued issued = newKey(partnerId, input.name(), input.scopes(), expiresAt, now, actor);
        record(
                actor,
                ApiKeyAuditEntry.KEY_ISSUED,
                partnerId,
                issued.apiKey(),
                "scopes " + issued.apiKey().scopes
                        + (expiresAt == null ? "; does not expire" : "; expires " + expiresAt));
        em.flush();
        return answer.apply(issued);
    }

    /**
     * Issues a key with the old key's scopes and name and lets the old one expire after the overlap. Only an
     * active key can be rotated (a rotating one already has its successor).
     */
    @Transactional
    public <R> R rotate(
            UUID partnerId,
            UUID keyId,
            VersionCheck expected,
            RotationInput input,
            String actor,
            Function<Issued, R> answer) {
        ApiKey old = key(partnerId, keyId);
        expected.check(old.version);
        Instant now = now();
        ApiKeyStatus status = old.status(now);
        if (status != ApiKeyStatus.active) {
            throw ProblemException.conflict(
                    "API key " + old.id + " is " + status + "; only an active key can be rotated"
                            + (status == ApiKeyStatus.rotating
                                    ? " (rotate its replacement " + old.replacedById + " instead)"
                                    : ""));
        }
        Duration overlap = input == null || input.overlap() == null ? config.rotationOverlap() : input.overlap();
        if (overlap.isNegative() || overlap.compareTo(config.maxRotationOverlap()) > 0) {
            throw ProblemException.invalid("overlap", "must be from PT0S to " + config.maxRotationOverlap());
        }
        Instant expiresAt = input == null ? null : future("expiresAt", input.expiresAt(), now);
        if (expiresAt == null && old.expiresAt != null) {
            expiresAt = now.plus(Duration.between(old.createdAt, old.expiresAt));
        }
        Issued issued = newKey(old.partnerId, old.name, old.scopeSet(), expiresAt, now, actor);
        issued.apiKey().replacesId = old.id;
        Instant overlapEnd = now.plus(overlap).truncatedTo(ChronoUnit.MICROS);
        if (old.expiresAt == null || overlapEnd.isBefore(old.expiresAt)) {
            old.expiresAt = overlapEnd;
        }
        old.replacedById = issued.apiKey().id;
        invalidateAfterCommit(old.prefix);
        record(
                actor,
                ApiKeyAuditEntry.KEY_ROTATED,
                old.partnerId,
                old,
                "replaced by " + ApiKeys.MARKER + issued.apiKey().prefix + " (" + issued.apiKey().id
                        + "); old key valid until " + old.expiresAt);
        record(
                actor,
                ApiKeyAuditEntry.KEY_ISSUED,
                old.partnerId,
                issued.apiKey(),
                "by rotation of " + ApiKeys.MARKER + old.prefix + "; scopes " + issued.apiKey().scopes
                        + (expiresAt == null ? "; does not expire" : "; expires " + expiresAt));
        em.flush();
        return answer.apply(issued);
    }

    /** Revokes the key: refused from the commit on here, within the key cache TTL on every replica. */
    @Transactional
    public <R> R revoke(UUID partnerId, UUID keyId, VersionCheck expected, String actor, Function<ApiKey, R> answer) {
        ApiKey key = key(partnerId, keyId);
        expected.check(key.version);
        if (key.revokedAt != null) {
            return answer.apply(key);
        }
        key.revokedAt = now();
        key.revokedBy = actor;
        invalidateAfterCommit(key.prefix);
        record(actor, ApiKeyAuditEntry.KEY_REVOKED, key.partnerId, key, null);
        em.flush();
        LOG.infof("API key %s%s_... (%s) revoked by %s", ApiKeys.MARKER, key.prefix, key.id, actor);
        return answer.apply(key);
    }

    private Issued newKey(
            UUID partnerId, String name, Set<ApiKeyScope> scopes, Instant expiresAt, Instant now, String actor) {
        ApiKeys.Generated generated = ApiKeys.generate();
        while (keys.prefixTaken(generated.prefix())) {
            generated = ApiKeys.generate();
        }
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.partnerId = partnerId;
        key.prefix = generated.prefix();
        key.secretHash = ApiKeys.hash(generated.key());
        key.name = name == null || name.isBlank() ? null : name.strip();
        key.scopes = ApiKeyScope.format(scopes);
        key.createdAt = now;
        key.createdBy = actor;
        key.expiresAt = expiresAt;
        keys.persist(key);
        LOG.infof(
                "API key %s%s_... (%s) issued for partner %s by %s",
                ApiKeys.MARKER, key.prefix, key.id, partnerId, actor);
        return new Issued(key, generated.key());
    }

    private void apply(Partner partner, PartnerInput input) {
        partner.name = VisibleText.strip("name", input.name());
        partner.sortName = partner.name.toLowerCase(Locale.ROOT);
        partner.contactName =
                input.contact().name() == null || input.contact().name().isBlank()
                        ? null
                        : input.contact().name().strip();
        partner.contactEmail = input.contact().email().strip();
        partner.plan = plan(input.plan());
        partner.updatedAt = now();
    }

    private String plan(String requested) {
        if (requested == null) {
            return rateLimiter.quota(null).name();
        }
        if (!rateLimiter.isPlan(requested)) {
            throw ProblemException.invalid(
                    "plan", "'" + requested + "' is not a plan; plans: " + String.join(", ", rateLimiter.planNames()));
        }
        return requested;
    }

    private Instant future(String field, OffsetDateTime value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant instant = value.toInstant().truncatedTo(ChronoUnit.MICROS);
        if (!instant.isAfter(now)) {
            throw ProblemException.invalid(field, "must be in the future");
        }
        return instant;
    }

    private void record(String actor, String action, UUID partnerId, ApiKey key, String detail) {
        ApiKeyAuditEntry entry = new ApiKeyAuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = now();
        entry.actor = actor;
        entry.action = action;
        entry.partnerId = partnerId;
        entry.keyId = key == null ? null : key.id;
        entry.keyPrefix = key == null ? null : key.prefix;
        entry.detail = detail;
        Object requestId = MDC.get("requestId");
        entry.requestId = requestId == null ? null : requestId.toString();
        audit.persist(entry);
    }

    private void invalidateAfterCommit(String prefix) {
        verifier.invalidate(prefix);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    verifier.invalidate(prefix);
                }
            }
        });
    }

    private Instant now() {
        return Clocks.storedNow(clock);
    }
}
