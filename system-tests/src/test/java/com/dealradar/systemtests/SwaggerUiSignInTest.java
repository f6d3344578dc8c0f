package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What Swagger UI's "Authorize" button does, step by step and without a browser: the authorization code
 * flow with PKCE (S256) of the public client dealradar-web against the real Keycloak, with the redirect
 * URI Swagger UI uses, then an API call through the gateway with the token it got.
 */
class SwaggerUiSignInTest {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final String REDIRECT = "http://localhost:8080/q/swagger-ui/oauth2-redirect.html";

    @Test
    void authorizationCodeWithPkceGivesATokenTheGatewayAccepts() throws Exception {
        JsonNode contract = new ObjectMapper()
                .readTree(
                        java.nio.file.Path.of("..", "contract", "openapi.json").toFile());
        JsonNode flow = contract.at("/components/securitySchemes/keycloak/flows/authorizationCode");
        assertThat(flow.path("authorizationUrl").asText()).endsWith("/realms/dealradar/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asText()).endsWith("/realms/dealradar/protocol/openid-connect/token");

        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = random();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String realm = KeycloakServer.realmUrl();
        String authorize = authorizationUrl(Map.of("code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode())
                .as("Keycloak accepts Swagger UI's redirect URI and shows its login form")
                .isEqualTo(200);
        Matcher action = LOGIN_FORM.matcher(loginPage.body());
        assertThat(action.find()).isTrue();

        // Keycloak marks its session cookies Secure; browsers send those to http://localhost (a secure
        // context), java.net's cookie handling does not, so they are passed on by hand.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", "viewer", "password", "viewer-dev-password"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();

        HttpResponse<String> tokens = browser.send(
                HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                "dealradar-web",
                                "code",
                                code.group(1),
                                "redirect_uri",
                                REDIRECT,
                                "code_verifier",
                                verifier))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken =
                new ObjectMapper().readTree(tokens.body()).path("access_token").asText();

        HttpResponse<String> read = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Services.gateway().url() + "/api/v1/companies/alibaba-group"))
                                .header("Authorization", "Bearer " + accessToken)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Alibaba Group");

        // PKCE, not single use: a fresh code (the signed-in session's, so no second login) without its verifier is
        // refused.
        String session = signedIn.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .collect(Collectors.joining("; "));
        HttpResponse<String> again = browser.send(
                HttpRequest.newBuilder(URI.create(authorize.replaceAll("state=[^&]+", "state=" + random())))
                        .header("Cookie", session)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode())
                .as("a signed-in session gets a new code at once")
                .isEqualTo(302);
        Matcher freshCode = Pattern.compile("[?&]code=([^&]+)")
                .matcher(again.headers().firstValue("Location").orElseThrow());
        assertThat(freshCode.find()).isTrue();
        assertThat(freshCode.group(1)).isNotEqualTo(code.group(1));
        HttpResponse<String> withoutVerifier = browser.send(
                HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                "dealradar-web",
                                "code",
                                freshCode.group(1),
                                "redirect_uri",
                                REDIRECT))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("PKCE: fresh code without its verifier: " + withoutVerifier.statusCode() + " "
                + withoutVerifier.body());
        assertThat(withoutVerifier.statusCode())
                .as("PKCE is required: a fresh, unused code without the verifier")
                .isEqualTo(400);
        assertThat(withoutVerifier.body())
                .as("refused for the missing verifier")
                .containsIgnoringCase("verifier");
    }

    /**
     * PKCE is required by the client, not merely honoured when offered: an authorization request of
     * dealradar-web without a code challenge is refused before any login form (Keycloak sends the browser back
     * to the redirect URI with error=invalid_request). A client that only checks the verifier when a challenge
     * was sent would show its login form here instead.
     */
    @Test
    void authorizationWithoutACodeChallengeIsRefused() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String authorize = authorizationUrl(Map.of());
        HttpResponse<String> answer = browser.send(
                HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        System.out.println("PKCE: authorization without a code challenge: " + answer.statusCode() + " " + location);
        assertThat(answer.statusCode())
                .as("an authorization request without a code challenge gets no login form")
                .isEqualTo(302);
        assertThat(location)
                .as("sent back to the redirect URI with the missing challenge named")
                .startsWith(REDIRECT)
                .contains("error=invalid_request")
                .contains("code_challenge")
                .doesNotContain("code=");
    }

    /** Swagger UI's authorization request for dealradar-web (a new state each time), plus {@code extra} fields. */
    private static String authorizationUrl(Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "client_id", "dealradar-web",
                "response_type", "code",
                "scope", "openid",
                "redirect_uri", REDIRECT,
                "state", random()));
        fields.putAll(extra);
        return KeycloakServer.realmUrl() + "/protocol/openid-connect/auth?" + form(fields);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
