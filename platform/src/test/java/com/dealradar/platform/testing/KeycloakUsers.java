package com.dealradar.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users of a test's own in the realm, made and changed through Keycloak's admin API as its LOCAL DEVELOPMENT
 * administrator (bin/keycloak's bootstrap admin, {@code KC_BOOTSTRAP_ADMIN_PASSWORD}): each test makes fresh ones, so
 * disabling or deleting them touches no other test. Passwords follow the realm's convention ({@code <name>-dev-password}),
 * so {@link KeycloakTokens#bearer(String)} signs them in.
 */
public final class KeycloakUsers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakUsers() {}

    /** A new enabled user holding {@code realmRole}; its name starts with {@code prefix}. */
    public static User create(String prefix, String realmRole) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of(
                "username",
                name,
                "enabled",
                true,
                "emailVerified",
                true,
                "email",
                name + "@dealradar.local",
                "firstName",
                "Test",
                "lastName",
                "User",
                "credentials",
                List.of(Map.of("type", "password", "value", name + "-dev-password", "temporary", false)));
        HttpResponse<String> created = send("POST", "/users", user);
        expect(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        User made = new User(name, location.substring(location.lastIndexOf('/') + 1));
        expect(send("POST", "/users/" + made.id() + "/role-mappings/realm", List.of(realmRole(realmRole))), 204);
        return made;
    }

    /** A user of the realm: its name and its id (the subject of its tokens). */
    public record User(String name, String id) {

        public void enabled(boolean enabled) {
            expect(send("PUT", "/users/" + id, Map.of("enabled", enabled)), 204);
        }

        public void withoutRealmRole(String realmRole) {
            expect(send("DELETE", "/users/" + id + "/role-mappings/realm", List.of(realmRole(realmRole))), 204);
        }

        public void delete() {
            expect(send("DELETE", "/users/" + id, null), 204);
        }
    }

    private static JsonNode realmRole(String name) {
        try {
            return JSON.readTree(
                    expect(send("GET", "/roles/" + name, null), 200).body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's role " + name + " could not be read", e);
        }
    }

    private static HttpResponse<String> send(String method, String path, Object body) {
        try {
            String base = KeycloakServer.realmUrl().replaceFirst("/realms/([^/]+)$", "/admin/realms/$1");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String adminToken() {
        String user = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String password = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-dev-password");
        String master = KeycloakServer.realmUrl().replaceFirst("/realms/[^/]+$", "/realms/master");
        return KeycloakTokens.accessToken(master, "admin-cli", user, password);
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("Keycloak's admin API answered " + answer.statusCode() + " to "
                    + answer.request().method() + " " + answer.request().uri() + ": " + answer.body());
        }
        return answer;
    }
}
