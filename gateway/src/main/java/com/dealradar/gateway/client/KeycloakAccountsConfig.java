package com.dealradar.gateway.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * After Keycloak failed to answer, how long reads of users' subscriptions are refused (503) without asking it
     * again: an outage then costs each calendar poll nothing and the log one warning per period.
     */
    @WithDefault("PT5S")
    Duration quietAfterFailure();

    /**
     * The realm's admin API ({@code <server>/admin/realms/<realm>}) where the gateway does not reach it beside the
     * issuer: Keycloak's admin endpoints behind another host name or proxy. Unset, it is the issuer's
     * ({@code quarkus.oidc.auth-server-url}) with {@code /admin} before {@code /realms/}.
     */
    Optional<String> adminUrl();
}
