package com.dealradar.platform.testing;

import com.dealradar.platform.security.InternalToken;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Set;

/**
 * Real tokens signed with the LOCAL DEVELOPMENT key the gateway uses by default, for testing a backend
 * on its own: the backend verifies them exactly as it verifies the gateway's. The gateway names one backend as a
 * token's audience; these name all three ({@link #BACKENDS}), so that one token serves a test of any backend, except
 * {@link #bearerFor}, which names the audience a test chooses.
 */
public final class InternalTokens {

    /** The backends' names, each one's token audience (its quarkus.application.name). */
    public static final Set<String> BACKENDS = Set.of("company-service", "deal-service", "region-service");

    private static final PrivateKey KEY = load();

    private InternalTokens() {}

    public static String viewer() {
        return bearer("test-viewer", Set.of("viewer"));
    }

    public static String analyst() {
        return bearer("test-analyst", Set.of("viewer", "analyst"));
    }

    /** "Bearer ..." for the Authorization header, valid for 60 s like the gateway's. */
    public static String bearer(String subject, Set<String> roles) {
        return bearerFor(BACKENDS, subject, roles);
    }

    /** The same, with {@code audiences} as the token's audience. */
    public static String bearerFor(Set<String> audiences, String subject, Set<String> roles) {
        return "Bearer "
                + Jwt.issuer(InternalToken.ISSUER)
                        .audience(audiences)
                        .subject(subject)
                        .upn(subject)
                        .groups(roles)
                        .claim(InternalToken.AUTH_METHOD_CLAIM, "oidc")
                        .expiresIn(60)
                        .sign(KEY);
    }

    /** A partner's analyst token as the gateway signs it for an API-key caller (partner and key named in claims). */
    public static String partner(String partnerId, String keyId) {
        return "Bearer "
                + Jwt.issuer(InternalToken.ISSUER)
                        .audience(BACKENDS)
                        .subject("partner:" + partnerId)
                        .upn("partner:" + partnerId)
                        .groups(Set.of("viewer", "analyst"))
                        .claim(InternalToken.AUTH_METHOD_CLAIM, "api_key")
                        .claim(InternalToken.PARTNER_CLAIM, partnerId)
                        .claim(InternalToken.KEY_CLAIM, keyId)
                        .expiresIn(60)
                        .sign(KEY);
    }

    /** An analyst token issued at {@code issuedAt} and expiring at {@code expiresAt} (epoch seconds). */
    public static String analystAt(long issuedAt, long expiresAt) {
        return "Bearer "
                + Jwt.issuer(InternalToken.ISSUER)
                        .audience(BACKENDS)
                        .subject("timed")
                        .upn("timed")
                        .groups(Set.of("viewer", "analyst"))
                        .claim(InternalToken.AUTH_METHOD_CLAIM, "oidc")
                        .issuedAt(issuedAt)
                        .expiresAt(expiresAt)
                        .sign(KEY);
    }

    /** The same, already expired. */
    public static String expired() {
        long past = System.currentTimeMillis() / 1000 - 600;
        return "Bearer "
                + Jwt.issuer(InternalToken.ISSUER)
                        .audience(BACKENDS)
                        .subject("late")
                        .groups(Set.of("viewer"))
                        .issuedAt(past - 60)
                        .expiresAt(past)
                        .sign(KEY);
    }

    private static PrivateKey load() {
        try (InputStream in = InternalTokens.class.getResourceAsStream("/dealradar/internal-token-DEV-ONLY.key")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the development signing key", e);
        }
    }
}
