package com.dealradar.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Which Keycloak clients' tokens sign a user in: {@code dealradar.oidc.*}. */
@ConfigMapping(prefix = "dealradar.oidc")
public interface TokenClientsConfig {

    /**
     * The realm's clients that are DealRadar's (the token's {@code azp}, "authorized party"). A token Keycloak
     * issued to any other client of the realm (its built-in admin-cli or account console, another application
     * sharing the realm) is refused with 401, even though Keycloak signed it.
     */
    @WithDefault("dealradar-web,dealradar-cli")
    Set<String> clients();
}
