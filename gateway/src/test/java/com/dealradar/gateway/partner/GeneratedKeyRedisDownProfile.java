package com.dealradar.gateway.partner;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * No bootstrap key configured but generation on (as in the local run), and Redis pointed at a closed loopback
 * port (as in a Redis outage). Shared by two test classes so that the application starts once for both.
 */
public class GeneratedKeyRedisDownProfile implements QuarkusTestProfile {

    /** Kept in a system property: the test and the application see this class through different class loaders. */
    public static final String RUN = (String) System.getProperties()
            .computeIfAbsent(
                    "dealradar.test.generated-key-run",
                    k -> UUID.randomUUID().toString().substring(0, 8));

    public static final Path DATA_DIR =
            Path.of("target", "generated-key-" + RUN).toAbsolutePath();
    public static final Path LOG_FILE =
            Path.of("target", "generated-key-" + RUN + ".log").toAbsolutePath();
    public static final int FALLBACK_LIMIT = 5;
    static final int CLOSED_PORT = Integer.parseInt((String)
            System.getProperties().computeIfAbsent("dealradar.test.closed-port", k -> Integer.toString(closedPort())));

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(DATA_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("dealradar.security.bootstrap-api-key", "");
        config.put("dealradar.security.generate-bootstrap-key", "true");
        config.put("dealradar.data-dir", DATA_DIR.toString());
        config.put("dealradar.api-keys.bootstrap-plan", "fallback");
        config.put("dealradar.rate-limit.plans.fallback.limit", Integer.toString(FALLBACK_LIMIT));
        config.put("dealradar.rate-limit.plans.fallback.window", "PT1M");
        config.put("dealradar.rate-limit.store", "redis");
        config.put("dealradar.rate-limit.redis-key-prefix", "dealradar:test:" + RUN + ":");
        config.put("dealradar.rate-limit.redis-retry-interval", "PT0.3S");
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + CLOSED_PORT);
        config.put("quarkus.oidc.tenant-enabled", "false");
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE.toString());
        return config;
    }

    /** A loopback port nothing listens on: taken from the OS, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
