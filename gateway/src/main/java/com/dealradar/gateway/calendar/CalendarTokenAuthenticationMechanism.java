package com.dealradar.gateway.calendar;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
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
 * {@code ?token=drc_...} on the calendar operation, and nowhere else: a calendar client (Outlook, Google Calendar)
 * can send no header, so the subscription's token travels in the URL. It is accepted only on GET/HEAD of
 * {@link CalendarResource#PATH}, so a leaked feed URL reads that calendar and nothing more; the access log masks
 * the {@code token} parameter (platform {@code HttpProtocolGuard}). Requests that carry an Authorization or
 * X-API-Key header are left to those mechanisms.
 */
@ApplicationScoped
public class CalendarTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String PARAMETER = "token";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String method = context.request().method().name();
        if (!(method.equals("GET") || method.equals("HEAD"))
                || !CalendarResource.PATH.equals(context.normalizedPath())
                || context.request().headers().contains("Authorization")
                || context.request().headers().contains("X-API-Key")) {
            return Uni.createFrom().nullItem();
        }
        List<String> tokens = context.queryParam(PARAMETER);
        if (tokens.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        if (tokens.size() > 1 || tokens.getFirst().isBlank()) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("Exactly one non-empty token parameter is needed"));
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenRequest(tokens.getFirst().strip()), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"X-API-Key\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, PARAMETER));
    }

    /** The presented token; its toString never shows it. */
    public static final class TokenRequest extends BaseAuthenticationRequest {
        private final String token;

        TokenRequest(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }

        @Override
        public String toString() {
            return "TokenRequest[***]";
        }
    }

    /** Checks the token on a worker thread (it reads the database). */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenRequest> {
        private final CalendarSubscriptions subscriptions;

        Provider(CalendarSubscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> subscriptions.verify(request.token()));
        }
    }
}
