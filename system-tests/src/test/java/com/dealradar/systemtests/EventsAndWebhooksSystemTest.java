package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 across the real services: writes through the gateway become events in the services' outboxes, the relay
 * brings them into the one feed, a partner walking the feed in small pages while writes go on sees each exactly once in
 * order, and two gateway replicas deliver webhooks between them exactly once each; one killed (SIGKILL) in the middle
 * of a delivery loses nothing: the other delivers it after the lease.
 */
class EventsAndWebhooksSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;
    private static String gateway;

    @BeforeAll
    static void start() {
        gateway = Services.gateway().url();
        Map<String, String> deliver = Map.of(
                "dealradar.webhooks.delivery-enabled", "true",
                "dealradar.webhooks.poll-interval", "PT0.2S",
                "dealradar.webhooks.timeout", "PT20S",
                "dealradar.webhooks.lease", "PT25S",
                "dealradar.webhooks.initial-backoff", "PT0.5S");
        replicaA = Services.gatewayReplica("events-a", deliver);
        replicaB = Services.gatewayReplica("events-b", deliver);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : new ServiceProcess[] {replicaA, replicaB}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    static HttpResponse<String> call(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", Services.ADMIN_KEY);
        headers.forEach(request::header);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return ContractValidator.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static JsonNode ok(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode())
                .as("%s %s: %s", answer.request().method(), answer.request().uri(), answer.body())
                .isEqualTo(status);
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    static String company(String name) throws Exception {
        return ok(call("POST", "/api/v1/companies", """
                {"name": "%s", "country": "DE", "kind": "group", "sectors": ["cloud_provider"],
                 "sources": [{"kind": "general_knowledge", "note": "events system test"}]}""".formatted(name), Map.of()), 201)
                .get("id")
                .asText();
    }

    static long lastCursor() throws Exception {
        // The end of the feed now: page through it to the committed end (hasMore false).
        String after = "";
        while (true) {
            JsonNode page = ok(call("GET", "/api/v1/events?limit=500" + after, null, Map.of()), 200);
            if (!page.get("hasMore").asBoolean()) {
                return page.get("nextCursor").asLong();
            }
            after = "&after=" + page.get("nextCursor").asText();
        }
    }

    /** Reads the feed from {@code after} in pages of {@code pageSize} until {@code until} says stop or the time runs out. */
    static List<JsonNode> walk(
            long after, int pageSize, java.util.function.Predicate<List<JsonNode>> until, Duration max)
            throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        long cursor = after;
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (System.currentTimeMillis() < deadline) {
            JsonNode page =
                    ok(call("GET", "/api/v1/events?after=" + cursor + "&limit=" + pageSize, null, Map.of()), 200);
            page.get("items").forEach(seen::add);
            cursor = page.get("nextCursor").asLong();
            if (until.test(seen)) {
                break;
            }
            if (!page.get("hasMore").asBoolean()) {
                Thread.sleep(100);
            }
        }
        return seen;
    }

    @Test
    void everyKindOfDealChangeIsOneEventInTheFeed() throws Exception {
        long start = lastCursor();
        String acquirer = company("Events Acquirer " + UUID.randomUUID());
        String target = company("Events Target " + UUID.randomUUID());
        String deal = ok(call("POST", "/api/v1/deals", """
                {"title": "Events test deal", "type": "acquisition", "status": "rumored", "confidence": "reported",
                 "participants": [{"companyId": "%s", "role": "acquirer"}, {"companyId": "%s", "role": "target"}],
                 "sources": [{"kind": "general_knowledge", "note": "events system test"}]}""".formatted(acquirer, target), Map.of()), 201)
                .get("id")
                .asText();
        ok(
                call(
                        "POST",
                        "/api/v1/deals/" + deal + "/status-changes",
                        "{\"status\": \"in_talks\"}",
                        Map.of("If-Match", "\"0\"")),
                200);
        ok(
                call(
                        "PATCH",
                        "/api/v1/deals/" + deal,
                        "{\"title\": \"Events test deal, renamed\"}",
                        Map.of("If-Match", "\"1\"", "Content-Type", "application/merge-patch+json")),
                200);
        // Refused: stale ETag, forbidden transition. No event.
        assertThat(call(
                                "PATCH",
                                "/api/v1/deals/" + deal,
                                "{\"title\": \"x\"}",
                                Map.of("If-Match", "\"0\"", "Content-Type", "application/merge-patch+json"))
                        .statusCode())
                .isEqualTo(412);
        assertThat(call(
                                "POST",
                                "/api/v1/deals/" + deal + "/status-changes",
                                "{\"status\": \"completed\"}",
                                Map.of("If-Match", "\"2\""))
                        .statusCode())
                .isEqualTo(409);
        ok(call("DELETE", "/api/v1/deals/" + deal, null, Map.of("If-Match", "\"2\"")), 204);
        List<JsonNode> events = walk(
                start,
                3,
                seen -> seen.stream()
                        .anyMatch(e -> e.get("type").asText().equals("deal.deleted")
                                && e.get("resource").get("id").asText().equals(deal)),
                Duration.ofSeconds(30));
        List<String> dealEvents = events.stream()
                .filter(e -> e.get("resource").get("id").asText().equals(deal))
                .map(e -> e.get("type").asText() + "@"
                        + (e.get("resource").has("etag")
                                ? e.get("resource").get("etag").asText()
                                : "-"))
                .toList();
        System.out.printf("feed: deal %s -> %s%n", deal, dealEvents);
        assertThat(dealEvents)
                .containsExactly(
                        "deal.created@\"0\"", "deal.status_changed@\"1\"", "deal.updated@\"2\"", "deal.deleted@-");
        JsonNode changed = events.stream()
                .filter(e -> e.get("type").asText().equals("deal.status_changed")
                        && e.get("resource").get("id").asText().equals(deal))
                .findFirst()
                .orElseThrow();
        assertThat(changed.get("data").get("status").asText()).isEqualTo("in_talks");
        assertThat(changed.get("resource").get("url").asText()).isEqualTo("/api/v1/deals/" + deal);
        // A cursor past the end is not one the feed issued; an older one than the retention would be 410 (gateway
        // module tests).
        assertThat(call("GET", "/api/v1/events?after=999999999999", null, Map.of())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPartnerWalkingTheFeedWhileWritesGoOnSeesEveryEventOnceAndInOrderPerResource() throws Exception {
        long start = lastCursor();
        int writers = 4;
        int perWriter = 12;
        List<String> companies = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> expectedPerCompany = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perWriter; i++) {
                    String id = company("Feed walker " + UUID.randomUUID());
                    companies.add(id);
                    expectedPerCompany.put(id, new AtomicInteger(1));
                    for (int v = 0; v < 2; v++) {
                        ok(
                                call(
                                        "PATCH",
                                        "/api/v1/companies/" + id,
                                        "{\"headquartersCity\": \"City " + v + "\"}",
                                        Map.of(
                                                "If-Match",
                                                "\"" + v + "\"",
                                                "Content-Type",
                                                "application/merge-patch+json")),
                                200);
                        expectedPerCompany.get(id).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        // The partner reads in pages of 7 while the writers write, and on until it has all they wrote.
        List<JsonNode> seen = new ArrayList<>();
        long cursor = start;
        long deadline = System.currentTimeMillis() + 90_000;
        int pages = 0;
        while (System.currentTimeMillis() < deadline) {
            JsonNode page = ok(
                    call(
                            "GET",
                            "/api/v1/events?after=" + cursor + "&limit=7&types=company.created,company.updated",
                            null,
                            Map.of()),
                    200);
            page.get("items").forEach(seen::add);
            cursor = page.get("nextCursor").asLong();
            pages++;
            if (writing.get() && running.stream().allMatch(Future::isDone)) {
                writing.set(false);
            }
            long ours = seen.stream()
                    .filter(e -> expectedPerCompany.containsKey(
                            e.get("resource").get("id").asText()))
                    .count();
            if (!writing.get() && ours >= (long) writers * perWriter * 3) {
                break;
            }
            if (!page.get("hasMore").asBoolean()) {
                Thread.sleep(50);
            }
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        int duplicates = 0;
        long previous = start;
        boolean ordered = true;
        for (JsonNode e : seen) {
            long position = e.get("cursor").asLong();
            ordered &= position > previous;
            previous = position;
            if (!ids.add(e.get("id").asText())) {
                duplicates++;
            }
            String company = e.get("resource").get("id").asText();
            if (expectedPerCompany.containsKey(company)) {
                versions.computeIfAbsent(company, k -> new ArrayList<>())
                        .add(Long.parseLong(
                                e.get("resource").get("etag").asText().replace("\"", "")));
            }
        }
        int expected = writers * perWriter * 3;
        long ours = versions.values().stream().mapToLong(List::size).sum();
        long outOfOrder = versions.values().stream()
                .filter(v -> !v.equals(List.of(0L, 1L, 2L)))
                .count();
        System.out.printf(
                "feed walk: %d writes by %d writers, %d pages of 7 read concurrently; %d of our events seen, %d duplicates,"
                        + " %d companies whose events were not exactly versions 0,1,2 in order, positions increasing=%s%n",
                expected, writers, pages, ours, duplicates, outOfOrder, ordered);
        assertThat(ordered).isTrue();
        assertThat(duplicates).isZero();
        assertThat(ours).isEqualTo(expected);
        assertThat(versions).hasSize(writers * perWriter);
        assertThat(outOfOrder).isZero();
    }

    @Test
    void twoReplicasDeliverEachEventOnceAndAKilledReplicasDeliveryIsMadeByTheOther() throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        CountDownLatch hanging = new CountDownLatch(1);
        AtomicBoolean hangNext = new AtomicBoolean(false);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (hangNext.compareAndSet(true, false)) {
                hanging.countDown();
                try {
                    Thread.sleep(60_000); // the replica delivering this is killed meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String partner = ok(
                            call(
                                    "POST",
                                    "/api/v1/partners",
                                    "{\"name\": \"Events partner " + UUID.randomUUID()
                                            + "\", \"contact\": {\"email\": \"api@example.org\"}, \"plan\": \"standard\"}",
                                    Map.of()),
                            201)
                    .get("id")
                    .asText();
            // Deliveries go to partners that hold a key in force.
            ok(call("POST", "/api/v1/partners/" + partner + "/keys", "{\"scopes\": [\"read\"]}", Map.of()), 201);
            String endpoint = ok(
                            call(
                                    "POST",
                                    "/api/v1/partners/" + partner + "/webhooks",
                                    "{\"url\": \"http://127.0.0.1:"
                                            + receiver.getAddress().getPort()
                                            + "/hook\", \"eventTypes\": [\"company.*\"]}",
                                    Map.of()),
                            201)
                    .get("id")
                    .asText();
            int n = 30;
            List<String> companies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                companies.add(company("Webhook company " + UUID.randomUUID()));
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (received.size() < n && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            Map<String, Integer> perReplica = attemptsPerReplica(endpoint);
            long twice = received.values().stream().filter(c -> c.get() > 1).count();
            System.out.printf(
                    "webhooks on two replicas: %d events, %d delivered, %d delivered more than once; attempts per replica %s%n",
                    n, received.size(), twice, perReplica);
            assertThat(received).hasSize(n);
            assertThat(twice).isZero();
            assertThat(perReplica.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(n);

            // Kill (SIGKILL) the replica that is in the middle of delivering an event.
            hangNext.set(true);
            String victim = company("Webhook victim " + UUID.randomUUID());
            assertThat(hanging.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String holder = leaseHolder(endpoint);
            ServiceProcess killed = holder.startsWith(replicaA.pid() + "@") ? replicaA : replicaB;
            ServiceProcess survivor = killed == replicaA ? replicaB : replicaA;
            killed.kill();
            long killedAt = System.currentTimeMillis();
            while (System.currentTimeMillis() - killedAt < 60_000) {
                Map<String, Integer> now = attemptsPerReplica(endpoint);
                if (now.getOrDefault(String.valueOf(survivor.pid()), 0)
                        > perReplica.getOrDefault(String.valueOf(survivor.pid()), 0)) {
                    break;
                }
                Thread.sleep(200);
            }
            Map<String, Integer> after = attemptsPerReplica(endpoint);
            int deliveredEvents = received.size();
            System.out.printf(
                    "replica %d killed mid-delivery (lease holder %s); after the lease the survivor %d delivered it: attempts per"
                            + " replica %s, %d events received in all (%d after %d s)%n",
                    killed.pid(),
                    holder,
                    survivor.pid(),
                    after,
                    deliveredEvents,
                    deliveredEvents,
                    (System.currentTimeMillis() - killedAt) / 1000);
            assertThat(deliveredEvents).isEqualTo(n + 1);
            assertThat(after.getOrDefault(String.valueOf(survivor.pid()), 0))
                    .isGreaterThan(perReplica.getOrDefault(String.valueOf(survivor.pid()), 0));
            assertThat(pendingOf(endpoint)).isZero();
        } finally {
            receiver.stop(0);
        }
    }

    static Connection db() throws Exception {
        String database = "dealradar_system_gateway" + System.getenv().getOrDefault("DEALRADAR_TEST_DB_SUFFIX", "");
        return DriverManager.getConnection(PostgresDatabase.serverUrl() + "/" + database, PostgresDatabase.user(), "");
    }

    /** Succeeded attempts of an endpoint by replica (pid). */
    static Map<String, Integer> attemptsPerReplica(String endpoint) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = db();
                ResultSet r = c.createStatement()
                        .executeQuery("select replica, count(*) from webhook_attempt where endpoint_id = '"
                                + UUID.fromString(endpoint) + "' and outcome = 'succeeded' group by replica")) {
            while (r.next()) {
                counts.merge(r.getString(1).substring(0, r.getString(1).indexOf('@')), r.getInt(2), Integer::sum);
            }
        }
        return counts;
    }

    static String leaseHolder(String endpoint) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = db();
                    ResultSet r = c.createStatement()
                            .executeQuery("select leased_by from webhook_delivery where endpoint_id = '"
                                    + UUID.fromString(endpoint)
                                    + "' and status = 'pending' and leased_by is not null")) {
                if (r.next()) {
                    return r.getString(1);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no delivery of the endpoint is leased");
    }

    static int pendingOf(String endpoint) throws Exception {
        try (Connection c = db();
                ResultSet r = c.createStatement()
                        .executeQuery("select count(*) from webhook_delivery where endpoint_id = '"
                                + UUID.fromString(endpoint) + "' and status <> 'succeeded'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
