package com.dealradar.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Which realm tokens sign a user in: DealRadar's own clients' tokens that name their user ({@code sub}). The
 * realm's own tokens are checked end to end by TokenAudienceTest; a token without a subject cannot be had from the
 * realm as shipped (its clients have the basic scope), so it is built here.
 */
class RealmTokenCheckTest {

    private final RealmTokenCheck check = new RealmTokenCheck(() -> Set.of("dealradar-web", "dealradar-cli"));

    @Test
    void aTokenOfOurClientWithASubjectSignsIn() {
        SecurityIdentity identity = identity("dealradar-cli", "6f1c2a8e-4b7d-4e21-9a0c-3d5e7f9b1c24");
        assertThat(check.augment(identity, null).await().indefinitely()).isSameAs(identity);
    }

    @Test
    void aTokenWithoutASubjectIsRefused() {
        for (String subject : new String[] {null, " "}) {
            assertThatThrownBy(() -> check.augment(identity("dealradar-web", subject), null)
                            .await()
                            .indefinitely())
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("no subject");
        }
    }

    @Test
    void aTokenOfAnotherClientIsRefused() {
        assertThatThrownBy(() -> check.augment(identity("admin-cli", "6f1c2a8e"), null)
                        .await()
                        .indefinitely())
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("another client");
    }

    private static SecurityIdentity identity(String client, String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("azp", client);
        claims.setClaim("preferred_username", "analyst");
        if (subject != null) {
            claims.setSubject(subject);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRole("analyst")
                .build();
    }
}
