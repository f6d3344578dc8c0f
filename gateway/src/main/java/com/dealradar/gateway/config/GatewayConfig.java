package com.dealradar.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's own configuration: where the backends are and how each is called. Every resilience setting
 * is per backend ({@code dealradar.gateway.backends.<company-service|deal-service|region-service>.*}).
 */
@ConfigMapping(prefix = "dealradar.gateway")
public interface GatewayConfig {

    /** The backends by name; the route table maps public resources to these names. */
    Map<String, BackendConfig> backends();

    /** Public resource (first path segment under /api/v1) to backend name. */
    @WithName("routes")
    Map<String, String> routes();

    /** Backend paths (first segment) that are never reachable through the gateway, whatever the route table says. */
    @WithDefault("clearances")
    List<String> internalResources();

    interface BackendConfig {

        /** Base URL, e.g. http://localhost:8081 */
        String url();

        /**
         * The backends this one calls on a caller's behalf, passing on the caller's internal token (deal-service asks
         * company-service and region-service, ...): a token signed for this backend names them as audiences too. Every
         * other backend refuses it, so a token one backend received reaches only where that backend itself may call.
         */
        Optional<Set<String>> forwardsTo();

        /** TCP connect timeout. */
        @WithDefault("PT1S")
        Duration connectTimeout();

        /** Whole-call timeout (connect + response); a down or slow backend costs a request no more than this. */
        @WithDefault("PT3S")
        Duration timeout();

        /**
         * How long a kept-alive connection to the backend is used for new calls; the first call after this asks the
         * backend to close it once answered ({@code Connection: close}), and the next call opens a new one. Below the
         * backends' preStop pause (10 s), so that a replica being stopped (out of the Service's endpoints, still
         * serving) gets no new call on an old connection once it starts refusing them: without it, the gateway kept
         * its connections to a stopping replica and sent writes it then refused (503), answered 502 to the client.
         */
        @WithDefault("PT5S")
        Duration connectionMaxAge();

        Retry retry();

        CircuitBreaker circuitBreaker();

        Bulkhead bulkhead();

        interface Retry {
            /** Extra attempts for idempotent calls (GET, HEAD) that failed to connect or got 502/503/504. 0 disables. */
            @WithDefault("2")
            int maxRetries();

            /** Pause before a retry. */
            @WithDefault("PT0.1S")
            Duration delay();
        }

        interface CircuitBreaker {
            /** Calls in the rolling window the failure ratio is computed over. */
            @WithDefault("10")
            int requestVolumeThreshold();

            /** Share of failed calls in the window that opens the circuit. */
            @WithDefault("0.5")
            double failureRatio();

            /** How long the circuit stays open before trial calls are let through. */
            @WithDefault("PT5S")
            Duration delay();

            /** Successful trial calls that close the circuit again. */
            @WithDefault("2")
            int successThreshold();
        }

        interface Bulkhead {
            /** Concurrent calls to this backend. */
            @WithDefault("50")
            int limit();

            /** Calls waiting for a slot before further calls are refused. */
            @WithDefault("100")
            int queueSize();
        }
    }
}
