package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.gateway.events.EventRelay;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every internal token the gateway sends is signed for the backend it goes to: its audiences are that backend and the
 * backends it passes a caller's token on to (application.properties, {@code forwards-to}), nothing else. Each backend
 * accepts only tokens naming it (company-service's and region-service's AccessTest), so company-service, which calls
 * no one, gets tokens good at company-service only, and the event relay's token for one backend's outbox (whose
 * acknowledgement deletes events) is refused by the others. Shown for a composite that reads all three backends for
 * one caller, a pass-through call, and the event relay's outbox reads.
 */
@QuarkusTest
class InternalTokenAudienceTest extends GatewayTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventRelay relay;

    @Test
    void eachBackendGetsATokenSignedForItselfOnly() throws Exception {
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(MATTERS)));
        Backends.region().stubFor(get(urlPathEqualTo("/certifications")).willReturn(okJson(CERTIFICATIONS)));
        given().get("/api/v1/deals/" + DEAL_ID + "/dossier").then().statusCode(200);
        given().get("/api/v1/companies?limit=2").then().statusCode(200);

        Map<String, List<String>> audiences = audiencesSeenBy(false);
        System.out.printf("internal-token audiences by the backend that received them: %s%n", audiences);
        String all = "[company-service, deal-service, region-service]";
        assertThat(audiences.get("deal-service")).containsOnly(all).hasSize(1);
        assertThat(audiences.get("region-service")).containsOnly(all).hasSize(2);
        // The dossier's companies and the pass-through list.
        assertThat(audiences.get("company-service"))
                .containsOnly("[company-service]")
                .hasSize(2);
        // One caller: the same subject in all three, only the audience differs.
        assertThat(subjectsSeen()).hasSize(1);
    }

    @Test
    void theEventRelayReadsEachOutboxWithATokenForThatBackend() throws Exception {
        for (WireMockServer backend : Backends.SERVERS.values()) {
            backend.stubFor(get(urlPathEqualTo("/internal/outbox")).willReturn(okJson(EMPTY_PAGE)));
        }
        relay.runOnce();

        Map<String, List<String>> audiences = audiencesSeenBy(true);
        System.out.printf("the relay's token audiences by backend: %s%n", audiences);
        Backends.SERVERS
                .keySet()
                .forEach(name -> assertThat(audiences.get(name)).isNotEmpty().containsOnly("[" + name + "]"));
    }

    /**
     * The "aud" of every token each backend received, as a list of names: of the event relay's outbox calls, or of the
     * others (the relay runs in the background too).
     */
    private static Map<String, List<String>> audiencesSeenBy(boolean relayed) throws Exception {
        Map<String, List<String>> seen = new TreeMap<>();
        for (Map.Entry<String, WireMockServer> backend : Backends.SERVERS.entrySet()) {
            List<String> audiences = new ArrayList<>();
            for (LoggedRequest request : calls(backend.getValue(), relayed)) {
                JsonNode aud = claims(request).path("aud");
                List<String> names = new ArrayList<>();
                if (aud.isArray()) {
                    aud.forEach(name -> names.add(name.asText()));
                } else {
                    names.add(aud.asText());
                }
                audiences.add(names.stream().sorted().toList().toString());
            }
            seen.put(backend.getKey(), audiences);
        }
        return seen;
    }

    private static List<String> subjectsSeen() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (WireMockServer backend : Backends.SERVERS.values()) {
            for (LoggedRequest request : calls(backend, false)) {
                String subject = claims(request).path("sub").asText();
                if (!subjects.contains(subject)) {
                    subjects.add(subject);
                }
            }
        }
        return subjects;
    }

    private static List<LoggedRequest> calls(WireMockServer backend, boolean relayed) {
        return backend.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getUrl().startsWith("/internal/outbox") == relayed)
                .toList();
    }

    private static JsonNode claims(LoggedRequest request) throws Exception {
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).as(request.getUrl()).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }
}
