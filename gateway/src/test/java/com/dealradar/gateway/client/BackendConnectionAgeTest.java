package com.dealradar.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.gateway.config.GatewayConfig.BackendConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's connections to a backend are renewed once they are {@code connection-max-age} old, between calls and
 * without failing one: a replica being stopped (out of the Service, still serving for its preStop pause) gets no new
 * call on an old connection once it refuses them. A real HTTP server on loopback counts the connections. (A Quarkus
 * test for the application's Vert.x and fault tolerance; the client under test is built here with its own settings.)
 */
@QuarkusTest
class BackendConnectionAgeTest {

    @Inject
    Vertx vertx;

    /** The backend's own Vert.x: a server on the application's would be counted in its HTTP metrics. */
    private Vertx backendVertx;

    private HttpServer backend;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void startBackend() throws Exception {
        connections.set(0);
        backendVertx = Vertx.vertx();
        backend = backendVertx
                .createHttpServer()
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"ok\": true}"))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        backendVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectionsOlderThanTheMaxAgeAreRenewedBetweenCalls() throws Exception {
        Map<String, Integer> renewed = calls(Duration.ofMillis(300));
        int withShortAge = connections.getAndSet(0);
        Map<String, Integer> kept = calls(Duration.ofHours(1));
        int withLongAge = connections.get();

        System.out.printf(
                "calls for 1.5 s, one at a time: max age 300 ms -> %s on %d connections; max age 1 h -> %s on %d"
                        + " connections%n",
                renewed, withShortAge, kept, withLongAge);
        assertThat(renewed)
                .as("no call failed while its connection was renewed")
                .isEqualTo(Map.of("200", count(renewed)));
        assertThat(kept).isEqualTo(Map.of("200", count(kept)));
        // Calls from this (test) thread run on the event loops in turn, and each loop has its connections of its own:
        // kept alive, at most one per loop; renewed, several per loop.
        assertThat(withLongAge)
                .as("kept-alive connections: at most one per event loop")
                .isBetween(1, 2 * Runtime.getRuntime().availableProcessors());
        assertThat(withShortAge)
                .as("connections opened in 1.5 s with a 300 ms max age")
                .isGreaterThanOrEqualTo(3)
                .isGreaterThan(2 * withLongAge);
    }

    /** Calls the backend one after another for 1.5 s through a client with {@code maxAge}; answers by status. */
    private Map<String, Integer> calls(Duration maxAge) throws Exception {
        BackendClient client = new BackendClient(
                "connection-age-" + maxAge.toMillis(), // circuit breakers are named, once per application
                config(backend.actualPort(), maxAge),
                vertx,
                new ObjectMapper(),
                new SimpleMeterRegistry());
        Map<String, Integer> answers = new TreeMap<>();
        long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        try {
            while (System.nanoTime() < end) {
                String outcome;
                try {
                    outcome = Integer.toString(client.send(BackendRequest.get("/companies", Map.of()))
                            .get(10, TimeUnit.SECONDS)
                            .status());
                } catch (Exception e) {
                    outcome = e.getClass().getSimpleName();
                }
                answers.merge(outcome, 1, Integer::sum);
                Thread.sleep(20);
            }
        } finally {
            client.close();
        }
        return answers;
    }

    private static int count(Map<String, Integer> answers) {
        return answers.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static BackendConfig config(int port, Duration maxAge) {
        return new BackendConfig() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public Optional<Set<String>> forwardsTo() {
                return Optional.empty();
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public Duration connectionMaxAge() {
                return maxAge;
            }

            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public int maxRetries() {
                        return 0;
                    }

                    @Override
                    public Duration delay() {
                        return Duration.ofMillis(100);
                    }
                };
            }

            @Override
            public CircuitBreaker circuitBreaker() {
                return new CircuitBreaker() {
                    @Override
                    public int requestVolumeThreshold() {
                        return 10;
                    }

                    @Override
                    public double failureRatio() {
                        return 0.5;
                    }

                    @Override
                    public Duration delay() {
                        return Duration.ofSeconds(5);
                    }

                    @Override
                    public int successThreshold() {
                        return 2;
                    }
                };
            }

            @Override
            public Bulkhead bulkhead() {
                return new Bulkhead() {
                    @Override
                    public int limit() {
                        return 10;
                    }

                    @Override
                    public int queueSize() {
                        return 10;
                    }
                };
            }
        };
    }
}
