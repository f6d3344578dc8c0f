package com.dealradar.platform.security;

/**
 * The short-lived token the gateway signs for each request it forwards, and the only credential the
 * backends accept (see README, "Trust model"). Backends verify it with the gateway's public key. Its audience is the
 * one backend it was signed for (that backend's {@code quarkus.application.name}).
 */
public final class InternalToken {

    public static final String ISSUER = "https://dealradar.dev/gateway";
    /** Claim naming how the caller authenticated at the gateway: "oidc" or "api_key". */
    public static final String AUTH_METHOD_CLAIM = "dr_auth";
    /** Claim with the partner id, for API-key callers. */
    public static final String PARTNER_CLAIM = "dr_partner";
    /** Claim with the id of the API key used, for API-key callers (attribution of writes). */
    public static final String KEY_CLAIM = "dr_key";
    /** Claim with the caller's name (Keycloak user name), for people reading an audit trail. */
    public static final String NAME_CLAIM = "dr_name";

    private InternalToken() {}
}
