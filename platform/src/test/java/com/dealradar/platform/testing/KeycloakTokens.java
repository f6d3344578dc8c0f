package com.dealradar.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens of the realm's LOCAL DEVELOPMENT users (viewer, analyst, admin), obtained with the
 * password grant of the dealradar-cli client, as a developer would with curl.
 */
public final class KeycloakTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {}

    /** "Bearer ..." for the user viewer, analyst or admin. */
    public static String bearer(String user) {
        Cached cached = CACHE.get(user);
        if (cached == null || cached.until.isBefore(Instant.now())) {
            cached = new Cached(fetch(user), Instant.now().plusSeconds(120));
            CACHE.put(user, cached);
        }
        return "Bearer " + cached.token;
    }

    /** "Bearer ..." for {@code user}, issued by Keycloak to {@code client} (e.g. the realm's built-in admin-cli). */
    public static String bearer(String client, String user) {
        return "Bearer " + fetch(client, user);
    }

    /** "Bearer ..." with the ID token (not an access token) Keycloak issues {@code user} through {@code client}. */
    public static String bearerIdToken(String client, String user) {
        return "Bearer " + fetch(client, user, "&scope=openid", ID_TOKEN);
    }

    private static String fetch(String user) {
        return fetch("dealradar-cli", user);
    }

    private static String fetch(String client, String user) {
        return fetch(client, user, "", ACCESS_TOKEN);
    }

    private static String fetch(String client, String user, String extra, Pattern field) {
        return grant(KeycloakServer.realmUrl(), client, user, user + "-dev-password", extra, field);
    }

    /** An access token of {@code user} of the realm at {@code realmUrl}, by password grant through {@code client}. */
    static String accessToken(String realmUrl, String client, String user, String password) {
        return grant(realmUrl, client, user, password, "", ACCESS_TOKEN);
    }

    private static String grant(
            String realmUrl, String client, String user, String password, String extra, Pattern field) {
        String form = "grant_type=password&client_id=" + enc(client) + "&username=" + enc(user) + "&password="
                + enc(password) + extra;
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher token = field.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(
                        "Keycloak refused a token for " + user + ": " + answer.statusCode() + " " + answer.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Cached(String token, Instant until) {}
}
