package com.dealradar.gateway.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway asks Keycloak about a user's account ({@link KeycloakAccounts}). */
@ConfigMapping(prefix = "dealradar.keycloak-accounts")
public interface KeycloakAccountsConfig {

    /**
     * How long Keycloak's answer about one user is trusted: a user disabled, deleted or stripped of the viewer role
     * stops reading through a calendar subscription within this. Calendar clients poll a few times an hour, so a
     * minute costs Keycloak little.
     */
    @WithDefault("PT1M")
    Duration checkInterval();

    /** The most one question to Keycloak (its service-account token, then the user and the user's roles) may take. */
    @WithDefault("PT3S")
    Duration timeout();
}
