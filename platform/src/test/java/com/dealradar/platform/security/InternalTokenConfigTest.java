package com.dealradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The backends verify the internal token's issuer and audience with the platform's configuration, while the gateway
 * signs them with {@link InternalToken}'s constants: the two must agree, or every forwarded request is refused.
 */
class InternalTokenConfigTest {

    static Properties platformDefaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = InternalTokenConfigTest.class
                .getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertThat(in)
                    .as("platform's META-INF/microprofile-config.properties")
                    .isNotNull();
            properties.load(in);
        }
        return properties;
    }

    @Test
    void backendsVerifyTheIssuerAndAudienceTheGatewaySigns() throws IOException {
        Properties properties = platformDefaults();

        assertThat(properties.getProperty("mp.jwt.verify.issuer")).isEqualTo(InternalToken.ISSUER);
        assertThat(properties.getProperty("mp.jwt.verify.audiences")).isEqualTo(InternalToken.AUDIENCE);
    }
}
