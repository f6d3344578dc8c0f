package com.dealradar.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Accepts a Keycloak token only when it was issued to one of DealRadar's own clients: a valid signature from
 * the realm proves who the user is, not that the token was meant for DealRadar. Keycloak names the client a
 * token was issued to in {@code azp}; tokens without it (or of another client) get 401.
 */
@ApplicationScoped
public class TokenClientCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenClientCheck.class);

    private final TokenClientsConfig config;

    TokenClientCheck(TokenClientsConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String client = token.getClaim("azp");
        if (client == null || !config.clients().contains(client)) {
            LOG.debugf("Refused a realm token issued to client %s", client);
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            "This token was issued to another client of the realm, not to DealRadar"));
        }
        return Uni.createFrom().item(identity);
    }
}
