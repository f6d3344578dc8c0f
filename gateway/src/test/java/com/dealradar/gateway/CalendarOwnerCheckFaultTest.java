package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the gateway's question to Keycloak fails, with Keycloak's token endpoint and admin API played by a WireMock
 * server (the real Keycloak signs the user in and creates the subscription; {@link CalendarOwnerAccountTest} asks the
 * real admin API): a service-account token Keycloak no longer takes is renewed once; a deleted user is a 401, but any
 * other answer Keycloak's admin API should not give (a 404 that is not its own, 403, 500, no answer within the timeout,
 * no service-account token) is a 503 with Retry-After, and for the quiet period after it Keycloak is not asked again.
 * One test, in steps: the gateway keeps its service-account token between reads, so each step starts from the last.
 */
@QuarkusTest
@TestProfile(CalendarOwnerCheckFaultTest.KeycloakStandIn.class)
class CalendarOwnerCheckFaultTest extends GatewayTestBase {

    private static final String REALM = "/realms/dealradar";
    private static final String TOKEN_PATH = REALM + "/protocol/openid-connect/token";
    private static final String USERS = "/admin" + REALM + "/users/";
    private static final String QUIET = "PT1S";
    private static WireMockServer keycloak;

    /** The gateway's Keycloak questions go to a WireMock server; every read asks anew; a 2 s deadline. */
    public static class KeycloakStandIn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Server.class));
        }
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            keycloak = Backends.startOnAFreePort();
            String root = "http://127.0.0.1:" + keycloak.port();
            return Map.of(
                    "quarkus.oidc-client.auth-server-url",
                    root + REALM,
                    "dealradar.keycloak-accounts.admin-url",
                    root + "/admin" + REALM,
                    "dealradar.keycloak-accounts.check-interval",
                    "PT0.001S",
                    "dealradar.keycloak-accounts.timeout",
                    "PT2S",
                    "dealradar.keycloak-accounts.quiet-after-failure",
                    QUIET);
        }

        @Override
        public void stop() {
            keycloak.stop();
        }
    }

    private final Map<String, Integer> seen = new LinkedHashMap<>();

    @Test
    void failuresToAskKeycloakAre503AndARejectedTokenIsRenewedOnce() throws InterruptedException {
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(EMPTY_PAGE)));
        KeycloakUsers.User viewer = KeycloakUsers.create("calendar-check", "viewer");
        String token = CalendarOwnerAccountTest.subscribe(viewer);
        String user = USERS + viewer.id();

        // 1. Keycloak refuses the first service-account token (rotated keys, a revoked session): one new token, asked
        // again with it, and the read goes on. Not a third token: a second refusal would be a 503.
        keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .inScenario("service account")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceAccountToken("first"))
                .willSetStateTo("renewed"));
        keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .inScenario("service account")
                .whenScenarioStateIs("renewed")
                .willReturn(serviceAccountToken("second")));
        keycloak.stubFor(get(urlPathMatching(USERS + ".*"))
                .withHeader("Authorization", notContaining("second"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"HTTP 401 Unauthorized\"}")));
        userAnswers(user, "second", okJson("{\"enabled\": true}"), okJson("[{\"name\": \"viewer\"}]"));
        assertThat(read(token, "token renewed").statusCode()).isEqualTo(200);
        assertThat(keycloak.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))))
                .hasSize(2);
        assertThat(keycloak.findAll(getRequestedFor(urlPathEqualTo(user)))).hasSize(2);
        assertThat(keycloak.findAll(
                        getRequestedFor(urlPathEqualTo(user)).withHeader("Authorization", equalTo("Bearer second"))))
                .hasSize(1);

        // 2. The renewed token is kept: the next read asks for the user and its roles, and for no token.
        keycloak.resetRequests();
        assertThat(read(token, "token kept").statusCode()).isEqualTo(200);
        assertThat(keycloak.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))))
                .isEmpty();
        assertThat(keycloak.getAllServeEvents()).hasSize(2);

        // 3. Disabled: refused without asking for the roles. No viewer role: refused.
        keycloak.resetRequests();
        userAnswers(user, "second", okJson("{\"enabled\": false}"), okJson("[{\"name\": \"viewer\"}]"));
        assertThat(read(token, "disabled").statusCode()).isEqualTo(401);
        assertThat(keycloak.getAllServeEvents()).hasSize(1);
        userAnswers(user, "second", okJson("{\"enabled\": true}"), okJson("[{\"name\": \"offline_access\"}]"));
        assertThat(read(token, "no viewer role").statusCode()).isEqualTo(401);

        // 4. Keycloak's own answer for a deleted user: 401.
        userAnswers(user, "second", notFound("{\"error\":\"User not found\"}"), okJson("[]"));
        assertThat(read(token, "deleted").statusCode()).isEqualTo(401);

        // 5. Answers that say nothing about the user: a 503 each, and within the quiet period no question at all.
        assertUnavailable(token, user, "404 not Keycloak's", notFound("<html>Not Found</html>"));
        assertUnavailable(token, user, "403", aResponse().withStatus(403).withBody("{\"error\":\"unknown_error\"}"));
        assertUnavailable(token, user, "500", aResponse().withStatus(500));
        assertUnavailable(token, user, "connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        long started = System.nanoTime();
        assertUnavailable(token, user, "slow", okJson("{\"enabled\": true}").withFixedDelay(6_000));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        // The deadline (2 s) ends the question, not Keycloak's answer (6 s): the two reads and the quiet period's wait
        // (1.1 s) took less than Keycloak's answer would have.
        assertThat(waitedMillis).isLessThan(5_000);

        // 6. No service-account token (Keycloak refuses the client, or its token endpoint is down): 503.
        keycloak.resetAll();
        keycloak.stubFor(
                get(urlPathMatching(USERS + ".*")).willReturn(aResponse().withStatus(401)));
        keycloak.stubFor(
                post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response noToken = read(token, "no token");
        assertThat(noToken.statusCode()).isEqualTo(503);
        assertThat(noToken.header("Retry-After")).isEqualTo("30");
        Thread.sleep(Duration.parse(QUIET).toMillis() + 100);

        // 7. Keycloak answers again (and no longer takes the old token): a new token, and the subscription reads.
        keycloak.resetAll();
        keycloak.stubFor(
                get(urlPathMatching(USERS + ".*")).willReturn(aResponse().withStatus(401)));
        keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(serviceAccountToken("third")));
        userAnswers(user, "third", okJson("{\"enabled\": true}"), okJson("[{\"name\": \"viewer\"}]"));
        assertThat(read(token, "recovered").statusCode()).isEqualTo(200);
        assertThat(keycloak.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))))
                .hasSize(1);

        System.out.printf(
                "calendar reads while Keycloak's admin API misbehaved, by step and status: %s (%d ms for the slow one)%n",
                seen, waitedMillis);
        viewer.delete();
    }

    /** A 503 with Retry-After for {@code answer} to the user's read; asked again at once, 503 without a question. */
    private void assertUnavailable(String token, String user, String step, ResponseDefinitionBuilder answer)
            throws InterruptedException {
        keycloak.resetRequests();
        userAnswers(user, "second", answer, okJson("[{\"name\": \"viewer\"}]"));
        Response first = read(token, step);
        assertThat(first.statusCode()).as(step).isEqualTo(503);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.header("Retry-After")).isEqualTo("30");
        assertThat(first.jsonPath().getString("detail")).contains("Keycloak");
        int asked = keycloak.getAllServeEvents().size();
        assertThat(read(token, step + ", again at once").statusCode()).isEqualTo(503);
        assertThat(keycloak.getAllServeEvents())
                .as(step + ": quiet after the failure")
                .hasSize(asked);
        Thread.sleep(Duration.parse(QUIET).toMillis() + 100);
    }

    /** What Keycloak answers the service account holding {@code bearer} about {@code user}. */
    private static void userAnswers(
            String user, String bearer, ResponseDefinitionBuilder account, ResponseDefinitionBuilder roles) {
        keycloak.stubFor(get(urlPathEqualTo(user))
                .withHeader("Authorization", equalTo("Bearer " + bearer))
                .willReturn(account));
        keycloak.stubFor(get(urlPathEqualTo(user + "/role-mappings/realm/composite"))
                .withHeader("Authorization", equalTo("Bearer " + bearer))
                .willReturn(roles));
    }

    private static ResponseDefinitionBuilder serviceAccountToken(String token) {
        return okJson("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}");
    }

    private static ResponseDefinitionBuilder notFound(String body) {
        return aResponse().withStatus(404).withBody(body);
    }

    private Response read(String token, String step) {
        Response answer = CalendarOwnerAccountTest.calendarRead(token);
        seen.put(step, answer.statusCode());
        return answer;
    }
}
