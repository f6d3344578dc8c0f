package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every operation of the public contract that takes a request body, through the gateway, as an
 * admin (allowed everywhere): each answer is a 4xx application/problem+json, never a 5xx, an HTML page or a
 * stack trace. Ids in paths are the seed data's, so the requests reach the real validation, not only a 404;
 * none of these bodies is valid, so nothing changes.
 */
class GatewayBadInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> SEED_IDS = Map.of(
            "{idOrSlug}", "zte", "{code}", "GB", "{idOrCode}", "UK-NSIA",
            "{id}", "973a4522-3530-5077-b71c-a59a70f0ce3f");

    @Test
    void everyWriteAnswersBadBodiesWithA4xxProblem() throws Exception {
        String gateway = Services.gateway().url();
        String admin = KeycloakTokens.bearer("admin");
        Map<String, String> bodies = Map.of(
                "malformed JSON", "{\"name\": ",
                "wrong types", "{\"name\": 42, \"country\": true, \"type\": [], \"status\": {}}",
                "unknown field", "{\"definitelyNotAField\": 1}",
                "not an object", "[1, 2, 3]",
                "oversized", "{\"description\": \"" + "x".repeat(300_000) + "\"}");
        List<String> wrong = new ArrayList<>();
        JsonNode paths = new ObjectMapper().readTree(Path.of("..", "contract", "openapi.json").toFile()).path("paths");
        List<GatewaySecurityTest.Operation> withBodies = GatewaySecurityTest.contractOperations().stream()
                .filter(op -> paths.path(op.template()).path(op.method()).has("requestBody")).toList();
        assertThat(withBodies).hasSizeGreaterThan(15);
        for (GatewaySecurityTest.Operation op : withBodies) {
            String path = op.template();
            for (var id : SEED_IDS.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            path = path.replaceAll("\\{[A-Za-z]+}", "00000000-0000-4000-8000-000000000000");
            for (var body : bodies.entrySet()) {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", admin).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                        .method(op.method().toUpperCase(), HttpRequest.BodyPublishers.ofString(body.getValue())).build(),
                        HttpResponse.BodyHandlers.ofString());
                String type = answer.headers().firstValue("Content-Type").orElse("");
                boolean ok = answer.statusCode() >= 400 && answer.statusCode() < 500
                        && type.startsWith("application/problem+json")
                        && !answer.body().contains("Exception") && !answer.body().contains("\tat ");
                if (!ok) {
                    wrong.add(op + " with " + body.getKey() + ": " + answer.statusCode() + " " + type + " "
                            + answer.body().substring(0, Math.min(160, answer.body().length())));
                }
            }
        }
        assertThat(wrong).as("bad input answered without a 4xx problem").isEmpty();
    }
}
