package com.dealradar.platform.security;

/**
 * The three roles of DealRadar; each includes the ones before it (the Keycloak realm makes them composite). And the
 * event relay's, which no person or key has.
 */
public final class Roles {

    /** reads companies, deals and regulatory data */
    public static final String VIEWER = "viewer";
    /** also writes companies, deals and regulatory data */
    public static final String ANALYST = "analyst";
    /** also manages partners and API keys */
    public static final String ADMIN = "admin";
    /**
     * The gateway's event relay: reads and acknowledges a backend's outbox and nothing else. Only the gateway's own
     * internal token carries it (the gateway passes a caller's viewer, analyst and admin roles on, no other), so a
     * relay token taken from one backend cannot read or write another's data, and an admin cannot empty an outbox.
     */
    public static final String EVENT_RELAY = "event-relay";

    private Roles() {}
}
