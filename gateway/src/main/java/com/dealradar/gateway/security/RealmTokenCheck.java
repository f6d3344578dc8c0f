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
 *
 * <p>A token must also name its user in {@code sub} (RFC 9068 requires it of JWT access tokens): users are known by
 * their subject, which stays when a user name changes (write attribution, idempotency keys, calendar
 * subscriptions). Keycloak puts it in through the realm's {@code basic} client scope; a client without that scope
 * gets tokens without a subject, which are refused (401) rather than attributed to a user name. And it must be an
 * access token: Keycloak's ID tokens ({@code typ} "ID") carry the same issuer, signature and {@code azp}.
 */
@ApplicationScoped
public class RealmTokenCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(RealmTokenCheck.class);

    private final TokenClientsConfig config;

    RealmTokenCheck(TokenClientsConfig config) {
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
        Object type = token.getClaim("typ");
        if (type != null && !"Bearer".equalsIgnoreCase(type.toString())) {
            // Keycloak marks its ID tokens "ID": proof of a sign-in for the client, not a grant of access.
            LOG.debugf("Refused a %s token of client %s", type, client);
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            "This is not an access token (typ " + type + "); send the access token"));
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            LOG.debugf("Refused a token of client %s without a subject", client);
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            "This token names no subject (sub): the client needs the realm's basic scope"));
        }
        return Uni.createFrom().item(identity);
    }
}
