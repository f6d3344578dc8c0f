package com.dealradar.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The repository ships a LOCAL DEVELOPMENT key pair for the internal tokens. A production start that
 * still points at it is refused, unless explicitly allowed (the test suite runs the packaged jars so).
 */
@ApplicationScoped
public class DevKeyGuard {

    void onStart(@Observes StartupEvent start, Config config, AccessConfig access) {
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
            if (location.isPresent() && location.get().contains("DEV-ONLY")) {
                throw new IllegalStateException(setting + " points at the local-development key " + location.get()
                        + "; mount your own key and set "
                        + setting.toUpperCase().replace('.', '_')
                        + " (see README, \"Trust model\")");
            }
        }
    }

    private static boolean isLocalProfile(Config config) {
        return config.getOptionalValue("quarkus.profile", String.class)
                .map(p -> p.contains("local"))
                .orElse(false);
    }
}
