package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.Races;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Redis (the shared rate-limit counters) goes away and comes back (README, "Rate limits"): while it is down the
 * gateway answers and stays ready; once it is back, within the retry interval (5 s) the gateway counts in Redis
 * again, so that replicas share one limit. The Redis is the test's own, on a port of its own (never the machine's
 * 6379), and the counters are read in Redis itself.
 */
class RedisRecoveryTest {

    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesWhileRedisIsDownAndSharesCountersAgainOnceItIsBack() throws Exception {
        Redis redis = Redis.start();
        String prefix = "dealradar:redis-recovery:" + UUID.randomUUID() + ":";
        ServiceProcess gateway = Services.privateGateway(Map.of(
                "quarkus.redis.hosts",
                "redis://127.0.0.1:" + redis.port,
                "dealradar.rate-limit.redis-key-prefix",
                prefix,
                "dealradar.rate-limit.redis-retry-interval",
                "PT" + RETRY_INTERVAL.toSeconds() + "S"));
        try {
            // Up: every request is counted in Redis. (Requests at least 30 ms apart: a caller slower than one request
            // per half lease interval, 25 ms as shipped, takes one number per round trip; faster callers are counted
            // in leases, RateLimitTest's subject.)
            for (int i = 0; i < 5; i++) {
                assertThat(get(gateway).statusCode()).isEqualTo(200);
                Thread.sleep(30);
            }
            long up = redis.total(prefix);

            // Down: answers and readiness go on.
            redis.stop();
            List<Integer> downStatuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                downStatuses.add(get(gateway).statusCode());
            }
            int ready = ContractValidator.checked(http.send(
                            HttpRequest.newBuilder(URI.create(gateway.managementUrl() + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .statusCode();

            // Back (empty, no persistence): within the retry interval the gateway counts there again.
            redis.restart();
            long back = System.nanoTime();
            int untilShared = 0;
            while (redis.total(prefix) == 0
                    && System.nanoTime() - back < RETRY_INTERVAL.plusSeconds(10).toNanos()) {
                assertThat(get(gateway).statusCode()).isEqualTo(200);
                untilShared++;
                Thread.sleep(200);
            }
            long sharedAfterMillis = (System.nanoTime() - back) / 1_000_000;
            long before = redis.total(prefix);
            HttpResponse<Void> last = null;
            for (int i = 0; i < 10; i++) {
                last = get(gateway);
                assertThat(last.statusCode()).isEqualTo(200);
                Thread.sleep(30);
            }
            long after = redis.total(prefix);
            int limit = number(last.headers().firstValue("RateLimit-Policy").orElseThrow(), "q");
            int remaining = number(last.headers().firstValue("RateLimit").orElseThrow(), "r");
            System.out.printf(
                    "redis recovery: up %d counted in Redis; down %s, readiness %d; back: counted in Redis again after "
                            + "%d ms (%d requests), then 10 requests -> Redis counter %d -> %d, header remaining %d of %d%n",
                    up, downStatuses, ready, sharedAfterMillis, untilShared, before, after, remaining, limit);
            assertThat(up).as("requests counted in Redis while it was up").isEqualTo(5);
            assertThat(downStatuses).as("answers while Redis was down").containsOnly(200);
            assertThat(ready).as("readiness while Redis was down").isEqualTo(200);
            assertThat(before)
                    .as("counting in Redis again within the retry interval (+10 s slack) after it came back")
                    .isPositive();
            assertThat(after - before)
                    .as("each request after recovery counted in Redis, once")
                    .isEqualTo(10);
            assertThat(remaining)
                    .as("the answer's remaining budget is Redis's count (shared), not a replica's own")
                    .isEqualTo(limit - after);
        } finally {
            gateway.close();
            redis.stop();
        }
    }

    /**
     * Whether Redis is back is asked of Redis itself: a busy caller's numbers leased before the outage answer without
     * Redis, and before, the retry that such an answer served counted as Redis being back ("available again", then
     * the next requests went to the missing Redis and warned again: a flap every retry interval).
     */
    @Test
    void numbersLeasedBeforeAnOutageDoNotTellTheGatewayRedisIsBack() throws Exception {
        Redis redis = Redis.start();
        ServiceProcess gateway = Services.privateGateway(Map.of(
                "quarkus.redis.hosts",
                "redis://127.0.0.1:" + redis.port,
                "dealradar.rate-limit.redis-key-prefix",
                "dealradar:redis-leases:" + UUID.randomUUID() + ":",
                "dealradar.rate-limit.redis-retry-interval",
                "PT1S"));
        try {
            // Busy: 8 clients at once, so that the caller's leases grow past one number.
            List<Integer> busy =
                    Races.together(java.util.Collections.<java.util.function.Supplier<Integer>>nCopies(8, () -> {
                        int served = 0;
                        for (int i = 0; i < 25; i++) {
                            try {
                                served += get(gateway).statusCode() == 200 ? 1 : 0;
                            } catch (IOException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        return served;
                    }));
            assertThat(busy).containsOnly(25);
            redis.stop();
            // Down for about four retry intervals. The busy caller goes on, and now and then a request with an unknown
            // key is refused, whose refusal is counted in Redis (or, while it is away, in memory): the first one finds
            // Redis gone. A retry after that, made by the busy caller, was answered from its leased numbers.
            List<Integer> statuses = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofMillis(4500).toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                statuses.add(
                        i % 5 == 0
                                ? get(gateway, "drk_unknown0_" + i).statusCode()
                                : get(gateway).statusCode());
                Thread.sleep(100);
            }
            String log = java.nio.file.Files.readString(gateway.log());
            int unavailable = occurrences(log, "Redis is unavailable for rate limiting");
            int back = occurrences(log, "Redis is available again");
            System.out.printf(
                    "redis down after 200 busy requests: %d requests over 4.5 s (%s); log: %d unavailable, %d back%n",
                    statuses.size(), statuses.stream().distinct().toList(), unavailable, back);
            assertThat(statuses).containsOnly(200, 401);
            assertThat(back)
                    .as("times Redis was taken for back while it was down")
                    .isZero();
            assertThat(unavailable).as("warnings for the one outage").isEqualTo(1);
        } finally {
            gateway.close();
            redis.stop();
        }
    }

    private static int occurrences(String text, String phrase) {
        int count = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
            count++;
        }
        return count;
    }

    private HttpResponse<Void> get(ServiceProcess gateway) throws IOException, InterruptedException {
        return get(gateway, Services.ADMIN_KEY);
    }

    private HttpResponse<Void> get(ServiceProcess gateway, String key) throws IOException, InterruptedException {
        return ContractValidator.checked(http.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/companies/zte"))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-API-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.discarding()));
    }

    private static int number(String header, String parameter) {
        Matcher m = Pattern.compile(";" + parameter + "=(\\d+)").matcher(header);
        assertThat(m.find()).as("%s in %s", parameter, header).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A redis-server of the test's own: the port is the one it bound (another one if it was taken meanwhile). */
    static final class Redis {
        final int port;
        private final String password;
        private Process process;

        private Redis(int port, String password, Process process) {
            this.port = port;
            this.password = password;
            this.process = process;
        }

        static Redis start() throws Exception {
            return start(null);
        }

        /** With {@code password}, clients must AUTH (requirepass). */
        static Redis start(String password) throws Exception {
            for (int attempt = 1; ; attempt++) {
                int port = ServiceProcess.freePort();
                Process process = launch(port, password);
                if (process != null) {
                    return new Redis(port, password, process);
                }
                if (attempt == 5) {
                    throw new IllegalStateException("redis-server did not start");
                }
            }
        }

        void restart() throws Exception {
            process = launch(port, password);
            if (process == null) {
                throw new IllegalStateException(
                        "redis-server could not listen on " + port + " again (taken meanwhile)");
            }
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                process.waitFor();
            }
        }

        /** The sum of the counters under {@code prefix}, read with redis-cli. */
        long total(String prefix) throws Exception {
            long sum = 0;
            for (String key : cli("--scan", "--pattern", prefix + "*")
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList()) {
                sum += Long.parseLong(cli("GET", key).strip());
            }
            return sum;
        }

        private String cli(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
            if (password != null) {
                command.addAll(List.of("--no-auth-warning", "-a", password));
            }
            command.addAll(List.of(args));
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor()).as("redis-cli %s: %s", List.of(args), out).isZero();
            return out;
        }

        /** The started process once it answers on {@code port}; null when it exited (the port was taken). */
        private static Process launch(int port, String password) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    "redis-server",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no"));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            Process redis = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            for (int i = 0; i < 200; i++) {
                if (!redis.isAlive()) {
                    return null;
                }
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    return redis;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            redis.destroy();
            throw new IllegalStateException("redis-server did not answer on " + port);
        }
    }
}
