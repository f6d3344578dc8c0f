package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.systemtests.contract.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation's documented example works: the test walks contract/openapi.json and, on a fresh local-run-like
 * stack, sends each operation with its documented parameter and body examples (as "Try it out" would, with the
 * admin API key), in an order that creates what later operations need: creates first, then reads, replacements,
 * patches, actions and deletes of each resource. A path parameter without an example is taken from what an
 * earlier step created (a partner's id, a key's id); If-Match is the ETag of a read just before. Each must get the
 * operation's documented success status, and its answer must match the contract.
 */
class ContractExamplesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Resources in the order their examples depend on each other (a regime names a region, a deal companies, ...). */
    static final List<String> RESOURCES = List.of(
            "regions",
            "regimes",
            "companies",
            "ownership-links",
            "deals",
            "regulatory-matters",
            "certifications",
            "regulatory-assessments",
            "partners",
            "write-audit");

    /**
     * Resources a caller owns (a calendar subscription belongs to a user or a partner): the walk uses the partner key it
     * issued, as the bootstrap admin key owns nothing.
     */
    static final List<String> OWNED_BY_CALLER = List.of("calendar-subscriptions");

    static final String PARTNER_KEY = "partner key";

    static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    record Op(String method, String path, JsonNode operation) {
        int params() {
            return (int) path.chars().filter(c -> c == '{').count();
        }

        boolean action() {
            return method.equals("post") && path.matches(".*}/[a-z-]+$") && !path.endsWith("/keys");
        }

        int rank() {
            return switch (method) {
                case "post" -> action() ? 4 : 0;
                case "get" -> 1;
                case "put" -> 2;
                case "patch" -> 3;
                default -> 5;
            };
        }

        /** The resource the operation is about: the path's first segment after /api/v1. */
        String first() {
            return path.replace("/api/v1/", "").split("/")[0];
        }

        boolean ownedByCaller() {
            return OWNED_BY_CALLER.contains(first());
        }

        /**
         * Only a dead delivery can be replayed, and one dies after hours of backoff: the walk asks for an unknown one and
         * expects the documented 404 (EventsAndWebhooksSystemTest replays a real dead one; WebhookDeliveryTest gets
         * the 409 of one that is not dead).
         */
        boolean replay() {
            return path.endsWith("/replay");
        }

        int resource() {
            int i = RESOURCES.indexOf(first());
            return i < 0 ? RESOURCES.size() : i;
        }

        int expected() {
            List<Integer> ok = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(s -> {
                if (s.matches("2\\d\\d")) {
                    ok.add(Integer.parseInt(s));
                }
            });
            return ok.stream().min(Integer::compare).orElseThrow();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyDocumentedExampleWorksInOrder() throws Exception {
        LocalRun local = LocalRun.get();
        JsonNode contract = ContractValidator.get().contract();
        List<Op> ops = new ArrayList<>();
        contract.path("paths")
                .properties()
                .forEach(p ->
                        p.getValue().properties().forEach(m -> ops.add(new Op(m.getKey(), p.getKey(), m.getValue()))));
        ops.sort(Comparator.comparingInt(Op::resource)
                .thenComparing(op -> op.method().equals("delete")) // what the walk created goes last
                .thenComparingInt(Op::params)
                .thenComparingInt(Op::rank)
                .thenComparing(Op::path));

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> created = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Op op : ops) {
            Map<String, String> values = new HashMap<>();
            Map<String, String> query = new HashMap<>();
            for (JsonNode p : op.operation().path("parameters")) {
                JsonNode example = p.get("example");
                if (example != null
                        && (p.path("in").asText().equals("path")
                                || p.path("required").asBoolean())) {
                    (p.path("in").asText().equals("query") ? query : values)
                            .put(p.path("name").asText(), example.asText());
                }
            }
            Matcher m = PARAM.matcher(op.path());
            StringBuilder path = new StringBuilder();
            boolean missing = false;
            while (m.find()) {
                String collection = op.path().substring(0, m.start() - 1);
                String value = values.getOrDefault(m.group(1), created.get(collection));
                if (value == null && op.replay()) {
                    value = UUID.randomUUID().toString();
                }
                if (value == null) {
                    failures.add(op + ": no example for {" + m.group(1) + "} and nothing created for it");
                    missing = true;
                    value = "";
                }
                m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            }
            m.appendTail(path);
            if (missing) {
                continue;
            }
            StringBuilder url = new StringBuilder(local.url()).append(path);
            query.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? "?" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));

            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
                    .timeout(Duration.ofSeconds(15))
                    .header(
                            "X-API-Key",
                            op.ownedByCaller() ? created.getOrDefault(PARTNER_KEY, local.adminKey()) : local.adminKey())
                    .header("Accept", accepted(op));
            boolean conditional = false;
            for (JsonNode p : op.operation().path("parameters")) {
                conditional |= p.path("in").asText().equals("header")
                        && p.path("name").asText().equalsIgnoreCase("If-Match");
            }
            if (conditional) {
                String target = op.action() ? path.substring(0, path.lastIndexOf("/")) : path.toString();
                HttpResponse<String> read = http.send(
                        HttpRequest.newBuilder(URI.create(local.url() + target))
                                .header("X-API-Key", local.adminKey())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String etag = read.headers().firstValue("ETag").orElse(null);
                if (etag == null) {
                    failures.add(op + ": reading " + target + " for its ETag gave " + read.statusCode());
                    continue;
                }
                request.header("If-Match", etag);
            }
            JsonNode body = op.operation().path("requestBody");
            if (!body.isMissingNode()) {
                JsonNode content = body.path("content");
                String mediaType = content.has("application/merge-patch+json")
                        ? "application/merge-patch+json"
                        : content.fieldNames().next();
                JsonNode example = example(content.path(mediaType));
                if (example == null
                        && body.path("required").asBoolean(op.method().matches("put|patch"))) {
                    failures.add(op + ": the request body has no example");
                    continue;
                }
                request.header("Content-Type", mediaType)
                        .method(
                                op.method().toUpperCase(),
                                example == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(example)));
            } else {
                request.method(op.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sent++;
            System.out.printf("example %-60s -> %d%n", op, response.statusCode());
            int expected = op.replay() ? 404 : op.expected();
            if (response.statusCode() != expected) {
                failures.add(op + ": expected " + expected + ", got " + response.statusCode() + " "
                        + abbreviate(response.body()));
                continue;
            }
            failures.addAll(ContractValidator.get()
                    .violations(
                            op.method(),
                            url.toString(),
                            response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            name -> response.headers().firstValue(name).orElse(null),
                            response.body()));
            remember(op, response.body(), created);
        }
        System.out.printf(
                "Contract examples: %d operations, %d sent, %d failures%n", ops.size(), sent, failures.size());
        assertThat(failures)
                .as("operations whose documented example does not work")
                .isEmpty();
    }

    /**
     * The id of what a create example made, under its collection's path template, for later operations on it that have
     * no example of their own (the deal the walk created and then deletes, a partner's webhook); and the secret of the
     * latest partner key issued (a rotation's new key outlives the deletion of the first one).
     */
    private static void remember(Op op, String body, Map<String, String> created) throws Exception {
        if (!op.method().equals("post")) {
            return;
        }
        JsonNode answer = JSON.readTree(body);
        if (op.path().endsWith("/keys") || op.path().endsWith("/rotate")) {
            created.put(PARTNER_KEY, answer.path("secret").asText());
        }
        if (op.expected() == 201 && !op.path().endsWith("/rotate") && answer.hasNonNull("id")) {
            created.put(op.path(), answer.get("id").asText());
        }
    }

    /** The body "Try it out" pre-fills: the working example, or else the first named one. */
    private static JsonNode example(JsonNode mediaType) {
        JsonNode example = mediaType.get("example");
        if (example == null && mediaType.path("examples").size() > 0) {
            example = mediaType.path("examples").elements().next().get("value");
        }
        return example;
    }

    /** What the success answer is documented as (a calendar is text/calendar, not JSON). */
    private static String accepted(Op op) {
        JsonNode content = op.operation()
                .path("responses")
                .path(String.valueOf(op.expected()))
                .path("content");
        return content.size() > 0 ? content.fieldNames().next() : "application/json";
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
