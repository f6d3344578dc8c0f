package com.dealradar.gateway.security;

import java.time.Instant;

/**
 * Whom a request's backend calls act for. Its internal token is signed per backend when a call leaves
 * ({@link #tokenFor}), for that backend and the backends it passes the token on to
 * ({@link InternalTokenIssuer#audiences}); the issuer's cache keeps one token per caller and backend.
 */
public final class InternalCaller {

    /** Signs the caller's claims for one audience, issued at a given instant. */
    @FunctionalInterface
    interface Signer {
        String sign(String audience, Instant issuedAt);
    }

    private final InternalTokenIssuer issuer;
    private final String key;
    private final Signer signer;

    InternalCaller(InternalTokenIssuer issuer, String key, Signer signer) {
        this.issuer = issuer;
        this.key = key;
        this.signer = signer;
    }

    /** The caller's token for {@code backend} (its name in {@code dealradar.gateway.backends}). */
    public String tokenFor(String backend) {
        return issuer.cached(key + '|' + backend, now -> signer.sign(backend, now));
    }
}
