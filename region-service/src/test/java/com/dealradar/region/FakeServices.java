package com.dealradar.region;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.dealradar.platform.testing.FakeDirectory;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock in the role of deal-service and company-service, answering their look-ups by ids ({@code GET /deals?ids=},
 * {@code GET /companies?ids=}) as they do: every id exists except {@link FakeDirectory#unknown()} ones. Only calls that
 * carry the caller's credentials are answered. The real services answer in the system tests.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(new FakeDirectory()));
        server.start();
        for (String collection : new String[] {"/deals", "/companies"}) {
            server.stubFor(get(urlPathEqualTo(collection))
                    .withHeader("Authorization", matching("Bearer .+"))
                    .willReturn(aResponse().withTransformers(FakeDirectory.NAME)));
        }
        return Map.of(
                "quarkus.rest-client.deal-service.url", server.baseUrl(),
                "quarkus.rest-client.company-service.url", server.baseUrl());
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
}
