package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.security.VerifiedTokenCache;
import com.dealradar.platform.testing.InternalTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The service verifies a gateway token once and remembers it until it expires: never past its expiry, and never for
 * another token string (a changed signature is verified, and refused).
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    /** mp.jwt.verify.clock.skew (platform): verification accepts a token this long after its expiry. */
    private static final long SKEW_SECONDS = 5;

    @Inject
    JWTParser parser;

    @Test
    void theServiceParsesTokensThroughTheCache() throws Exception {
        assertThat(parser).isInstanceOf(VerifiedTokenCache.class);
        String token = InternalTokens.analyst().substring("Bearer ".length());
        // Remembered: the second parse returns the token the first one verified.
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresAndATamperedOneAtOnce() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String shortLived = InternalTokens.analystAt(now, now + 2);
        int before = 0;
        for (int i = 0; i < 3; i++) {
            before += given().header("Authorization", shortLived)
                                    .get("/companies/zte")
                                    .statusCode()
                            == 200
                    ? 1
                    : 0;
        }
        String tampered = shortLived.substring(0, shortLived.length() - 4) + "AAAA";
        int tamperedStatus =
                given().header("Authorization", tampered).get("/companies/zte").statusCode();
        // Past the expiry and the skew verification allows: the remembered token must be verified again, and refused.
        Thread.sleep((now + 2 + SKEW_SECONDS + 1) * 1000 - System.currentTimeMillis());
        int afterStatus = given().header("Authorization", shortLived)
                .get("/companies/zte")
                .statusCode();
        System.out.printf(
                "short-lived token: %d of 3 reads answered before expiry; tampered copy %d; after expiry %d%n",
                before, tamperedStatus, afterStatus);
        assertThat(before).isEqualTo(3);
        assertThat(tamperedStatus).isEqualTo(401);
        assertThat(afterStatus).isEqualTo(401);
    }
}
