package com.dealradar.gateway.partner;

import com.dealradar.platform.security.Actor;

/** Attributes of a SecurityIdentity made from an API key (the gateway's contract between its security parts). */
public final class SecurityAttributes {

    /** {@value #API_KEY} for API keys; absent on Keycloak identities. */
    public static final String AUTH_METHOD = Actor.AUTH_METHOD_ATTRIBUTE;

    public static final String API_KEY = Actor.API_KEY;
    public static final String PARTNER_ID = Actor.PARTNER_ATTRIBUTE;
    public static final String KEY_ID = Actor.KEY_ATTRIBUTE;
    /** The rate-limit plan name. */
    public static final String PLAN = "dealradar.plan";
    /** Principal name of the bootstrap admin key. */
    public static final String BOOTSTRAP_PRINCIPAL = "bootstrap-admin";
    /** {@link #KEY_ID} of the bootstrap admin key. */
    public static final String BOOTSTRAP_KEY_ID = "bootstrap";

    private SecurityAttributes() {}
}
