package com.dealradar.gateway.partner;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Settings of the partner and rate-limit tests: a bootstrap admin key of this run, Redis counters under a prefix
 * of this run (so that runs never share counters), small plans, and a log file the tests scan for secrets.
 */
public class PartnerTestConfig implements QuarkusTestResourceLifecycleManager {

    /** Kept in system properties: the tests and the application may see this class through different class loaders. */
    public static final String RUN = (String) System.getProperties()
            .computeIfAbsent(
                    "dealradar.test.partner-run",
                    k -> UUID.randomUUID().toString().substring(0, 8));

    public static final String BOOTSTRAP_KEY = (String) System.getProperties()
            .computeIfAbsent(
                    "dealradar.test.bootstrap-key", k -> "test-bootstrap-" + UUID.randomUUID() + UUID.randomUUID());
    public static final String REDIS_PREFIX = "dealradar:test:" + RUN + ":";
    public static final Path LOG_FILE =
            Path.of("target", "partner-tests-" + RUN + ".log").toAbsolutePath();
    /** Refusals allowed per source address and per key prefix in these tests (other tests stay below them). */
    public static final int REFUSALS_PER_ADDRESS = 40;

    public static final int REFUSALS_PER_KEY_PREFIX = 8;
    /** A plan for the exact-limit test. */
    public static final int TINY_LIMIT = 10;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("dealradar.security.bootstrap-api-key", BOOTSTRAP_KEY);
        config.put("dealradar.security.generate-bootstrap-key", "false");
        config.put("dealradar.api-keys.bootstrap-plan", "test-admin");
        config.put("dealradar.rate-limit.store", "redis");
        config.put("dealradar.rate-limit.redis-key-prefix", REDIS_PREFIX);
        config.put("dealradar.rate-limit.plans.test-admin.limit", "100000");
        config.put("dealradar.rate-limit.plans.test-admin.window", "PT1M");
        config.put("dealradar.rate-limit.plans.tiny.limit", Integer.toString(TINY_LIMIT));
        config.put("dealradar.rate-limit.plans.tiny.window", "PT1M");
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:6379");
        config.put("dealradar.rate-limit.failures.per-address", Integer.toString(REFUSALS_PER_ADDRESS));
        config.put("dealradar.rate-limit.failures.per-key-prefix", Integer.toString(REFUSALS_PER_KEY_PREFIX));
        // These tests need no Keycloak: do not wait for one at start.
        config.put("quarkus.oidc.tenant-enabled", "false");
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE.toString());
        config.put("quarkus.log.category.\"com.dealradar.gateway\".level", "DEBUG");
        return config;
    }

    @Override
    public void stop() {}
}
