package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import com.dealradar.systemtests.contract.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every operation of the public contract that takes a request body, through the gateway, as an
 * admin (allowed everywhere), against real resources (ids read from the running services, a partner and key of
 * the test's own) with their current ETag in If-Match and the operation's own media type: so nothing but the body
 * can be refused. Each broken body is exactly a 400 problem of a bad-input type, a body over 256 KiB exactly a 413
 * payload-too-large problem (README, "API rules"), never a 5xx, an HTML page or a stack trace; nothing changes.
 */
class GatewayBadInputTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPES = "https://dealradar.dev/problems/";
    /** The problem types a refused body may have (ProblemType's 400s that are about the request's content). */
    private static final Set<String> BAD_INPUT_TYPES =
            Set.of(TYPES + "malformed-body", TYPES + "validation", TYPES + "bad-request");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String admin = KeycloakTokens.bearer("admin");

    @Test
    void everyWriteAnswersBadBodiesWith400AndOversizedOnesWith413() throws Exception {
        String gateway = Services.gateway().url();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"name\": ");
        bodies.put("wrong types", "{\"name\": 42, \"country\": true, \"type\": [], \"status\": {}, \"scopes\": 7}");
        bodies.put("unknown field", "{\"definitelyNotAField\": 1}");
        bodies.put("not an object", "[1, 2, 3]");
        bodies.put("oversized", "{\"description\": \"" + "x".repeat(300_000) + "\"}");
        JsonNode paths = JSON.readTree(Path.of("..", "contract", "openapi.json").toFile())
                .path("paths");
        List<GatewaySecurityTest.Operation> withBodies = GatewaySecurityTest.contractOperations().stream()
                .filter(op -> paths.path(op.template()).path(op.method()).has("requestBody"))
                .toList();
        assertThat(withBodies).hasSizeGreaterThan(15);

        String partner = JSON.readTree(send(
                                gateway,
                                "POST",
                                "/api/v1/partners",
                                "application/json",
                                "{\"name\": \"Bad Input Partner " + UUID.randomUUID()
                                        + "\", \"contact\": {\"email\": \"bad-input@example.org\"}}",
                                null)
                        .body())
                .path("id")
                .asText();
        String key = JSON.readTree(send(
                                gateway,
                                "POST",
                                "/api/v1/partners/" + partner + "/keys",
                                "application/json",
                                "{\"name\": \"bad-input\", \"scopes\": [\"read\"]}",
                                null)
                        .body())
                .path("id")
                .asText();
        assertThat(send(
                                gateway,
                                "POST",
                                "/api/v1/partners/" + partner + "/webhooks",
                                "application/json",
                                "{\"url\": \"http://127.0.0.1:9/bad-input\", \"eventTypes\": [\"deal.*\"]}",
                                null)
                        .statusCode())
                .as("a webhook endpoint to send bad bodies to")
                .isEqualTo(201);
        assertThat(partner).isNotBlank();
        assertThat(key).isNotBlank();

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (GatewaySecurityTest.Operation op : withBodies) {
            String path = realPath(gateway, op.template(), partner, key);
            JsonNode content = paths.path(op.template())
                    .path(op.method())
                    .path("requestBody")
                    .path("content");
            String mediaType = content.has("application/merge-patch+json")
                    ? "application/merge-patch+json"
                    : content.fieldNames().next();
            String etag = etagOf(gateway, path);
            boolean needsIfMatch = paths.path(op.template())
                    .path(op.method())
                    .path("responses")
                    .has("428");
            assertThat(!needsIfMatch || etag != null)
                    .as("an ETag for %s %s (read from %s)", op.method(), op.template(), path)
                    .isTrue();
            for (var body : bodies.entrySet()) {
                HttpResponse<String> answer = send(
                        gateway,
                        op.method().toUpperCase(),
                        path,
                        mediaType,
                        body.getValue(),
                        needsIfMatch ? etag : null);
                boolean oversized = body.getKey().equals("oversized");
                int expected = oversized ? 413 : 400;
                String type = answer.headers().firstValue("Content-Type").orElse("");
                String problemType = type.startsWith("application/problem+json")
                        ? JSON.readTree(answer.body()).path("type").asText()
                        : "";
                boolean ok = answer.statusCode() == expected
                        && type.startsWith("application/problem+json")
                        && (oversized
                                ? problemType.equals(TYPES + "payload-too-large")
                                : BAD_INPUT_TYPES.contains(problemType))
                        && !answer.body().contains("Exception")
                        && !answer.body().contains("\tat ");
                checked++;
                if (!ok) {
                    wrong.add(op.method().toUpperCase() + " " + path + " with " + body.getKey() + ": expected "
                            + expected + ", got " + answer.statusCode() + " " + type + " "
                            + answer.body()
                                    .substring(0, Math.min(200, answer.body().length())));
                }
            }
            // Nothing changed: the resource still has the ETag it had.
            if (etag != null) {
                assertThat(etagOf(gateway, path))
                        .as("ETag of %s after only bad bodies", path)
                        .isEqualTo(etag);
            }
        }
        System.out.printf(
                "bad input: %d operations x %d bodies = %d requests, %d answered otherwise%n",
                withBodies.size(), bodies.size(), checked, wrong.size());
        assertThat(wrong)
                .as("bad bodies not answered with exactly 400 (413 when oversized) and a bad-input problem")
                .isEmpty();
    }

    /**
     * Every query parameter the contract declares on a read, on a real resource, with values no client should send but
     * some will (blank, whitespace, a stray sign, a huge number, a long string, repeated): answered without a 5xx, and
     * a refusal is a problem document naming what is wrong. (A blank deal sort answered 500 until the lists read blank
     * as absent everywhere.)
     */
    @Test
    void everyQueryParameterOfEveryReadSurvivesOddValues() throws Exception {
        String gateway = Services.gateway().url();
        JsonNode paths = JSON.readTree(Path.of("..", "contract", "openapi.json").toFile())
                .path("paths");
        String partner = JSON.readTree(send(
                                gateway,
                                "POST",
                                "/api/v1/partners",
                                "application/json",
                                "{\"name\": \"Query Probe Partner " + UUID.randomUUID()
                                        + "\", \"contact\": {\"email\": \"query-probe@example.org\"}}",
                                null)
                        .body())
                .path("id")
                .asText();
        List<String> odd = List.of("", "%20", "%20%20", "-", "-1", "0", "99999999999999999999", "x".repeat(300), "%2C");
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (GatewaySecurityTest.Operation op : GatewaySecurityTest.contractOperations()) {
            JsonNode parameters = paths.path(op.template()).path(op.method()).path("parameters");
            if (!op.method().equals("get")
                    || op.template().contains("{keyId}")
                    || op.template().contains("{webhookId}")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            parameters.forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    names.add(p.path("name").asText());
                }
            });
            if (names.isEmpty()) {
                continue;
            }
            operations++;
            String path = realPath(gateway, op.template(), partner, null);
            for (String name : names) {
                List<String> queries = new ArrayList<>();
                odd.forEach(value -> queries.add(name + "=" + value));
                queries.add(name + "=1&" + name + "=2");
                for (String query : queries) {
                    // As the bootstrap admin key: its plan's limit leaves room for the hundreds of reads here.
                    HttpResponse<String> answer = ContractValidator.checked(HTTP.send(
                            HttpRequest.newBuilder(URI.create(gateway + path + "?" + query))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("X-API-Key", Services.ADMIN_KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    boolean ok = answer.statusCode() < 500
                            && (answer.statusCode() < 400 || type.startsWith("application/problem+json"))
                            && !answer.body().contains("\tat ");
                    if (!ok) {
                        wrong.add("GET " + path + "?" + query.substring(0, Math.min(60, query.length())) + ": "
                                + answer.statusCode() + " " + type);
                    }
                }
            }
        }
        System.out.printf(
                "odd query values: %d reads, answers by status %s, %d wrong%n", operations, statuses, wrong.size());
        assertThat(operations).isGreaterThan(10);
        assertThat(statuses).as("no answer cut short by a rate limit").doesNotContainKey(429);
        assertThat(wrong).isEmpty();
    }

    /** The template with every placeholder replaced by a real resource's id (slug, code) read through the gateway. */
    private String realPath(String gateway, String template, String partner, String key) throws Exception {
        StringBuilder path = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int end = 0;
        while (placeholder.find()) {
            path.append(template, end, placeholder.start());
            String name = placeholder.group(1);
            String value = switch (name) {
                case "partnerId" -> partner;
                case "keyId" -> key;
                default -> {
                    String collection = path.substring(0, path.length() - 1);
                    // The collection's first page (not every list takes a limit: a partner's webhooks are one page).
                    JsonNode items = JSON.readTree(send(gateway, "GET", collection, null, null, null)
                                    .body())
                            .path("items");
                    assertThat(items.size())
                            .as("a resource to send bad bodies to, from %s", collection)
                            .isPositive();
                    JsonNode first = items.get(0);
                    String field = switch (name) {
                        case "idOrSlug" -> "slug";
                        case "code", "idOrCode" -> "code";
                        default -> "id";
                    };
                    assertThat(first.hasNonNull(field))
                            .as("%s of %s", field, first)
                            .isTrue();
                    yield first.path(field).asText();
                }
            };
            path.append(value);
            end = placeholder.end();
        }
        return path.append(template.substring(end)).toString();
    }

    /** The ETag of the resource the operation changes: the path itself, or for an action (…/status-changes) its parent. */
    private String etagOf(String gateway, String path) throws Exception {
        for (String candidate : List.of(path, path.substring(0, path.lastIndexOf('/')))) {
            HttpResponse<String> read = send(gateway, "GET", candidate, null, null, null);
            if (read.statusCode() == 200 && read.headers().firstValue("ETag").isPresent()) {
                return read.headers().firstValue("ETag").get();
            }
        }
        return null;
    }

    private HttpResponse<String> send(
            String gateway, String method, String path, String mediaType, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", admin)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return ContractValidator.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
