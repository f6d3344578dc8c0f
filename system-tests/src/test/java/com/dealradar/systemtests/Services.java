package com.dealradar.systemtests;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.KeycloakServer;
import com.dealradar.platform.testing.KeycloakTokens;
import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services under test, each started once per test JVM on a free loopback port with its own fresh
 * PostgreSQL database, and wired to each other through the same rest-client keys as in production.
 * Services are started on first use, in dependency order.
 */
public final class Services {

    private static final Map<String, ServiceProcess> RUNNING = new HashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();

    /**
     * Calls without credentials of their own go as an analyst: through the gateway with a real Keycloak
     * token, straight to a backend with an internal token (as the gateway would send).
     */
    static final Filter AS_ANALYST = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName("X-API-Key")) {
            boolean public_ = URI.create(request.getURI()).getPath().startsWith("/api/v1");
            request.header("Authorization", public_ ? KeycloakTokens.bearer("analyst") : InternalTokens.analyst());
        }
        return context.next(request, response);
    };

    private static boolean defaultsInstalled;

    static {
        installRestAssuredDefaults();
    }

    /** The default caller, and the contract check of every answer of the public API a test receives; once. */
    static synchronized void installRestAssuredDefaults() {
        if (!defaultsInstalled) {
            RestAssured.filters(AS_ANALYST, new ContractValidationFilter());
            defaultsInstalled = true;
        }
    }

    private Services() {}

    public static synchronized ServiceProcess company() {
        return RUNNING.computeIfAbsent("company-service", m -> start(m, Map.of()));
    }

    public static synchronized ServiceProcess deal() {
        company();
        return RUNNING.computeIfAbsent(
                "deal-service",
                m -> start(
                        m,
                        Map.of(
                                "quarkus.rest-client.company-service.url", url("company-service"),
                                "quarkus.rest-client.region-service.url", url("region-service"))));
    }

    public static synchronized ServiceProcess region() {
        deal();
        return RUNNING.computeIfAbsent(
                "region-service",
                m -> start(
                        m,
                        Map.of(
                                "quarkus.rest-client.company-service.url", url("company-service"),
                                "quarkus.rest-client.deal-service.url", url("deal-service"))));
    }

    /** The local-development admin key the gateway under test accepts (DEALRADAR_BOOTSTRAP_API_KEY). */
    public static final String ADMIN_KEY = "drk_systest0_bootstrap-admin-key-for-system-tests-only";

    /** The gateway in front of the three services, with its own database, Redis and the real Keycloak. */
    public static synchronized ServiceProcess gateway() {
        region();
        return RUNNING.computeIfAbsent("gateway", m -> startGateway(m, "dealradar_system_gateway", Map.of()));
    }

    /**
     * Another gateway replica: same backends, same database, same Redis (so limits and revocations are
     * shared), plus {@code extraConfig}.
     */
    public static synchronized ServiceProcess gatewayReplica(String name, Map<String, String> extraConfig) {
        gateway();
        return RUNNING.computeIfAbsent("gateway#" + name, m -> startGateway("gateway", null, extraConfig));
    }

    private static ServiceProcess startGateway(String module, String freshDatabase, Map<String, String> extraConfig) {
        Map<String, String> config = new HashMap<>();
        config.put("dealradar.gateway.backends.company-service.url", url("company-service"));
        config.put("dealradar.gateway.backends.deal-service.url", url("deal-service"));
        config.put("dealradar.gateway.backends.region-service.url", url("region-service"));
        // The shared gateway waits up to 10 s for a backend (the product's 3 s is for a machine that is not also
        // running the test JVM, PostgreSQL, Keycloak and services being started and stopped by other tests on two
        // cores): a stall there once turned WriteAttributionTest's audit read into a 504. Tests of timeouts and
        // outages start gateways of their own.
        for (String backend : List.of("company-service", "deal-service", "region-service")) {
            config.put("dealradar.gateway.backends." + backend + ".timeout", "PT10S");
        }
        String database = "dealradar_system_gateway" + System.getenv().getOrDefault("DEALRADAR_TEST_DB_SUFFIX", "");
        config.put(
                "quarkus.datasource.jdbc.url",
                freshDatabase != null
                        ? PostgresDatabase.fresh(freshDatabase)
                        : PostgresDatabase.serverUrl() + "/" + database);
        config.put("quarkus.datasource.username", PostgresDatabase.user());
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.oidc.auth-server-url", KeycloakServer.realmUrl());
        // The LOCAL DEVELOPMENT secret of the gateway's own client in keycloak/dealradar-realm.json (the gateway runs
        // in its production profile here, which has no default for it).
        config.put("quarkus.oidc-client.credentials.secret", "gateway-service-account-DEV-ONLY");
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:6379");
        config.put("dealradar.security.bootstrap-api-key", ADMIN_KEY);
        // The security matrix refuses hundreds of requests from one address on purpose: not credential guessing.
        config.put("dealradar.rate-limit.failures.per-address", "1000000");
        config.put("dealradar.rate-limit.failures.per-key-prefix", "1000000");
        // Events (issue #16): the relay fills the shared event log quickly; webhook receivers of the tests are plain
        // http on
        // loopback; only the replicas a webhook test starts deliver (so it knows who does).
        config.put("dealradar.feed.relay-interval", "PT0.3S");
        config.put("dealradar.webhooks.require-https", "false");
        config.put("dealradar.webhooks.allow-private-addresses", "true");
        config.put("dealradar.webhooks.delivery-enabled", "false");
        config.putAll(extraConfig);
        return ServiceProcess.start(module, config);
    }

    /**
     * A backend of a test's own (which it may stop and start) on a fresh database, wired to the shared services
     * like the shared one; {@code overrides} wins over the defaults.
     */
    public static ServiceProcess privateBackend(String module, String database, Map<String, String> overrides) {
        gateway();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.company-service.url", url("company-service"));
        config.put("quarkus.rest-client.region-service.url", url("region-service"));
        config.put("quarkus.rest-client.deal-service.url", url("deal-service"));
        config.put("quarkus.datasource.jdbc.url", PostgresDatabase.fresh(database));
        config.put("quarkus.datasource.username", PostgresDatabase.user());
        config.put("quarkus.datasource.password", "");
        config.putAll(overrides);
        return ServiceProcess.start(module, config);
    }

    /** A gateway of a test's own, in front of the shared backends unless {@code overrides} points elsewhere. */
    public static ServiceProcess privateGateway(Map<String, String> overrides) {
        gateway();
        return startGateway("gateway", null, overrides);
    }

    /** A backend port is reserved before the backend starts, so that services may point at each other. */
    static synchronized String url(String module) {
        return "http://127.0.0.1:" + PORTS.computeIfAbsent(module, m -> ServiceProcess.freePort());
    }

    private static ServiceProcess start(String module, Map<String, String> wiring) {
        Map<String, String> config = new HashMap<>(wiring);
        config.put(
                "quarkus.datasource.jdbc.url",
                PostgresDatabase.fresh(
                        "dealradar_system_" + module.replace("-service", "").replace('-', '_')));
        config.put("quarkus.datasource.username", PostgresDatabase.user());
        config.put("quarkus.datasource.password", "");
        int port = Integer.parseInt(url(module).substring(url(module).lastIndexOf(':') + 1));
        return ServiceProcess.start(module, port, config);
    }
}
