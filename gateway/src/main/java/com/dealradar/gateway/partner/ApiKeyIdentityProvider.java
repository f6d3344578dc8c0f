package com.dealradar.gateway.partner;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an X-API-Key into a SecurityIdentity: on the event loop when this replica knows the answer from memory (the
 * common case: a key used in the last second), on a worker thread only when the database must be read or written.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyVerifier verifier;

    ApiKeyIdentityProvider(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known;
        try {
            known = verifier.verifyFromMemory(request.key());
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        return known != null ? Uni.createFrom().item(known) : context.runBlocking(() -> verifier.verify(request.key()));
    }
}
