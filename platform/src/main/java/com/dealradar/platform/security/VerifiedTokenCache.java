package com.dealradar.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The backends' token parser: smallrye-jwt's, with each verified internal token remembered until it expires. The
 * gateway reuses a caller's token for half its life, so a backend sees the same token string again and again, and
 * checking its RS256 signature and claims on every request was a fifth of company-service's CPU for a list read. A
 * token string is only ever remembered after a full verification succeeded, and only until its {@code exp} (without
 * the clock skew verification allows), so the cache never accepts what verification would refuse. The gateway has
 * no token verification (it is built without quarkus-smallrye-jwt): there this bean is never used.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final int MAX_TOKENS = 10_000;

    private final Instance<JWTAuthContextInfo> contextInfo;
    private final Instance<JWTCallerPrincipalFactory> principalFactory;
    private final Cache<String, JsonWebToken> verified;
    private volatile JWTParser delegate;

    VerifiedTokenCache(Instance<JWTAuthContextInfo> contextInfo, Instance<JWTCallerPrincipalFactory> principalFactory) {
        this.contextInfo = contextInfo;
        this.principalFactory = principalFactory;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> remainingLife(jwt)))
                .build();
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        JsonWebToken known = verified.getIfPresent(bearerToken);
        if (known != null) {
            return known;
        }
        JsonWebToken token = delegate().parse(bearerToken);
        if (!remainingLife(token).isZero()) {
            verified.put(bearerToken, token);
        }
        return token;
    }

    /**
     * How long a verified token may still be used: until its expiry, never longer. By the system clock, the one
     * verification reads (not the services' clock bean, which tests move).
     */
    private static Duration remainingLife(JsonWebToken token) {
        long millis = token.getExpirationTime() * 1000 - System.currentTimeMillis();
        return millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return delegate().parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return delegate().verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return delegate().verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return delegate().verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return delegate().decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return delegate().decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return delegate().decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return delegate().parseOnly(bearerToken);
    }

    /** smallrye-jwt's own parser, with the verification settings of this service (mp.jwt.verify.*). */
    private JWTParser delegate() {
        JWTParser parser = delegate;
        if (parser == null) {
            parser = new DefaultJWTParser(contextInfo.get(), principalFactory.get());
            delegate = parser;
        }
        return parser;
    }
}
