package com.dealradar.gateway.partner;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The X-API-Key header of a request, on its way to {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[***]";
    }
}
