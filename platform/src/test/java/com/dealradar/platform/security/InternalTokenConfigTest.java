package com.dealradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The backends verify the internal token's issuer and audience with the platform's configuration, while the gateway
 * signs them with {@link InternalToken}'s issuer and the backend's name as audience: they must agree, or every
 * forwarded request is refused.
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
        // Each backend its own audience: its application name, which the gateway calls it by.
        assertThat(properties.getProperty("mp.jwt.verify.audiences")).isEqualTo("${quarkus.application.name}");
    }
}
