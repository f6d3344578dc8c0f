package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A service stopped with SIGTERM while requests are in flight (quarkus.shutdown.timeout): every one of them
 * completes with its answer and no client sees a reset connection. The requests are deal creates held in
 * deal-service by a slow company-service (a stub in this test that answers after the signal), so they are
 * certainly inside the service when the signal comes.
 */
class GracefulShutdownTest {

    static final int IN_FLIGHT = 6;

    @Test
    void requestsInFlightCompleteAndNoClientSeesAReset() throws Exception {
        CountDownLatch signalled = new CountDownLatch(1);
        AtomicInteger arrived = new AtomicInteger();
        HttpServer companies = slowCompanyService(arrived, signalled);
        ServiceProcess deal = Services.privateBackend(
                "deal-service",
                "dealradar_system_deal_shutdown",
                Map.of(
                        "quarkus.rest-client.company-service.url",
                                "http://127.0.0.1:" + companies.getAddress().getPort(),
                        "quarkus.rest-client.company-service.read-timeout", "30000",
                        "quarkus.fault-tolerance.global.timeout.value", "30000",
                        "dealradar.seed.enabled", "false"));
        try (ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                answers.add(clients.submit(() -> create(deal.url())));
            }
            for (int i = 0; i < 400 && arrived.get() < IN_FLIGHT; i++) {
                Thread.sleep(50);
            }
            assertThat(arrived.get())
                    .as("creates waiting on company-service inside deal-service")
                    .isEqualTo(IN_FLIGHT);
            long started = System.nanoTime();
            deal.terminate();
            Thread.sleep(500);
            signalled.countDown();
            int exit = deal.awaitExit(Duration.ofSeconds(60));
            long stoppedMillis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> answer : answers) {
                outcomes.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            String afterwards = create(deal.url());
            System.out.printf(
                    "graceful shutdown: %d requests in flight at SIGTERM answered %s; exit code %d after %d ms; "
                            + "a request after the stop: %s%n",
                    IN_FLIGHT, outcomes, exit, stoppedMillis, afterwards);
            assertThat(outcomes)
                    .as("every request in flight completed with its 201, none was reset")
                    .isEqualTo(Map.of("201", IN_FLIGHT));
            assertThat(afterwards).isEqualTo("refused");
        } finally {
            deal.close();
            companies.stop(0);
        }
    }

    /** company-service's id look-up, answering only once the test has sent SIGTERM to deal-service. */
    private static HttpServer slowCompanyService(AtomicInteger arrived, CountDownLatch signalled) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/companies", exchange -> {
            arrived.incrementAndGet();
            try {
                signalled.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String query = exchange.getRequestURI().getQuery();
            String ids = query == null
                    ? ""
                    : Arrays.stream(query.split("&"))
                            .filter(p -> p.startsWith("ids="))
                            .map(p -> java.net.URLDecoder.decode(p.substring(4), StandardCharsets.UTF_8))
                            .findFirst()
                            .orElse("");
            String items = Arrays.stream(ids.split(","))
                    .filter(id -> !id.isBlank())
                    .map(
                            id -> "{\"id\":\"" + id + "\",\"slug\":\"c-" + id.substring(0, 8)
                                    + "\",\"name\":\"C\",\"country\":\"DE\",\"kind\":\"group\",\"sectors\":[],\"status\":\"active\"}")
                    .collect(Collectors.joining(","));
            byte[] body = ("{\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** One create on a connection of its own: "201", another status, "refused" or "reset". */
    private static String create(String base) {
        String body = """
                {"title": "Shutdown test deal", "type": "acquisition", "status": "announced", "confidence": "reported",
                 "announced": {"value": "2017-06", "precision": "month"},
                 "participants": [{"companyId": "%s", "role": "acquirer"}, {"companyId": "%s", "role": "target"}],
                 "sources": [{"kind": "general_knowledge", "note": "shutdown test"}]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpResponse<String> answer = ContractValidator.checked(http.send(
                    HttpRequest.newBuilder(URI.create(base + "/deals"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", InternalTokens.analyst())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            return Integer.toString(answer.statusCode());
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return e.getCause() instanceof ConnectException
                            || String.valueOf(e.getMessage()).contains("refused")
                    ? "refused"
                    : "reset";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
