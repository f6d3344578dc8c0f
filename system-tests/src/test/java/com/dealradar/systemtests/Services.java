package com.dealradar.systemtests;

import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.ServiceProcess;
import java.util.HashMap;
import java.util.Map;

/**
 * The services under test, each started once per test JVM on a free loopback port with its own fresh
 * PostgreSQL database, and wired to each other through the same rest-client keys as in production.
 * Services are started on first use, in dependency order.
 */
public final class Services {

    private static final Map<String, ServiceProcess> RUNNING = new HashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();

    private Services() {
    }

    public static synchronized ServiceProcess company() {
        return RUNNING.computeIfAbsent("company-service", m -> start(m, Map.of()));
    }

    public static synchronized ServiceProcess deal() {
        company();
        return RUNNING.computeIfAbsent("deal-service", m -> start(m, Map.of(
                "quarkus.rest-client.company-service.url", url("company-service"),
                "quarkus.rest-client.region-service.url", url("region-service"))));
    }

    public static synchronized ServiceProcess region() {
        deal();
        return RUNNING.computeIfAbsent("region-service", m -> start(m, Map.of(
                "quarkus.rest-client.company-service.url", url("company-service"),
                "quarkus.rest-client.deal-service.url", url("deal-service"))));
    }

    /** The gateway in front of the three services (which are started first), without a database of its own. */
    public static synchronized ServiceProcess gateway() {
        region();
        return RUNNING.computeIfAbsent("gateway", m -> ServiceProcess.start(m, ServiceProcess.freePort(), Map.of(
                "dealradar.gateway.backends.company-service.url", url("company-service"),
                "dealradar.gateway.backends.deal-service.url", url("deal-service"),
                "dealradar.gateway.backends.region-service.url", url("region-service"))));
    }

    /** A backend port is reserved before the backend starts, so that services may point at each other. */
    static synchronized String url(String module) {
        return "http://127.0.0.1:" + PORTS.computeIfAbsent(module, m -> ServiceProcess.freePort());
    }

    private static ServiceProcess start(String module, Map<String, String> wiring) {
        Map<String, String> config = new HashMap<>(wiring);
        config.put("quarkus.datasource.jdbc.url",
                PostgresDatabase.fresh("dealradar_system_" + module.replace("-service", "").replace('-', '_')));
        config.put("quarkus.datasource.username", PostgresDatabase.user());
        config.put("quarkus.datasource.password", "");
        int port = Integer.parseInt(url(module).substring(url(module).lastIndexOf(':') + 1));
        return ServiceProcess.start(module, port, config);
    }
}
