package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.gateway.calendar.CalendarResource;
import com.dealradar.platform.testing.KeycloakTokens;
import com.dealradar.platform.testing.KeycloakUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's calendar subscription reads while the user could sign in and read: against the real Keycloak, with users
 * of the test's own, the token stops working when the account is disabled, loses the viewer role or is deleted, and
 * works again when the account is enabled again (the gateway asks Keycloak as its service account and trusts an answer
 * for {@code dealradar.keycloak-accounts.check-interval}, one second in the tests). When Keycloak cannot be asked, the
 * read is a 503 with Retry-After, not a guess ({@link CalendarOwnerCheckFaultTest}).
 */
@QuarkusTest
class CalendarOwnerAccountTest extends GatewayTestBase {

    private static final String SUBSCRIPTIONS = "/api/v1/calendar-subscriptions";

    @BeforeEach
    void noMatters() {
        Backends.region().stubFor(get(urlPathEqualTo("/regulatory-matters")).willReturn(okJson(EMPTY_PAGE)));
    }

    @Test
    void aUsersTokenReadsOnlyWhileTheUserMayRead() {
        KeycloakUsers.User viewer = KeycloakUsers.create("calendar-viewer", "viewer");
        String token = subscribe(viewer);
        Map<Integer, Integer> seen = new TreeMap<>();
        // The first read asks Keycloak (a token for the service account, the user, its roles): on a loaded machine it
        // may
        // take more than one try.
        assertThat(readUntil(token, 200, seen)).as("enabled, viewer").isEqualTo(200);

        viewer.enabled(false);
        assertThat(readUntil(token, 401, seen)).as("disabled").isEqualTo(401);
        viewer.enabled(true);
        assertThat(readUntil(token, 200, seen)).as("enabled again").isEqualTo(200);
        viewer.withoutRealmRole("viewer");
        assertThat(readUntil(token, 401, seen)).as("without the viewer role").isEqualTo(401);

        // The role through a composite counts: an analyst holds viewer through analyst; deleted, the token is dead.
        KeycloakUsers.User analyst = KeycloakUsers.create("calendar-analyst", "analyst");
        String analystsToken = subscribe(analyst);
        assertThat(readUntil(analystsToken, 200, seen)).as("analyst").isEqualTo(200);
        analyst.delete();
        assertThat(readUntil(analystsToken, 401, seen)).as("deleted").isEqualTo(401);
        System.out.printf("calendar reads with users' tokens while their accounts changed, by status: %s%n", seen);
        viewer.delete();
    }

    /** The read a calendar client makes: the token in the URL, no header. */
    static int read(String token, Map<Integer, Integer> seen) {
        Response answer = calendarRead(token);
        if (answer.statusCode() != 200) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        seen.merge(answer.statusCode(), 1, Integer::sum);
        return answer.statusCode();
    }

    /** Reads until the answer is {@code status} (at most a few check intervals), then returns the last status. */
    private static int readUntil(String token, int status, Map<Integer, Integer> seen) {
        List<Integer> statuses = new ArrayList<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    statuses.add(read(token, seen));
                    return statuses.getLast() == status;
                });
        return statuses.getLast();
    }

    /** GET of the calendar with a subscription's token in the URL, no header: what a calendar client sends. */
    static Response calendarRead(String token) {
        return given().noFilters()
                .queryParam("token", token)
                .get(CalendarResource.PATH)
                .then()
                .extract()
                .response();
    }

    /** A subscription of {@code user}'s, created signed in as the user; its token. */
    static String subscribe(KeycloakUsers.User user) {
        return given().noFilters()
                .header("Authorization", KeycloakTokens.bearer(user.name()))
                .contentType(ContentType.JSON)
                .body("{\"name\": \"my deadlines\", \"region\": \"GB\"}")
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
