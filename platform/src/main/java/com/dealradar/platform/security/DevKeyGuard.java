package com.dealradar.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The repository ships LOCAL DEVELOPMENT keys: a key pair for the internal tokens and the gateway's key that seals
 * webhook secrets. A production start that still uses one is refused, unless explicitly allowed (the test suite runs
 * the packaged jars so).
 */
@ApplicationScoped
public class DevKeyGuard {

    /** What every local-development key or key location in the repository carries. */
    static final String MARK = "DEV-ONLY";

    static final String SEALING_KEYS = "dealradar.webhooks.sealing-keys";

    /** Before every other start-up observer, so that nothing is written with a key that is about to be refused. */
    void onStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start,
            Config config,
            AccessConfig access) {
        boolean allowed = access.allowDevKeys();
        if (LaunchMode.current() != LaunchMode.NORMAL || allowed || isLocalProfile(config)) {
            return;
        }
        boolean verifies = access.backendRules();
        List<String> keySettings = verifies
                ? List.of("mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location")
                : List.of("smallrye.jwt.sign.key.location");
        for (String setting : keySettings) {
            Optional<String> location = config.getOptionalValue(setting, String.class);
            if (location.isPresent() && location.get().contains(MARK)) {
                throw new IllegalStateException(setting + " points at the local-development key " + location.get()
                        + "; mount your own key and set "
                        + environmentName(setting)
                        + " (see README, \"Trust model\")");
            }
        }
        // Read raw: only the gateway has this setting, and its value is a list.
        Optional<String> sealingKeys = config.getOptionalValue(SEALING_KEYS, String.class);
        if (sealingKeys.isPresent() && sealingKeys.get().contains(MARK)) {
            throw new IllegalStateException(
                    SEALING_KEYS + " holds the local-development key; set " + environmentName(SEALING_KEYS)
                            + " to your own (openssl rand -base64 32; see README, \"Secrets\")");
        }
    }

    private static String environmentName(String setting) {
        return setting.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static boolean isLocalProfile(Config config) {
        return config.getOptionalValue("quarkus.profile", String.class)
                .map(p -> p.contains("local"))
                .orElse(false);
    }
}
