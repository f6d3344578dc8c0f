package com.dealradar.gateway.security;

import com.dealradar.gateway.config.GatewayConfig;
import com.dealradar.platform.security.Actor;
import com.dealradar.platform.security.InternalToken;
import com.dealradar.platform.security.Roles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signs the short-lived internal token that tells a backend who the caller is and what it may do. The
 * caller's own credential (Keycloak token or API key) never travels past the gateway. A token is signed for the
 * backend it goes to: its audiences are that backend's name (its {@code quarkus.application.name}) and the backends
 * it passes the caller's token on to ({@code forwards-to}), so a token a backend received is refused everywhere that
 * backend does not itself call; the event relay's token names its one backend. Tokens are reused for the same caller
 * and backend while more than half of their life is left, which keeps RSA signing off the hot path.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    /** Where {@link GatewayAccessRules} leaves the {@link InternalCaller} of this request's backend calls. */
    public static final String CONTEXT_KEY = "dealradar.internal-caller";

    static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);
    /**
     * Tokens remembered per replica, one per caller and backend: a bounded, least-recently-used cache whose entries
     * leave when their token is past the half of its life (a flood of callers evicts the least-used ones, it does not
     * empty the cache).
     */
    static final int MAX_CACHED = 10_000;

    private final Duration lifespan;
    private final InstantSource clock;
    private final Cache<String, Issued> issued;
    /** Each backend's token audiences: itself and the backends it passes a caller's token on to. */
    private final Map<String, Set<String>> audiences;

    InternalTokenIssuer(
            @ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "60") long lifespanSeconds,
            InstantSource clock,
            GatewayConfig config) {
        this.clock = clock;
        Map<String, Set<String>> byBackend = new TreeMap<>();
        config.backends().forEach((name, backend) -> {
            Set<String> names = new TreeSet<>(backend.forwardsTo().orElse(Set.of()));
            names.add(name);
            byBackend.put(name, Set.copyOf(names));
        });
        this.audiences = Map.copyOf(byBackend);
        this.lifespan = Duration.ofSeconds(lifespanSeconds);
        // The cache's time is the clock bean's, so that a test moving the clock moves the expiry too.
        this.issued = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .expireAfterWrite(lifespan.dividedBy(2))
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    /** The caller a request's backend calls act for; {@link InternalCaller#tokenFor} signs (or reuses) its tokens. */
    public InternalCaller callerOf(SecurityIdentity caller) {
        Set<String> roles = new TreeSet<>(caller.getRoles());
        roles.retainAll(ROLES);
        String method = caller.getAttribute(Actor.AUTH_METHOD_ATTRIBUTE) instanceof String m ? m : "oidc";
        String partner = caller.getAttribute(Actor.PARTNER_ATTRIBUTE) instanceof Object p ? p.toString() : null;
        String keyId = caller.getAttribute(Actor.KEY_ATTRIBUTE) instanceof Object k ? k.toString() : null;
        // Users by their Keycloak subject (stable; user names can change), partners by their principal.
        String subject = caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : caller.getPrincipal().getName();
        String name = caller.getPrincipal().getName();
        String key = method + '|' + subject + '|' + name + '|' + roles + '|' + partner + '|' + keyId;
        return new InternalCaller(this, key, (audience, now) -> {
            var builder = Jwt.issuer(InternalToken.ISSUER)
                    .audience(audiences(audience))
                    .subject(subject)
                    .upn(name)
                    .groups(roles)
                    .claim(InternalToken.AUTH_METHOD_CLAIM, method)
                    .issuedAt(now)
                    .expiresAt(now.plus(lifespan));
            if (partner != null) {
                builder.claim(InternalToken.PARTNER_CLAIM, partner);
            }
            if (keyId != null) {
                builder.claim(InternalToken.KEY_CLAIM, keyId);
            }
            return builder.sign();
        });
    }

    /**
     * The event relay's token for reading and acknowledging {@code backend}'s outbox: role {@link Roles#EVENT_RELAY}
     * only, which the backends accept there and nowhere else, with no caller behind it, named
     * {@code system:event-relay}. Cached like a caller's.
     */
    public String relayToken(String backend) {
        String subject = "system:event-relay";
        return cached(
                "system|" + subject + '|' + backend,
                now -> Jwt.issuer(InternalToken.ISSUER)
                        .audience(backend)
                        .subject(subject)
                        .upn(subject)
                        .groups(Set.of(Roles.EVENT_RELAY))
                        .claim(InternalToken.AUTH_METHOD_CLAIM, "system")
                        .issuedAt(now)
                        .expiresAt(now.plus(lifespan))
                        .sign());
    }

    /** The audiences of a caller's token for {@code backend}: it and the backends it calls on the caller's behalf. */
    Set<String> audiences(String backend) {
        return audiences.getOrDefault(backend, Set.of(backend));
    }

    /** The token cached under {@code key} while more than half of its life is left, else a new one signed at now. */
    String cached(String key, Function<Instant, String> sign) {
        Instant now = clock.instant();
        Issued current = issued.getIfPresent(key);
        if (current != null && current.reuseUntil.isAfter(now)) {
            return current.token;
        }
        String token = sign.apply(now);
        issued.put(key, new Issued(token, now.plus(lifespan.dividedBy(2))));
        return token;
    }

    private record Issued(String token, Instant reuseUntil) {}
}
