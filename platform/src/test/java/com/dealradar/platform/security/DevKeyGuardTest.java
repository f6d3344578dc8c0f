package com.dealradar.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** A production start with one of the repository's local-development keys is refused (as a packaged jar starts). */
class DevKeyGuardTest {

    static final Map<String, String> OWN_KEYS = Map.of(
            "smallrye.jwt.sign.key.location", "/secrets/internal-token/private.pem",
            "mp.jwt.verify.publickey.location", "/secrets/internal-token/public.pem",
            "dealradar.webhooks.sealing-keys", "test-only-sealing-key-not-a-secret-0123456789");

    static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    static AccessConfig access(boolean backend, boolean allowDevKeys) {
        return new AccessConfig() {
            @Override
            public boolean backendRules() {
                return backend;
            }

            @Override
            public boolean allowDevKeys() {
                return allowDevKeys;
            }

            @Override
            public String challenge() {
                return "Bearer";
            }
        };
    }

    static Map<String, String> with(String key, String value) {
        Map<String, String> values = new java.util.HashMap<>(OWN_KEYS);
        values.put(key, value);
        return values;
    }

    @Test
    void ownKeysStart() {
        assertThatCode(() -> new DevKeyGuard().onStart(null, config(OWN_KEYS), access(false, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void theDevelopmentSigningKeyIsRefused() {
        Config config = config(with("smallrye.jwt.sign.key.location", "dealradar/internal-token-DEV-ONLY.key"));
        assertThatThrownBy(() -> new DevKeyGuard().onStart(null, config, access(false, false)))
                .hasMessageContaining("SMALLRYE_JWT_SIGN_KEY_LOCATION");
    }

    @Test
    void theDevelopmentSealingKeyIsRefusedEvenSecondInTheList() {
        Config config = config(with(
                "dealradar.webhooks.sealing-keys",
                "test-only-sealing-key-not-a-secret-0123456789,DEV-ONLY-local-development-webhook-sealing-key"));
        assertThatThrownBy(() -> new DevKeyGuard().onStart(null, config, access(false, false)))
                .hasMessageContaining("DEALRADAR_WEBHOOKS_SEALING_KEYS");
    }

    @Test
    void developmentKeysStartWhenAllowedOrInTheLocalProfile() {
        Map<String, String> dev =
                with("dealradar.webhooks.sealing-keys", "DEV-ONLY-local-development-webhook-sealing-key");
        dev.put("smallrye.jwt.sign.key.location", "dealradar/internal-token-DEV-ONLY.key");
        assertThatCode(() -> new DevKeyGuard().onStart(null, config(dev), access(false, true)))
                .doesNotThrowAnyException();
        dev.put("quarkus.profile", "local");
        assertThatCode(() -> new DevKeyGuard().onStart(null, config(dev), access(false, false)))
                .doesNotThrowAnyException();
    }
}
