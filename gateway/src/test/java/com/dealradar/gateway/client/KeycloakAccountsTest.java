package com.dealradar.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where the admin API of the realm the gateway signs users in with lives (the realm's issuer URL, as configured). */
class KeycloakAccountsTest {

    @Test
    void theAdminUsersOfTheRealmAreBesideItsIssuer() {
        assertThat(KeycloakAccounts.adminUsersUrl("http://127.0.0.1:8180/realms/dealradar"))
                .isEqualTo("http://127.0.0.1:8180/admin/realms/dealradar/users/");
        // Keycloak behind a path (its http-relative-path) and a trailing slash.
        assertThat(KeycloakAccounts.adminUsersUrl("https://auth.example.com/kc/realms/dealradar/"))
                .isEqualTo("https://auth.example.com/kc/admin/realms/dealradar/users/");
    }

    @Test
    void anAddressThatNamesNoRealmStopsTheStart() {
        for (String wrong : new String[] {
            "https://auth.example.com/", "https://auth.example.com/realms/dealradar/protocol/openid-connect"
        }) {
            assertThatThrownBy(() -> KeycloakAccounts.adminUsersUrl(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not name a Keycloak realm");
        }
    }
}
