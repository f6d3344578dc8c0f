package com.dealradar.platform.testing;

import com.dealradar.platform.security.InternalToken;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Set;

/**
 * Real tokens signed with the LOCAL DEVELOPMENT key the gateway uses by default, for testing a backend
 * on its own: the backend verifies them exactly as it verifies the gateway's.
 */
public final class InternalTokens {

    private static final PrivateKey KEY = load();

    private InternalTokens() {
    }

    public static String viewer() {
        return bearer("test-viewer", Set.of("viewer"));
    }

    public static String analyst() {
        return bearer("test-analyst", Set.of("viewer", "analyst"));
    }

    /** "Bearer ..." for the Authorization header. */
    public static String bearer(String subject, Set<String> roles) {
        return "Bearer " + Jwt.issuer(InternalToken.ISSUER).audience(InternalToken.AUDIENCE).subject(subject)
                .upn(subject).groups(roles).claim(InternalToken.AUTH_METHOD_CLAIM, "test").expiresIn(3600).sign(KEY);
    }

    /** The same, already expired. */
    public static String expired() {
        long past = System.currentTimeMillis() / 1000 - 600;
        return "Bearer " + Jwt.issuer(InternalToken.ISSUER).audience(InternalToken.AUDIENCE).subject("late")
                .groups(Set.of("viewer")).issuedAt(past - 60).expiresAt(past).sign(KEY);
    }

    private static PrivateKey load() {
        try (InputStream in = InternalTokens.class.getResourceAsStream("/dealradar/internal-token-DEV-ONLY.key")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the development signing key", e);
        }
    }
}
