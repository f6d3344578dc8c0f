package com.dealradar.platform.security;

/** The three roles of DealRadar; each includes the ones before it (the Keycloak realm makes them composite). */
public final class Roles {

    /** reads companies, deals and regulatory data */
    public static final String VIEWER = "viewer";
    /** also writes companies, deals and regulatory data */
    public static final String ANALYST = "analyst";
    /** also manages partners and API keys */
    public static final String ADMIN = "admin";

    private Roles() {}
}
