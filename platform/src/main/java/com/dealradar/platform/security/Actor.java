package com.dealradar.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who made a request, as written to the access log and the write audit: a Keycloak user by its subject, or a
 * partner by its id and the id of the key it used. The gateway knows it from the caller's credential; backends
 * from the claims of the gateway's internal token ({@link InternalToken}).
 */
public record Actor(Kind kind, String id, String keyId) {

    /** Routing-context key of the actor's text, logged by the access log as {@code %{d,dealradar.actor}}. */
    public static final String LOG_KEY = "dealradar.actor";
    /** Attributes of a gateway identity made from an API key. */
    public static final String AUTH_METHOD_ATTRIBUTE = "dealradar.auth-method";

    public static final String PARTNER_ATTRIBUTE = "dealradar.partner-id";
    public static final String KEY_ATTRIBUTE = "dealradar.key-id";
    public static final String API_KEY = "api_key";

    @Schema(
            name = "ActorKind",
            description = "What kind of caller acted: a user, a partner, or a service (an API key of no partner)")
    public enum Kind {
        user,
        partner,
        service
    }

    /** The actor of a verified identity; null for an anonymous one. */
    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getClaim(InternalToken.AUTH_METHOD_CLAIM) != null) {
            // A backend: the gateway's internal token says who the caller was.
            String partner = token.getClaim(InternalToken.PARTNER_CLAIM);
            String key = token.getClaim(InternalToken.KEY_CLAIM);
            if (API_KEY.equals(token.getClaim(InternalToken.AUTH_METHOD_CLAIM))) {
                return partner != null
                        ? new Actor(Kind.partner, partner, key)
                        : new Actor(Kind.service, token.getSubject(), key);
            }
            return new Actor(Kind.user, token.getSubject(), null);
        }
        if (API_KEY.equals(identity.getAttribute(AUTH_METHOD_ATTRIBUTE))) {
            Object partner = identity.getAttribute(PARTNER_ATTRIBUTE);
            Object key = identity.getAttribute(KEY_ATTRIBUTE);
            return partner != null
                    ? new Actor(Kind.partner, partner.toString(), key == null ? null : key.toString())
                    : new Actor(Kind.service, identity.getPrincipal().getName(), key == null ? null : key.toString());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return new Actor(Kind.user, token.getSubject(), null);
        }
        return new Actor(Kind.user, identity.getPrincipal().getName(), null);
    }

    /** Whose idempotency keys these are: a partner's keys (all of them) or one user. */
    public String owner() {
        return kind + ":" + id;
    }

    /** {@code user:<subject>}, {@code partner:<id> key:<key id>}. */
    @Override
    public String toString() {
        return owner() + (keyId == null ? "" : " key:" + keyId);
    }
}
