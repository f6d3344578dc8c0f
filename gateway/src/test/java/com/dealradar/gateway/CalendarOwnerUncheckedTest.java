package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.gateway.calendar.CalendarResource;
import com.dealradar.platform.testing.KeycloakUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When Keycloak cannot tell whether a subscription's user may still read, the read is a 503, not a guess. */
@QuarkusTest
@TestProfile(CalendarOwnerUncheckedTest.KeycloakUnreachable.class)
class CalendarOwnerUncheckedTest extends GatewayTestBase {

    /** Keycloak does not answer the gateway's service account (its token endpoint is a closed port). */
    public static class KeycloakUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc-client.auth-server-url", "http://127.0.0.1:9/realms/dealradar");
        }
    }

    @Test
    void aUsersTokenReadIs503WithRetryAfter() {
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(EMPTY_PAGE)));
        KeycloakUsers.User viewer = KeycloakUsers.create("calendar-unasked", "viewer");
        String token = CalendarOwnerAccountTest.subscribe(viewer);
        Response answer = read(token);
        // Asked again at once, the gateway does not wait for Keycloak again: the same answer.
        Response again = read(token);
        System.out.printf(
                "calendar reads, Keycloak not answering the gateway: %d (Retry-After %s), then %d%n",
                answer.statusCode(), answer.header("Retry-After"), again.statusCode());
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.jsonPath().getString("detail")).contains("Keycloak");
        viewer.delete();
    }

    private static Response read(String token) {
        return given().noFilters()
                .queryParam("token", token)
                .get(CalendarResource.PATH)
                .then()
                .extract()
                .response();
    }
}
