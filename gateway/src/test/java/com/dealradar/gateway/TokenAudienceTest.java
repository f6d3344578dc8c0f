package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Against the real Keycloak: a token the realm issued to another of its clients (its built-in admin-cli, which
 * any realm user can get a token from by password grant) does not sign a user in; DealRadar's own clients do.
 */
@QuarkusTest
class TokenAudienceTest extends GatewayTestBase {

    @Test
    void tokenOfAnotherClientOfTheRealmIs401() {
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)));
        String foreign = KeycloakTokens.bearer("admin-cli", "admin");

        given().header("Authorization", foreign)
                .get("/api/v1/companies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Bearer"));
        given().header("Authorization", foreign)
                .get("/api/v1/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(Backends.company().getAllServeEvents()).isEmpty();

        // An ID token of DealRadar's own client: the same issuer, signature and azp, but not an access token.
        given().header("Authorization", KeycloakTokens.bearerIdToken("dealradar-cli", "admin"))
                .get("/api/v1/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        // The same user through DealRadar's own client (an operation the gateway answers itself, no backend timing).
        given().header("Authorization", KeycloakTokens.bearer("dealradar-cli", "admin"))
                .get("/api/v1/partners")
                .then()
                .statusCode(200);
    }
}
