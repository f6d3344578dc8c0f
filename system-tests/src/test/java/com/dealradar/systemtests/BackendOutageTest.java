package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * region-service stopped under load, through a gateway of the test's own: operations that do not need it keep
 * succeeding, the dossier (which reads it) answers partially, and full answers come back by themselves once it
 * is started again on the same port.
 */
class BackendOutageTest {

    static final String DEAL = "973a4522-3530-5077-b71c-a59a70f0ce3f";
    static final String[] INDEPENDENT = {"/api/v1/companies/zte", "/api/v1/deals?limit=5", "/api/v1/deals/" + DEAL};
    static final String DOSSIER = "/api/v1/deals/" + DEAL + "/dossier";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void otherOperationsKeepWorkingCompositesArePartialAndRecover() throws Exception {
        ServiceProcess region = Services.privateBackend("region-service", "dealradar_system_region_outage", Map.of());
        ServiceProcess gateway = Services.privateGateway(Map.of(
                "dealradar.gateway.backends.region-service.url", region.url(), "dealradar.rate-limit.store", "memory"));
        try {
            // Warm-up: a cold gateway and backends may need a few calls before a complete answer.
            JsonNode first = null;
            for (int i = 0; i < 240 && (first == null || !first.path("complete").asBoolean()); i++) {
                first = dossier(gateway.url());
                Thread.sleep(250);
            }
            assertThat(first).isNotNull();
            assertThat(first.path("complete").asBoolean())
                    .as("the dossier is complete while all backends run")
                    .isTrue();
            Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
            List<String> wrong = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            String[] phase = {"up"};
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int n = t;
                load.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            String path = INDEPENDENT[(n + i) % INDEPENDENT.length];
                            int status = get(gateway.url() + path).statusCode();
                            counts.computeIfAbsent(phase[0] + " independent " + status, k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (status != 200) {
                                wrong.add(phase[0] + " " + path + " -> " + status);
                            }
                            JsonNode d = dossier(gateway.url());
                            String shape =
                                    d == null ? "failed" : d.path("complete").asBoolean() ? "complete" : "partial";
                            counts.computeIfAbsent(phase[0] + " dossier " + shape, k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (d == null) {
                                wrong.add(phase[0] + " dossier did not answer 200");
                            }
                        } catch (RuntimeException | AssertionError e) {
                            // A reset, a hang past the client's timeout, an answer the contract does not allow:
                            // counted and reported, not lost with the load thread.
                            counts.computeIfAbsent(phase[0] + " error", k -> new AtomicInteger())
                                    .incrementAndGet();
                            wrong.add(phase[0] + " request failed: " + e);
                        }
                    }
                }));
            }
            Thread.sleep(2000);
            // While it stops gracefully it still answers what it has in flight: "down" starts once it has exited.
            phase[0] = "stopping";
            region.terminate();
            region.awaitExit(Duration.ofSeconds(60));
            phase[0] = "down";
            Thread.sleep(4000);
            phase[0] = "restarting";
            region = region.restart();
            phase[0] = "back";
            JsonNode recovered = null;
            for (int i = 0; i < 120; i++) {
                recovered = dossier(gateway.url());
                if (recovered != null && recovered.path("complete").asBoolean()) {
                    break;
                }
                Thread.sleep(250);
            }
            Thread.sleep(1000);
            running.set(false);
            for (Thread thread : load) {
                thread.join(60_000);
                if (thread.isAlive()) {
                    wrong.add("a load thread still waiting for an answer a minute after the load stopped");
                }
            }
            Map<String, Integer> byPhase = new TreeMap<>();
            counts.forEach((k, v) -> byPhase.put(k, v.get()));
            System.out.println("backend outage: answers by phase " + byPhase);
            assertThat(wrong).isEmpty();
            assertThat(byPhase.getOrDefault("down independent 200", 0)).isGreaterThan(0);
            assertThat(byPhase.getOrDefault("down dossier partial", 0))
                    .as("partial dossiers while region-service was down")
                    .isGreaterThan(0);
            assertThat(byPhase.getOrDefault("down dossier complete", 0)).isZero();
            assertThat(recovered).isNotNull();
            assertThat(recovered.path("complete").asBoolean())
                    .as("full answers return after the restart")
                    .isTrue();
            assertThat(byPhase.getOrDefault("back dossier complete", 0)).isGreaterThan(0);
        } finally {
            gateway.close();
            region.close();
        }
    }

    private JsonNode dossier(String gateway) {
        HttpResponse<String> answer = get(gateway + DOSSIER);
        if (answer.statusCode() != 200) {
            return null;
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    private HttpResponse<String> get(String url) {
        try {
            return ContractValidator.checked(http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("X-API-Key", Services.ADMIN_KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
