package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three backends as WireMock servers on fixed free ports (so that one can be stopped for
 * "connection refused" and started again on the same port), with short timeouts and a circuit breaker
 * that opens after 4 calls, so that fault tests run fast.
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();
    static final int TIMEOUT_MS = 600;
    static final int CIRCUIT_DELAY_MS = 1000;

    public static WireMockServer company() {
        return SERVERS.get("company-service");
    }

    static WireMockServer deal() {
        return SERVERS.get("deal-service");
    }

    static WireMockServer region() {
        return SERVERS.get("region-service");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] {"company-service", "deal-service", "region-service"}) {
            WireMockServer server = new WireMockServer(options().port(freePort()).containerThreads(20));
            server.start();
            SERVERS.put(name, server);
            String prefix = "dealradar.gateway.backends." + name + ".";
            config.put(prefix + "url", "http://127.0.0.1:" + server.port());
            config.put(prefix + "timeout", "PT" + (TIMEOUT_MS / 1000.0) + "S");
            config.put(prefix + "connect-timeout", "PT0.5S");
            config.put(prefix + "retry.max-retries", "1");
            config.put(prefix + "retry.delay", "PT0.01S");
            config.put(prefix + "circuit-breaker.request-volume-threshold", "4");
            config.put(prefix + "circuit-breaker.failure-ratio", "0.75");
            config.put(prefix + "circuit-breaker.delay", "PT" + (CIRCUIT_DELAY_MS / 1000.0) + "S");
            config.put(prefix + "circuit-breaker.success-threshold", "1");
        }
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(WireMockServer::stop);
        SERVERS.clear();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
