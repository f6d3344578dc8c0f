package com.dealradar.gateway.partner;

import com.dealradar.platform.security.Roles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checks a presented API key and builds the caller's identity.
 *
 * <p>What a replica knows about a key (its hash, scopes, expiry, revocation, the partner's plan) is cached for
 * {@code dealradar.api-keys.cache-ttl} (default 1 s, at most ~2 s by design), negative answers included. A
 * revocation therefore takes effect immediately on the replica that made it (its cache entry is dropped when
 * the transaction commits) and within the cache TTL on every other replica, with no messaging between them.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    private static final Logger LOG = Logger.getLogger(ApiKeyVerifier.class);
    /**
     * Entries kept per replica: a bounded, least-recently-used cache, so that a flood of unknown prefixes evicts
     * only the least-used entries instead of emptying the cache for every partner at once.
     */
    static final int MAX_CACHED = 10_000;

    private final EntityManager em;
    private final BootstrapKey bootstrap;
    private final ApiKeyConfig config;
    private final Cache<String, Snapshot> cache =
            Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    private final Cache<UUID, Instant> lastUsedWritten =
            Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    private final InstantSource clock;

    ApiKeyVerifier(EntityManager em, BootstrapKey bootstrap, ApiKeyConfig config, InstantSource clock) {
        this.clock = clock;
        this.em = em;
        this.bootstrap = bootstrap;
        this.config = config;
    }

    /** The identity of the key's holder; {@link AuthenticationFailedException} for any key that is not valid now. */
    public SecurityIdentity verify(String presented) {
        return verify(presented, true);
    }

    /**
     * The same answer as {@link #verify} when this replica can give it from memory alone (the bootstrap key, a
     * malformed key, or a key whose snapshot is fresh and whose last use needs no writing now), so that it can be
     * given on the event loop; null when the database must be read or written (then call {@link #verify} on a worker
     * thread). Almost every request of a busy key takes this path: no thread hop for authentication.
     */
    public SecurityIdentity verifyFromMemory(String presented) {
        return verify(presented, false);
    }

    private SecurityIdentity verify(String presented, boolean database) {
        String presentedHash = ApiKeys.hash(presented); // once per request: for the bootstrap key and the stored one
        if (bootstrap.matchesHash(presentedHash)) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(SecurityAttributes.BOOTSTRAP_PRINCIPAL))
                    .addRoles(Set.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN))
                    .addAttribute(SecurityAttributes.AUTH_METHOD, SecurityAttributes.API_KEY)
                    .addAttribute(SecurityAttributes.KEY_ID, SecurityAttributes.BOOTSTRAP_KEY_ID)
                    .addAttribute(SecurityAttributes.PLAN, config.bootstrapPlan())
                    .build();
        }
        String prefix = ApiKeys.prefixOf(presented);
        if (prefix == null) {
            throw new AuthenticationFailedException("Not a DealRadar API key");
        }
        Instant now = clock.instant();
        Snapshot key = database ? snapshot(prefix, now) : fresh(prefix, now);
        if (key == null) {
            return null;
        }
        if (key.id == null || !ApiKeys.hashMatches(presentedHash, key.hash)) {
            LOG.debugf("Unknown API key %s%s_...", ApiKeys.MARKER, prefix);
            throw new AuthenticationFailedException("Unknown API key");
        }
        if (key.revokedAt != null) {
            LOG.debugf("Revoked API key %s%s_... refused", ApiKeys.MARKER, prefix);
            throw new AuthenticationFailedException("API key revoked");
        }
        if (key.expiresAt != null && !now.isBefore(key.expiresAt)) {
            LOG.debugf("Expired API key %s%s_... refused", ApiKeys.MARKER, prefix);
            throw new AuthenticationFailedException("API key expired");
        }
        if (!database && touchDue(key.id, now)) {
            return null;
        }
        if (database) {
            touch(key.id, now);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("partner:" + key.partnerId))
                .addRoles(ApiKeyScope.roles(key.scopes))
                .addAttribute(SecurityAttributes.AUTH_METHOD, SecurityAttributes.API_KEY)
                .addAttribute(SecurityAttributes.PARTNER_ID, key.partnerId.toString())
                .addAttribute(SecurityAttributes.KEY_ID, key.id.toString())
                .addAttribute(SecurityAttributes.PLAN, key.plan)
                .build();
    }

    /** Forgets what this replica knows about the key, so that its next use reads the database. */
    public void invalidate(String prefix) {
        cache.invalidate(prefix);
    }

    /** Entries cached now (for tests and diagnostics). */
    long cachedEntries() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Snapshot fresh(String prefix, Instant now) {
        Snapshot cached = cache.getIfPresent(prefix);
        return cached != null && now.isBefore(cached.loadedAt.plus(config.cacheTtl())) ? cached : null;
    }

    private boolean touchDue(UUID keyId, Instant now) {
        Instant written = lastUsedWritten.getIfPresent(keyId);
        return written == null || !now.isBefore(written.plus(config.lastUsedInterval()));
    }

    private Snapshot snapshot(String prefix, Instant now) {
        Snapshot cached = cache.getIfPresent(prefix);
        if (cached != null && now.isBefore(cached.loadedAt.plus(config.cacheTtl()))) {
            return cached;
        }
        Snapshot loaded = load(prefix, now);
        cache.put(prefix, loaded);
        return loaded;
    }

    private Snapshot load(String prefix, Instant now) {
        List<Object[]> rows = QuarkusTransaction.joiningExisting()
                .call(() -> em.createQuery(
                                "select k, p.plan from ApiKey k, Partner p where k.prefix = :prefix and p.id = k.partnerId",
                                Object[].class)
                        .setParameter("prefix", prefix)
                        .getResultList());
        if (rows.isEmpty()) {
            // Remembered like a known key, so that unknown keys do not each cost a query.
            return new Snapshot(null, null, null, null, Set.of(), null, null, null, now);
        }
        ApiKey key = (ApiKey) rows.getFirst()[0];
        return new Snapshot(
                key.id,
                key.partnerId,
                key.prefix,
                key.secretHash,
                key.scopeSet(),
                key.expiresAt,
                key.revokedAt,
                (String) rows.getFirst()[1],
                now);
    }

    /** Records the use of a key, at most once per {@code last-used-interval} per key on this replica. */
    private void touch(UUID keyId, Instant now) {
        Instant written = lastUsedWritten.getIfPresent(keyId);
        if (written != null && now.isBefore(written.plus(config.lastUsedInterval()))) {
            return;
        }
        var map = lastUsedWritten.asMap();
        if (written == null ? map.putIfAbsent(keyId, now) != null : !map.replace(keyId, written, now)) {
            return; // another request of this key is writing it
        }
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery(
                                    "update ApiKey k set k.lastUsedAt = :now where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :now)")
                            .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
                            .setParameter("id", keyId)
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the use of API key %s: %s", keyId, e.getMessage());
        }
    }

    private record Snapshot(
            UUID id,
            UUID partnerId,
            String prefix,
            String hash,
            Set<ApiKeyScope> scopes,
            Instant expiresAt,
            Instant revokedAt,
            String plan,
            Instant loadedAt) {}
}
