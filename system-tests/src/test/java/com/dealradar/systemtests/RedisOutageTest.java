package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Redis (the rate-limit counters) stopped under load: the gateway keeps serving (counting in memory), and
 * goes back to Redis when it returns (its counters appear in the restarted, empty Redis). The Redis is one of the test's own, on its own port.
 */
class RedisOutageTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theGatewayKeepsServingWhileRedisIsDown() throws Exception {
        int port = ServiceProcess.freePort();
        Process redis = startRedis(port);
        String prefix = "dealradar:redis-outage:" + System.nanoTime() + ":";
        ServiceProcess gateway = Services.privateGateway(Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + port, "dealradar.rate-limit.redis-key-prefix", prefix));
        try {
            Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            String[] phase = {"up"};
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        int status = get(gateway.url() + "/api/v1/companies/zte");
                        counts.computeIfAbsent(phase[0] + " " + status, k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }));
            }
            Thread.sleep(2000);
            int countedBefore = keysUnder(port, prefix);
            phase[0] = "down";
            redis.destroy();
            redis.waitFor();
            Thread.sleep(4000);
            phase[0] = "back";
            redis = startRedis(port);
            Thread.sleep(4000);
            // The gateway tries Redis again every 5 s while it counts in memory.
            int countedAfter = keysUnder(port, prefix);
            for (int i = 0; i < 40 && countedAfter == 0; i++) {
                Thread.sleep(250);
                countedAfter = keysUnder(port, prefix);
            }
            running.set(false);
            for (Thread thread : load) {
                thread.join(60_000);
            }
            Map<String, Integer> byPhase = new TreeMap<>();
            counts.forEach((k, v) -> byPhase.put(k, v.get()));
            System.out.println("redis outage: answers by phase and status " + byPhase + "; rate-limit keys in Redis"
                    + " before the outage " + countedBefore + ", in the new Redis after it " + countedAfter);
            assertThat(byPhase.keySet())
                    .as("every answer a 200, also while Redis was down")
                    .allMatch(k -> k.endsWith(" 200"));
            assertThat(byPhase.getOrDefault("down 200", 0)).isGreaterThan(0);
            assertThat(byPhase.getOrDefault("back 200", 0)).isGreaterThan(0);
            assertThat(countedBefore)
                    .as("the gateway counted in Redis before the outage")
                    .isPositive();
            assertThat(countedAfter)
                    .as("the gateway counts in the restarted (empty) Redis again")
                    .isPositive();
        } finally {
            gateway.close();
            redis.destroy();
        }
    }

    private static Process startRedis(int port) throws IOException, InterruptedException {
        Process redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return redis;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on " + port);
    }

    /** How many keys Redis on {@code port} holds under {@code prefix}. */
    private static int keysUnder(int port, String prefix) throws IOException, InterruptedException {
        Process scan = new ProcessBuilder(
                        "redis-cli",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "--scan",
                        "--pattern",
                        prefix + "*")
                .redirectErrorStream(true)
                .start();
        String out = new String(scan.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(scan.waitFor()).as("redis-cli: " + out).isZero();
        return (int) out.lines().filter(line -> line.startsWith(prefix)).count();
    }

    private int get(String url) {
        try {
            return ContractValidator.checked(http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("X-API-Key", Services.ADMIN_KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
