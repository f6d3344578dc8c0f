package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started under load, on an instance of the test's own: while it is down, requests fail
 * fast with a 503 problem and Retry-After (none hangs past the service's timeouts) and readiness is down; when it
 * is back, readiness comes back by itself and writes succeed again; every write that got a 201 is there afterwards.
 */
class DatabaseOutageTest {

    static final int WRITERS = 4;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void writesFailFastWith503WhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.create()) {
            pg.createDatabase("dealradar_company");
            ServiceProcess company = ServiceProcess.start(
                    "company-service",
                    ServiceProcess.freePort(),
                    Map.of(
                            "quarkus.datasource.jdbc.url",
                            pg.jdbcUrl("dealradar_company"),
                            "quarkus.datasource.username",
                            "postgres",
                            "quarkus.datasource.password",
                            "",
                            "dealradar.seed.enabled",
                            "false"));
            try {
                List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
                Map<String, AtomicInteger> byPhase = new ConcurrentHashMap<>();
                List<String> wrong = Collections.synchronizedList(new ArrayList<>());
                AtomicLong slowest = new AtomicLong();
                AtomicBoolean running = new AtomicBoolean(true);
                String[] phase = {"before"};
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(Thread.ofPlatform().start(() -> {
                        while (running.get()) {
                            String currentPhase = phase[0];
                            long started = System.nanoTime();
                            HttpResponse<String> answer = create(company.url());
                            long millis = (System.nanoTime() - started) / 1_000_000;
                            slowest.accumulateAndGet(millis, Math::max);
                            int status = answer == null ? -1 : answer.statusCode();
                            byPhase.computeIfAbsent(currentPhase + " " + status, k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (status == 201) {
                                acknowledged.add(
                                        answer.headers().firstValue("Location").orElseThrow());
                            } else if (status == 503) {
                                if (!answer.headers()
                                                .firstValue("Content-Type")
                                                .orElse("")
                                                .startsWith("application/problem+json")
                                        || answer.headers()
                                                .firstValue("Retry-After")
                                                .isEmpty()) {
                                    wrong.add("503 without problem body or Retry-After: "
                                            + answer.headers().map() + " " + answer.body());
                                }
                            } else if ("before".equals(currentPhase) || "after".equals(currentPhase)) {
                                wrong.add(currentPhase + ": " + status + " " + (answer == null ? "" : answer.body()));
                            } else if (status != -1) {
                                wrong.add("while down: " + status + " " + answer.body());
                            }
                        }
                    }));
                }
                awaitCount(acknowledged, 20);
                phase[0] = "down";
                pg.stop();
                int ackAtStop = acknowledged.size();
                awaitStatus(healthBase(company) + "/q/health/ready", 503);
                Thread.sleep(3000);
                int readyWhileDown = status(healthBase(company) + "/q/health/ready");
                phase[0] = "restarting";
                pg.start();
                awaitStatus(healthBase(company) + "/q/health/ready", 200);
                phase[0] = "after";
                int ackAfterRestart = acknowledged.size();
                awaitCount(acknowledged, ackAfterRestart + 20);
                running.set(false);
                for (Thread writer : writers) {
                    writer.join(60_000);
                }

                Map<String, Integer> counts = new TreeMap<>();
                byPhase.forEach((k, v) -> counts.put(k, v.get()));
                int missing = 0;
                for (String location : acknowledged) {
                    String path = URI.create(location).getPath();
                    if (status(company.url() + path) != 200) {
                        missing++;
                    }
                }
                System.out.printf(
                        "database outage: answers by phase and status %s; %d writes acknowledged (%d before the stop), "
                                + "%d of them missing afterwards; readiness while down %d; slowest answer %d ms%n",
                        counts, acknowledged.size(), ackAtStop, missing, readyWhileDown, slowest.get());
                assertThat(wrong).isEmpty();
                assertThat(counts.getOrDefault("down 503", 0))
                        .as("503 answers while the database was down")
                        .isGreaterThan(0);
                assertThat(counts.keySet())
                        .as("while down only 503s (or nothing: never a 500)")
                        .allMatch(k -> !k.startsWith("down") || k.equals("down 503") || k.equals("down 201"));
                assertThat(readyWhileDown).isEqualTo(503);
                assertThat(counts.getOrDefault("after 201", 0)).isGreaterThanOrEqualTo(20);
                assertThat(missing).as("acknowledged writes lost").isZero();
                assertThat(slowest.get())
                        .as("no request hangs past the pool's acquisition timeout and the client's")
                        .isLessThan(20_000);
            } finally {
                company.close();
            }
        }
    }

    /**
     * Where the service answers health: its management interface where it has one (main moves health there), else
     * its public port. (Reflection so that this test runs on either side of that change.)
     */
    private static String healthBase(ServiceProcess service) {
        try {
            return (String) ServiceProcess.class.getMethod("managementUrl").invoke(service);
        } catch (ReflectiveOperationException e) {
            return service.url();
        }
    }

    private HttpResponse<String> create(String base) {
        String name = "Outage Co " + UUID.randomUUID().toString().substring(0, 8);
        try {
            return ContractValidator.checked(http.send(
                    HttpRequest.newBuilder(URI.create(base + "/companies"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", InternalTokens.analyst())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name": "%s", "country": "DE", "kind": "group", "sources": [{"kind": "general_knowledge", "note": "outage test"}]}
                            """.formatted(name)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int status(String url) {
        try {
            return ContractValidator.checked(http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", InternalTokens.analyst())
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

    private void awaitStatus(String url, int expected) throws InterruptedException {
        for (int i = 0; i < 240 && status(url) != expected; i++) {
            Thread.sleep(250);
        }
        assertThat(status(url)).as(url).isEqualTo(expected);
    }

    private static void awaitCount(List<String> list, int count) throws InterruptedException {
        for (int i = 0; i < 600 && list.size() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(list.size()).isGreaterThanOrEqualTo(count);
    }
}
