package com.dealradar.systemtests;

import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A stack as a new developer meets it with {@code bin/run}: four services on fresh data with the seed loaded, the
 * gateway with the local run's runtime settings (no Keycloak, rate limits counted in memory, an admin API key
 * generated into its data directory). The packaged jars are the production build, so the databases are
 * PostgreSQL (fresh ones) rather than the local profile's H2; everything a caller sees is the local run's.
 * Started once per test JVM, on first use, for the tests that walk the documentation (Swagger UI, the contract's
 * examples, the README's curls): their writes never meet the other system tests' data.
 */
public final class LocalRun {

    private static LocalRun instance;

    private final ServiceProcess gateway;
    private final String adminKey;

    private LocalRun(ServiceProcess gateway, String adminKey) {
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    public static synchronized LocalRun get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String url() {
        return gateway.url();
    }

    public int port() {
        return gateway.port();
    }

    /** The admin API key the gateway generated, read from its data directory as bin/run prints it. */
    public String adminKey() {
        return adminKey;
    }

    private static LocalRun start() {
        Map<String, Integer> ports = new HashMap<>();
        for (String module : List.of("company-service", "deal-service", "region-service")) {
            ports.put(module, ServiceProcess.freePort());
        }
        // Each backend gets the URLs of the services it calls (another key would be an unrecognised one, a WARN).
        Map<String, List<String>> calls = Map.of(
                "company-service", List.of(),
                "deal-service", List.of("company-service", "region-service"),
                "region-service", List.of("company-service", "deal-service"));
        // The backends check each other only when asked, so they can start side by side.
        List<CompletableFuture<ServiceProcess>> backends = ports.entrySet().stream()
                .map(e -> CompletableFuture.supplyAsync(() -> {
                    Map<String, String> config = new HashMap<>();
                    calls.get(e.getKey())
                            .forEach(called -> config.put(
                                    "quarkus.rest-client." + called + ".url", "http://127.0.0.1:" + ports.get(called)));
                    config.put(
                            "quarkus.datasource.jdbc.url",
                            PostgresDatabase.fresh(
                                    "dealradar_local_" + e.getKey().replace("-service", "")));
                    config.put("quarkus.datasource.username", PostgresDatabase.user());
                    config.put("quarkus.datasource.password", "");
                    return ServiceProcess.start(e.getKey(), e.getValue(), config);
                }))
                .toList();
        backends.forEach(CompletableFuture::join);
        try {
            Path dataDir = Files.createTempDirectory("dealradar-local-run");
            Map<String, String> config = new HashMap<>();
            ports.forEach((module, port) ->
                    config.put("dealradar.gateway.backends." + module + ".url", "http://127.0.0.1:" + port));
            config.put("quarkus.datasource.jdbc.url", PostgresDatabase.fresh("dealradar_local_gateway"));
            config.put("quarkus.datasource.username", PostgresDatabase.user());
            config.put("quarkus.datasource.password", "");
            config.put("dealradar.data-dir", dataDir.toString());
            config.put("dealradar.security.generate-bootstrap-key", "true");
            config.put("dealradar.rate-limit.store", "memory");
            config.put("quarkus.oidc.tenant-enabled", "false");
            // As the local profile: webhook receivers on loopback over plain http.
            config.put("dealradar.webhooks.require-https", "false");
            config.put("dealradar.webhooks.allow-private-addresses", "true");
            ServiceProcess gateway = ServiceProcess.start("gateway", ServiceProcess.freePort(), config);
            String key = Files.readString(dataDir.resolve("bootstrap-api-key")).strip();
            return new LocalRun(gateway, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
