package com.dealradar.deal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.dealradar.platform.testing.FakeDirectory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * WireMock in the role of company-service and region-service, implementing their contracts:
 * <ul>
 * <li>{@code GET /companies?ids=...&limit=200}: every id exists except {@link FakeDirectory#unknown()} ones
 *     ({@link #unknownCompany()}); ids containing {@link #SLOW_COMPANY} are held until the test {@link SlowCompanyGate#open()}s
 *     the gate (at most 2 s, within deal-service's 2.5 s timeout).</li>
 * <li>{@code GET /companies/{slug}}: 404, unless a test names the slug's company ({@link #giveSlug}).</li>
 * <li>{@code GET /clearances/{dealId}}: clear, unless a test stubs a deal otherwise ({@link #blockDeal}).</li>
 * <li>{@code GET /regulatory-matters?dealId=}: none, unless a test gives a deal one ({@link #giveMatter}).</li>
 * </ul>
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** A company that exists but that company-service is slow to confirm: keeps a request in flight. */
    public static final UUID SLOW_COMPANY = UUID.fromString("5105510a-0000-4000-8000-000000000001");

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(64)
                .extensions(new FakeDirectory(), new ClearanceGate(), new SlowCompanyGate()));
        server.start();
        server.stubFor(get(urlPathEqualTo("/companies"))
                .withHeader("Authorization", matching("Bearer .+"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(FakeDirectory.NAME)));
        server.stubFor(get(urlPathEqualTo("/companies"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withQueryParam("ids", containing(SLOW_COMPANY.toString()))
                .atPriority(1)
                .willReturn(aResponse().withTransformers(SlowCompanyGate.NAME, FakeDirectory.NAME)));
        // GET /companies/{slug}: no company has it, unless a test names one (giveSlug).
        server.stubFor(get(urlPathMatching("/companies/[^/]+"))
                .withHeader("Authorization", matching("Bearer .+"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://dealradar.dev/problems/not-found\",\"status\":404}")));
        server.stubFor(get(urlPathMatching("/clearances/.+"))
                .withHeader("Authorization", matching("Bearer .+"))
                .atPriority(10)
                .willReturn(okJson("{\"clear\":true,\"blockingMatters\":[]}")));
        server.stubFor(get(urlPathEqualTo("/regulatory-matters"))
                .withHeader("Authorization", matching("Bearer .+"))
                .atPriority(10)
                .willReturn(okJson("{\"items\":[],\"nextCursor\":null}")));
        return Map.of(
                "quarkus.rest-client.company-service.url", server.baseUrl(),
                "quarkus.rest-client.region-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** A company id that company-service does not know. */
    public static UUID unknownCompany() {
        return FakeDirectory.unknown();
    }

    /** A company id that company-service knows (only for this test run). */
    public static UUID knownCompany() {
        return FakeDirectory.known();
    }

    /** company-service answers {@code GET /companies/{slug}} with the company {@code id}. */
    public static void giveSlug(String slug, UUID id) {
        server.stubFor(get(urlPathEqualTo("/companies/" + slug))
                .atPriority(1)
                .willReturn(okJson("{\"id\": \"" + id + "\", \"slug\": \"" + slug + "\", \"name\": \"Company\"}")));
    }

    /** region-service reports one open suspensory matter on {@code dealId}, whose statutory period has ended. */
    public static void blockDeal(UUID dealId) {
        server.stubFor(
                get(urlPathEqualTo("/clearances/" + dealId)).atPriority(1).willReturn(okJson("""
                {"dealId": "%s", "clear": false, "blockingMatters": [{"id": "7d0c1c2e-1111-4222-8333-444455556666",
                 "regimeCode": "CN-SAMR-MERGER", "regimeName": "SAMR merger control", "regionCode": "CN", "status": "phase1",
                 "periodEndedOn": "2017-10-09", "extra": "ignored"}]}""".formatted(dealId))));
    }

    /** region-service lists one regulatory matter (withdrawn, so not blocking) on {@code dealId}. */
    public static void giveMatter(UUID dealId, String matterId) {
        server.stubFor(get(urlPathEqualTo("/regulatory-matters"))
                .withQueryParam("dealId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(dealId.toString()))
                .atPriority(1)
                .willReturn(okJson("""
                        {"items": [{"id": "%s", "dealId": "%s", "regionCode": "GB", "status": "withdrawn",
                         "regime": {"code": "UK-NSIA"}}], "nextCursor": null}""".formatted(matterId, dealId))));
    }

    /**
     * region-service holds its answer about {@code dealId} until {@link ClearanceGate#open()} (at most 60 s):
     * a slow neighbour, with requests known to be in flight ({@link ClearanceGate#arrived()}). With
     * {@code blocked}, the answer then names an open suspensory matter.
     */
    public static void gateClearance(UUID dealId, boolean blocked) {
        ClearanceGate.blocked.put(dealId.toString(), blocked);
        server.stubFor(get(urlPathEqualTo("/clearances/" + dealId))
                .atPriority(1)
                .willReturn(aResponse().withTransformers(ClearanceGate.NAME)));
    }

    /** Holds clearance answers of gated deals until the test opens the gate. */
    public static final class ClearanceGate implements ResponseDefinitionTransformerV2 {
        static final String NAME = "clearance-gate";
        static final Map<String, Boolean> blocked = new java.util.concurrent.ConcurrentHashMap<>();
        private static final java.util.concurrent.atomic.AtomicInteger ARRIVED =
                new java.util.concurrent.atomic.AtomicInteger();
        private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);

        /** Closes the gate again and resets the count of held requests. */
        public static void close() {
            gate = new java.util.concurrent.CountDownLatch(1);
            ARRIVED.set(0);
        }

        public static void open() {
            gate.countDown();
        }

        /** How many clearance requests of gated deals have arrived since {@link #close()}. */
        public static int arrived() {
            return ARRIVED.get();
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String dealId = event.getRequest().getUrl().replaceAll(".*/clearances/([^/?]+).*", "$1");
            ARRIVED.incrementAndGet();
            try {
                gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = Boolean.TRUE.equals(blocked.get(dealId))
                    ? """
                    {"dealId": "%s", "clear": false, "blockingMatters": [{"id": "7d0c1c2e-1111-4222-8333-444455556666",
                     "regimeCode": "CN-SAMR-MERGER", "regimeName": "SAMR merger control", "regionCode": "CN", "status": "phase1"}]}""".formatted(dealId)
                    : "{\"clear\":true,\"blockingMatters\":[]}";
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)
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

    /** A loopback URL on which nothing listens (bound, never listening: connections are refused): a service that is down. */
    public static String closedPortUrl(String name) {
        return "http://127.0.0.1:" + com.dealradar.platform.testing.Ports.closed(name);
    }

    /**
     * Holds look-ups of {@link #SLOW_COMPANY} until the test opens the gate (a handshake: the test knows the request
     * is in flight for as long as it needs), at most 2 s so that deal-service's 2.5 s timeout never fires.
     */
    public static final class SlowCompanyGate implements ResponseDefinitionTransformerV2 {
        static final String NAME = "slow-company-gate";
        private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        private static final java.util.concurrent.atomic.AtomicInteger HELD =
                new java.util.concurrent.atomic.AtomicInteger();

        /** Closes the gate: the next look-ups are held. */
        public static void close() {
            gate = new java.util.concurrent.CountDownLatch(1);
            HELD.set(0);
        }

        public static void open() {
            gate.countDown();
        }

        /**
         * How many look-ups are being held or were held since {@link #close()} (WireMock's request journal only
         * records a request once its answer is ready, so it cannot tell that one is waiting here).
         */
        public static int held() {
            return HELD.get();
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            HELD.incrementAndGet();
            try {
                gate.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return event.getResponseDefinition();
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
