package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.FatalStartupException;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three backends as WireMock servers on fixed free ports (so that one can be stopped for
 * "connection refused" and started again on the same port), with timeouts short enough for fault tests to run
 * fast yet long enough that a busy machine's slow answer is not taken for a slow backend, and a circuit breaker
 * that opens after 4 calls. Rate-limit counters go under a Redis key prefix of this run's own.
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();
    /** A "slow" backend answers after 3x this; a healthy stub answers at once, which two busy cores may still delay. */
    static final int TIMEOUT_MS = 1500;

    static final int CIRCUIT_DELAY_MS = 1000;

    public static WireMockServer company() {
        return SERVERS.get("company-service");
    }

    public static WireMockServer deal() {
        return SERVERS.get("deal-service");
    }

    public static WireMockServer region() {
        return SERVERS.get("region-service");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] {"company-service", "deal-service", "region-service"}) {
            WireMockServer server = startOnAFreePort();
            SERVERS.put(name, server);
            String prefix = "dealradar.gateway.backends." + name + ".";
            config.put(prefix + "url", "http://127.0.0.1:" + server.port());
            config.put(prefix + "timeout", "PT" + (TIMEOUT_MS / 1000.0) + "S");
            config.put(prefix + "connect-timeout", "PT1S");
            config.put(prefix + "retry.max-retries", "1");
            config.put(prefix + "retry.delay", "PT0.01S");
            config.put(prefix + "circuit-breaker.request-volume-threshold", "4");
            config.put(prefix + "circuit-breaker.failure-ratio", "0.75");
            config.put(prefix + "circuit-breaker.delay", "PT" + (CIRCUIT_DELAY_MS / 1000.0) + "S");
            config.put(prefix + "circuit-breaker.success-threshold", "1");
        }
        // Counters of this run only: runs at the same time (or an earlier one) on the shared Redis never count here.
        config.put("dealradar.rate-limit.redis-key-prefix", "dealradar:test:" + UUID.randomUUID() + ":");
        return config;
    }

    /** A port is only known free once bound: another process taking it first means another port, not a failure. */
    static WireMockServer startOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            WireMockServer server = new WireMockServer(options()
                    .port(freePort())
                    .bindAddress("127.0.0.1")
                    .containerThreads(20)
                    .extensions(new Rendezvous()));
            try {
                server.start();
                return server;
            } catch (FatalStartupException taken) {
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
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

    /**
     * A handshake instead of a stopwatch: stubs with this transformer hold their answer until {@code parties}
     * requests are held at once (across all three servers), so that only requests sent in parallel are answered
     * normally; a request still alone after {@code patience} is answered 500 (the caller asked one after another).
     */
    public static final class Rendezvous implements ResponseDefinitionTransformerV2 {
        static final String NAME = "rendezvous";
        private static volatile CountDownLatch latch = new CountDownLatch(0);
        private static volatile long patienceMillis;
        private static final AtomicInteger WAITING = new AtomicInteger();
        private static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        static void expect(int parties, java.time.Duration patience) {
            latch = new CountDownLatch(parties);
            patienceMillis = patience.toMillis();
            WAITING.set(0);
            MOST_AT_ONCE.set(0);
        }

        /** The most requests that were held at the same time since {@link #expect}. */
        static int mostAtOnce() {
            return MOST_AT_ONCE.get();
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            CountDownLatch all = latch;
            MOST_AT_ONCE.accumulateAndGet(WAITING.incrementAndGet(), Math::max);
            all.countDown();
            boolean met;
            try {
                met = all.await(patienceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                met = false;
            } finally {
                WAITING.decrementAndGet();
            }
            return met
                    ? event.getResponseDefinition()
                    : ResponseDefinitionBuilder.like(event.getResponseDefinition())
                            .but()
                            .withStatus(500)
                            .withBody("rendezvous missed: this request was not sent together with the others")
                            .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
