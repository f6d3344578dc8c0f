package com.dealradar.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the backends' own OpenAPI documents (written at build time by each backend with
 * quarkus.smallrye-openapi.store-schema-directory=target/openapi) into the gateway's static document
 * (src/main/resources/META-INF/openapi.json): paths under /api/v1, internal paths dropped, components merged
 * (a name defined differently by two backends is an error), tags merged. The gateway's build then adds its
 * composite operations and security schemes (ContractFilter).
 */
public final class ContractMerger {

    static final List<String> BACKENDS = List.of("company-service", "deal-service", "region-service");
    static final Set<String> INTERNAL_PREFIXES = Set.of("/clearances", "/q/");
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ContractMerger() {}

    public static Path backendDocument(Path repository, String backend) {
        return repository.resolve(backend).resolve("target/openapi/openapi.json");
    }

    public static ObjectNode merge(Map<String, JsonNode> backendDocs) {
        ObjectNode out = JSON.createObjectNode();
        out.put("openapi", "3.1.0");
        ObjectNode info = out.putObject("info");
        info.put("title", "DealRadar API");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Telecom and cloud deals and their regulatory clearance in China, Germany and the UK. "
                        + "One API for companies, deals, regions, regimes, regulatory matters, certifications and assessments, "
                        + "plus composite reads. Errors are RFC 9457 problems (application/problem+json). Single resources carry "
                        + "an ETag; PUT, PATCH and DELETE need If-Match; POST accepts Idempotency-Key; lists are keyset-paginated "
                        + "(limit, cursor, Link rel=next). Send X-Request-Id to correlate, W3C traceparent to trace. Answers are "
                        + "gzip-compressed when Accept-Encoding selects gzip; their ETags then end in -gzip (\"7-gzip\"), and "
                        + "either form works in If-Match and If-None-Match.");
        // Relative: clients and Swagger UI call the origin they read the document from (localhost, 127.0.0.1 or any
        // host name in front of the gateway), never another one that CORS would refuse.
        out.putArray("servers").addObject().put("url", "/").put("description", "The gateway that serves this document");
        Map<String, JsonNode> paths = new TreeMap<>();
        Map<String, Map<String, JsonNode>> components = new TreeMap<>();
        Map<String, JsonNode> tags = new TreeMap<>();
        backendDocs.forEach((backend, doc) -> {
            doc.path("paths").properties().forEach(e -> {
                if (INTERNAL_PREFIXES.stream().noneMatch(e.getKey()::startsWith)) {
                    paths.put("/api/v1" + e.getKey(), e.getValue());
                }
            });
            // The backends' own security scheme (the internal token) is no part of the public contract.
            doc.path("components").properties().stream()
                    .filter(section -> !section.getKey().equals("securitySchemes"))
                    .forEach(section -> section.getValue().properties().forEach(c -> {
                        Map<String, JsonNode> byName =
                                components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
                        JsonNode earlier = byName.putIfAbsent(c.getKey(), c.getValue());
                        if (earlier != null && !earlier.equals(c.getValue())) {
                            throw new IllegalStateException(
                                    "components." + section.getKey() + "." + c.getKey() + " is defined differently by "
                                            + backend + " and another backend: rename one of them");
                        }
                    }));
            // Only tags a public operation uses: an empty group (region-service's internal Clearances) is no help.
            doc.path("tags").forEach(tag -> {
                String name = tag.path("name").asText();
                boolean used = doc.path("paths").properties().stream()
                        .filter(p -> INTERNAL_PREFIXES.stream().noneMatch(p.getKey()::startsWith))
                        .anyMatch(p -> p.getValue().findValues("tags").stream()
                                .anyMatch(t -> t.toString().contains("\"" + name + "\"")));
                if (used) {
                    tags.putIfAbsent(name, tag);
                }
            });
        });
        ObjectNode pathsNode = out.putObject("paths");
        paths.forEach(pathsNode::set);
        Map<String, JsonNode> schemas = components.getOrDefault("schemas", new TreeMap<>());
        schemas.keySet().retainAll(reachableSchemas(paths.values(), schemas));
        ObjectNode componentsNode = out.putObject("components");
        components.forEach((section, byName) -> {
            ObjectNode s = componentsNode.putObject(section);
            byName.forEach(s::set);
        });
        tags.values().forEach(out.withArray("tags")::add);
        return out;
    }

    /**
     * Schemas the public paths use, directly or through other schemas, plus those the composites refer to by
     * name: what only internal operations used (e.g. region-service's Clearance) stays out.
     */
    static Set<String> reachableSchemas(Collection<JsonNode> publicPaths, Map<String, JsonNode> schemas) {
        Set<String> reached = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(publicPaths);
        ContractFilter.PART_REFS
                .values()
                .forEach(parts -> parts.values()
                        .forEach(ref -> todo.add(JSON.createObjectNode()
                                .put("$ref", "#/components/schemas/" + ref.replaceAll("\\W+$", "")))));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject() && node.path("$ref").isTextual()) {
                String name = node.path("$ref").asText().replace("#/components/schemas/", "");
                if (reached.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
            }
            node.forEach(todo::push);
        }
        return reached;
    }

    /** Removes members the gateway's build adds itself, so that a re-run compares like with like. */
    static void dropVolatile(ObjectNode doc) {
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("x-generated")) {
                it.remove();
            }
        }
    }

    public static String write(JsonNode doc) throws IOException {
        return JSON.writeValueAsString(JSON.readTree(JSON.writeValueAsBytes(doc))) + "\n";
    }

    public static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readAllBytes(file));
    }
}
