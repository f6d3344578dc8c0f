package com.dealradar.gateway.partner;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * {@code X-API-Key: drk_<prefix>_<secret>} authenticates a partner (or the bootstrap admin). Without the header
 * this mechanism stays out of the way (Keycloak bearer tokens are handled by quarkus-oidc); with a bad key the
 * identity fails with {@link AuthenticationFailedException}, which the platform answers with a 401 problem.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        List<String> keys = context.request().headers().getAll(HEADER);
        if (keys.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        if (keys.size() > 1) {
            // Which one would count is a guess a proxy and this gateway may make differently: refuse both.
            return Uni.createFrom().failure(new AuthenticationFailedException("More than one " + HEADER + " header"));
        }
        String key = keys.getFirst();
        if (key.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Empty " + HEADER + " header"));
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyAuthenticationRequest(key.strip()), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER.toLowerCase()));
    }
}
