package com.dealradar.gateway.security;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signs the short-lived internal token that tells a backend who the caller is and what it may do. The
 * caller's own credential (Keycloak token or API key) never travels past the gateway. Tokens are reused
 * for the same caller while more than half of their life is left, which keeps RSA signing off the hot path.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    /** Where {@link GatewayAccessRules} leaves the token for this request's backend calls. */
    public static final String CONTEXT_KEY = "dealradar.internal-token";

    static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);
    /**
     * Callers remembered per replica: a bounded, least-recently-used cache whose entries leave when their token is
     * past the half of its life (a flood of callers evicts the least-used ones, it does not empty the cache).
     */
    static final int MAX_CACHED = 10_000;

    private final Duration lifespan;
    private final InstantSource clock;
    private final Cache<String, Issued> issued;

    InternalTokenIssuer(
            @ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "60") long lifespanSeconds,
            InstantSource clock) {
        this.clock = clock;
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

    public String tokenFor(SecurityIdentity caller) {
        Set<String> roles = new TreeSet<>(caller.getRoles());
        roles.retainAll(ROLES);
        String method = caller.getAttribute(Actor.AUTH_METHOD_ATTRIBUTE) instanceof String m ? m : "oidc";
        String partner = caller.getAttribute(Actor.PARTNER_ATTRIBUTE) instanceof Object p ? p.toString() : null;
        String keyId = caller.getAttribute(Actor.KEY_ATTRIBUTE) instanceof Object k ? k.toString() : null;
        // Users by their Keycloak subject (stable; user names can change), partners by their principal.
        String subject = caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : caller.getPrincipal().getName();
        String key = method
                + '|'
                + subject
                + '|'
                + caller.getPrincipal().getName()
                + '|'
                + roles
                + '|'
                + partner
                + '|'
                + keyId;
        return cached(key, now -> {
            var builder = Jwt.issuer(InternalToken.ISSUER)
                    .audience(InternalToken.AUDIENCE)
                    .subject(subject)
                    .upn(caller.getPrincipal().getName())
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
     * The event relay's token for reading and acknowledging the services' outboxes: role {@link Roles#EVENT_RELAY} only,
     * which the backends accept there and nowhere else, with no caller behind it, named {@code system:event-relay}.
     * Cached like a caller's.
     */
    public String relayToken() {
        String subject = "system:event-relay";
        return cached(
                "system|" + subject,
                now -> Jwt.issuer(InternalToken.ISSUER)
                        .audience(InternalToken.AUDIENCE)
                        .subject(subject)
                        .upn(subject)
                        .groups(Set.of(Roles.EVENT_RELAY))
                        .claim(InternalToken.AUTH_METHOD_CLAIM, "system")
                        .issuedAt(now)
                        .expiresAt(now.plus(lifespan))
                        .sign());
    }

    /** The token cached under {@code key} while more than half of its life is left, else a new one signed at now. */
    private String cached(String key, Function<Instant, String> sign) {
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
