package com.dealradar.gateway.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.gateway.calendar.CalendarResource;
import com.dealradar.gateway.calendar.CalendarTokenAuthenticationMechanism;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (contract/openapi.json, what frontends and partners generate clients from) is the
 * document the gateway serves at /q/openapi, and that document carries every operation of the backends' merged
 * document (src/main/resources/META-INF/openapi.json). -Dcontract.update=true rewrites the committed file from
 * the served document and reports what changed; it still fails when the served document is not built from the
 * current merged document (the update then has to run again after a rebuild).
 */
@QuarkusTest
class ContractTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void committedContractIsTheServedDocument() throws Exception {
        JsonNode servedDocument = served();
        String normalized = ContractMerger.write(servedDocument);
        assertThat(missingFromServed(ContractMerger.read(BackendContractTest.STATIC), servedDocument))
                .as(
                        "operations of %s that the served /q/openapi lacks (the gateway was built from another merged document: "
                                + "rebuild and run again)",
                        BackendContractTest.STATIC)
                .isEmpty();
        Path committed =
                Path.of(System.getProperty("contract.dir", "../contract")).resolve("openapi.json");
        if (Boolean.getBoolean("contract.update")) {
            String before = Files.exists(committed) ? Files.readString(committed) : "";
            Files.writeString(committed, normalized);
            System.out.println("contract update: " + committed
                    + (before.equals(normalized)
                            ? " unchanged"
                            : " rewritten; operations "
                                    + operations(before.isEmpty() ? null : ContractMerger.JSON.readTree(before))
                                            .size()
                                    + " -> " + operations(servedDocument).size() + ", added "
                                    + difference(servedDocument, before)
                                    + ", removed " + difference(before, servedDocument)));
            return;
        }
        assertThat(Files.exists(committed))
                .as("%s is missing: run with -Dcontract.update=true", committed)
                .isTrue();
        assertThat(Files.readString(committed))
                .as(
                        "contract/openapi.json differs from the served /q/openapi: run mvn -pl gateway -am verify -Dcontract.update=true and commit it")
                .isEqualTo(normalized);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * A merge patch sends only what changes: every PATCH body is a schema with no required field (a generated client
     * would otherwise demand the URL of a webhook to switch it on), with every field of the full input.
     */
    @Test
    void mergePatchBodiesRequireNoField() throws Exception {
        JsonNode document = served();
        List<String> patches = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            JsonNode body = path.getValue().path("patch").path("requestBody").path("content");
            body.properties().forEach(media -> {
                String name =
                        media.getValue().path("schema").path("$ref").asText().replace("#/components/schemas/", "");
                JsonNode schema = document.path("components").path("schemas").path(name);
                assertThat(schema.isObject())
                        .as("PATCH %s %s: body schema %s", path.getKey(), media.getKey(), name)
                        .isTrue();
                assertThat(schema.path("required").size())
                        .as("PATCH %s %s: %s requires %s", path.getKey(), media.getKey(), name, schema.path("required"))
                        .isZero();
                assertThat(schema.path("properties").size())
                        .as("PATCH %s: %s has fields", path.getKey(), name)
                        .isPositive();
                patches.add(path.getKey() + " " + media.getKey() + " -> " + name);
            });
        });
        System.out.println("merge-patch bodies: " + patches.size() + "\n  " + String.join("\n  ", patches));
        assertThat(patches).hasSizeGreaterThanOrEqualTo(8 * 2);
        JsonNode webhook = document.path("components").path("schemas").path("WebhookEndpointPatch");
        assertThat(webhook.path("properties").has("url")).isTrue();
        assertThat(webhook.path("properties").has("enabled")).isTrue();
    }

    /**
     * What the services answer is what the contract says (from a review of the contract): every conditional write
     * declares the conflicts it can answer (409, 422; a PUT of an archived status and a changed region code were
     * undeclared), every public answer but a 401 the rate-limit headers the gateway sends, every pattern matches the
     * whole value as the services' validation does, PATCH of a partner keeps the input's limits, and each 400 example
     * names a field the operation has.
     */
    @Test
    void theContractDeclaresWhatTheServicesAnswer() throws Exception {
        JsonNode document = served();
        List<String> writesWithoutConflicts = new ArrayList<>();
        List<String> answersWithoutRateLimit = new ArrayList<>();
        List<String> limitExamplesWithoutLimit = new ArrayList<>();
        forEachOperation(document, (name, operation) -> {
            boolean conditional = false;
            boolean limit = false;
            for (JsonNode parameter : operation.path("parameters")) {
                conditional |= parameter.path("name").asText().equals("If-Match");
                limit |= parameter.path("name").asText().equals("limit");
            }
            JsonNode responses = operation.path("responses");
            if (conditional && (!responses.has("409") || !name.startsWith("DELETE") && !responses.has("422"))) {
                writesWithoutConflicts.add(name);
            }
            responses.properties().forEach(answer -> {
                if (!answer.getKey().equals("401")
                        && (!answer.getValue().path("headers").has("RateLimit")
                                || !answer.getValue().path("headers").has("RateLimit-Policy"))) {
                    answersWithoutRateLimit.add(name + " " + answer.getKey());
                }
            });
            String field = responses
                    .path("400")
                    .path("content")
                    .path("application/problem+json")
                    .path("example")
                    .path("errors")
                    .path(0)
                    .path("field")
                    .asText();
            if (field.equals("limit") && !limit) {
                limitExamplesWithoutLimit.add(name);
            }
        });
        assertThat(writesWithoutConflicts)
                .as("conditional writes without 409/422")
                .isEmpty();
        assertThat(answersWithoutRateLimit)
                .as("answers without the rate-limit headers")
                .isEmpty();
        assertThat(limitExamplesWithoutLimit)
                .as("400 examples naming a limit the operation lacks")
                .isEmpty();
        assertThat(document.at(
                                "/paths/~1api~1v1~1events/get/responses/410/content/application~1problem+json/example/type")
                        .asText())
                .endsWith("/cursor-expired");

        List<String> unanchored = new ArrayList<>();
        document.findValues("pattern").forEach(pattern -> {
            if (pattern.isTextual()
                    && !pattern.asText().equals("\\S")
                    && !pattern.asText().startsWith("^")) {
                unanchored.add(pattern.asText());
            }
        });
        assertThat(unanchored).as("patterns that do not match the whole value").isEmpty();
        String country = document.at("/components/schemas/CompanyInput/properties/country/pattern")
                .asText();
        assertThat(java.util.regex.Pattern.compile(country).matcher("gbr-GBR").find())
                .isFalse();
        assertThat(java.util.regex.Pattern.compile(country).matcher("GB").find())
                .isTrue();

        JsonNode partnerName = document.at("/components/schemas/PartnerPatch/properties/name");
        assertThat(partnerName.path("maxLength").asInt()).isEqualTo(200);
        assertThat(partnerName.path("type").toString()).doesNotContain("null");
        assertThat(document.at("/components/schemas/PartnerPatch/properties/plan/maxLength")
                        .asInt())
                .isEqualTo(40);

        // Request bodies are closed (the services refuse unknown fields), every id in a path is a UUID, and an
        // Idempotency-Key has the services' bounds.
        List<String> open = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            if ((schema.getKey().endsWith("Input") || schema.getKey().endsWith("Patch"))
                    && !schema.getValue().path("additionalProperties").isBoolean()) {
                open.add(schema.getKey());
            }
        });
        assertThat(open).as("request bodies that allow unknown fields").isEmpty();
        List<String> untypedIds = new ArrayList<>();
        List<String> unboundedKeys = new ArrayList<>();
        forEachOperation(document, (name, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                String parameterName = parameter.path("name").asText();
                if (parameter.path("in").asText().equals("path")
                        && (parameterName.equals("id") || parameterName.endsWith("Id"))
                        && !parameter.at("/schema/$ref").asText().equals("#/components/schemas/UUID")) {
                    untypedIds.add(name + " " + parameterName);
                }
                if (parameterName.equals("Idempotency-Key")
                        && parameter.at("/schema/maxLength").asInt() != 255) {
                    unboundedKeys.add(name);
                }
            }
        });
        assertThat(untypedIds).as("ids in paths that are not UUIDs").isEmpty();
        assertThat(unboundedKeys).as("Idempotency-Key without its bounds").isEmpty();
        assertThat(document.at("/components/schemas/WriteAuditEntry").isObject())
                .isTrue();
    }

    /**
     * Every list (an operation with a {@code cursor} or {@code limit} parameter, the event feed included) tells a client
     * how to page it the same way: an optional integer {@code limit} with its bounds and default, and an optional
     * {@code cursor}, each with a description.
     */
    @Test
    void everyListDocumentsItsPageParameters() throws Exception {
        JsonNode document = served();
        List<String> lists = new ArrayList<>();
        forEachOperation(document, (name, operation) -> {
            JsonNode parameters = operation.path("parameters");
            JsonNode cursor = queryParameter(parameters, "cursor");
            JsonNode limit = queryParameter(parameters, "limit");
            if (cursor == null && limit == null) {
                return;
            }
            assertThat(limit).as("%s: a list without limit", name).isNotNull();
            if (cursor != null) {
                assertThat(cursor.path("description").asText())
                        .as("%s: cursor", name)
                        .isNotBlank();
                assertThat(cursor.path("required").asBoolean())
                        .as("%s: cursor", name)
                        .isFalse();
            }
            assertThat(limit.path("description").asText()).as("%s: limit", name).startsWith("Page size, 1 to ");
            assertThat(limit.path("required").asBoolean()).as("%s: limit", name).isFalse();
            JsonNode schema = limit.path("schema");
            assertThat(schema.path("type").asText()).as("%s: limit", name).isEqualTo("integer");
            assertThat(schema.path("minimum").asInt()).as("%s: limit", name).isEqualTo(1);
            assertThat(limit.path("description").asText())
                    .as("%s: limit says its maximum", name)
                    .endsWith(" " + schema.path("maximum").asInt());
            assertThat(schema.path("default").isInt())
                    .as("%s: limit's default", name)
                    .isTrue();
            lists.add(name + " (default " + schema.path("default") + ", at most " + schema.path("maximum") + ")");
        });
        System.out.println("lists: " + lists.size() + "\n  " + String.join("\n  ", lists));
        assertThat(lists).hasSizeGreaterThanOrEqualTo(15);
    }

    /**
     * Swagger UI and generated clients show what the contract says: every operation has a summary and a description,
     * every parameter a description (a path id says of what, a header what it does).
     */
    @Test
    void everyOperationAndParameterIsDescribed() throws Exception {
        JsonNode document = served();
        List<String> undescribed = new ArrayList<>();
        int[] counted = {0, 0};
        BiConsumer<String, JsonNode> check = (name, operation) -> {
            counted[0]++;
            for (String field : List.of("summary", "description")) {
                if (operation.path(field).asText().isBlank()) {
                    undescribed.add(name + ": no " + field);
                }
            }
            for (JsonNode parameter : operation.path("parameters")) {
                counted[1]++;
                if (parameter.path("description").asText().isBlank()) {
                    undescribed.add(name + ": " + parameter.path("in").asText() + " parameter "
                            + parameter.path("name").asText());
                }
            }
        };
        forEachOperation(document, check);
        // A receiver implements the webhooks' headers (Standard Webhooks) from these descriptions.
        forEachWebhook(document, check);
        System.out.printf(
                "operations and webhooks %d, parameters %d, undescribed %s%n", counted[0], counted[1], undescribed);
        assertThat(counted[1]).isGreaterThan(150 + 3 * 10);
        assertThat(undescribed).isEmpty();
    }

    /**
     * Generated clients name their methods after the operationId (without one, a generator makes up names such as
     * apiV1CompaniesIdOrSlugArchivePost): every operation has one, unique across the API, in lower camel case.
     */
    @Test
    void everyOperationHasAUniqueOperationId() throws Exception {
        JsonNode document = served();
        Map<String, String> named = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (name, operation) -> {
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z]+(?:[A-Z][a-z]+)+")) {
                problems.add(name + ": operationId '" + id + "'");
            } else if (named.containsKey(id)) {
                problems.add(id + " names both " + named.get(id) + " and " + name);
            }
            named.putIfAbsent(id, name);
        });
        System.out.println("operationIds: " + named.size() + " " + named.keySet());
        assertThat(problems).isEmpty();
        assertThat(named).containsEntry("archiveCompany", "POST /api/v1/companies/{idOrSlug}/archive");
        assertThat(named).hasSizeGreaterThan(60);
    }

    /**
     * A field whose values are a closed set (a status, an outcome, an action, a kind, a role) lists them, as an enum
     * or a reference to one, so that a generated client gets a type it can switch over instead of a bare string.
     * The one exception is a matter's outcome, which is the authority's decision in its own words.
     */
    @Test
    void closedSetsOfValuesAreEnumerated() throws Exception {
        JsonNode document = served();
        Set<String> closed = Set.of("status", "recordedStatus", "outcome", "action", "actorKind", "role", "kind");
        Set<String> freeText =
                Set.of("RegulatoryMatter.outcome", "RegulatoryMatterInput.outcome", "RegulatoryMatterPatch.outcome");
        List<String> open = new ArrayList<>();
        List<String> enumerated = new ArrayList<>();
        document.path("components")
                .path("schemas")
                .properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(property -> {
                            String name = schema.getKey() + "." + property.getKey();
                            if (!closed.contains(property.getKey()) || freeText.contains(name)) {
                                return;
                            }
                            JsonNode values = property.getValue();
                            if (!values.path("type").toString().contains("string") && !values.has("$ref")) {
                                return; // an HTTP status is a number
                            }
                            if (values.has("enum") || values.has("$ref")) {
                                enumerated.add(name);
                            } else {
                                open.add(name);
                            }
                        }));
        System.out.println("closed sets enumerated: " + enumerated.size() + " " + enumerated);
        assertThat(open)
                .as("fields with a closed set of values given as bare strings")
                .isEmpty();
        assertThat(enumerated)
                .contains(
                        "DeliveryView.status",
                        "AttemptView.outcome",
                        "ApiKeyAuditEntry.action",
                        "WriteAuditEntry.actorKind",
                        "DossierParticipant.role");
    }

    /**
     * The calendar feed's token is declared as a credential (a security scheme in the query), accepted on the feed
     * beside the API's own schemes and named by no other operation, as CalendarTokenAuthenticationMechanism accepts
     * it; it is not also listed as an ordinary parameter.
     */
    @Test
    void theCalendarTokenIsACredentialOfTheFeedOnly() throws Exception {
        JsonNode document = served();
        JsonNode scheme = document.at("/components/securitySchemes/" + ContractFilter.CALENDAR_TOKEN_SCHEME);
        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("query");
        assertThat(scheme.path("name").asText()).isEqualTo(CalendarTokenAuthenticationMechanism.PARAMETER);
        Map<String, List<String>> schemesByOperation = new TreeMap<>();
        forEachOperation(document, (name, operation) -> {
            JsonNode security = operation.has("security") ? operation.get("security") : document.get("security");
            List<String> names = new ArrayList<>();
            security.forEach(requirement -> requirement.fieldNames().forEachRemaining(names::add));
            schemesByOperation.put(name, names);
        });
        String feed = "GET " + CalendarResource.PATH;
        assertThat(schemesByOperation.get(feed))
                .containsExactly(ContractFilter.CALENDAR_TOKEN_SCHEME, "keycloak", "bearerJwt", "apiKey");
        schemesByOperation.remove(feed);
        assertThat(schemesByOperation.values())
                .allSatisfy(names -> assertThat(names).containsExactly("keycloak", "bearerJwt", "apiKey"));
        assertThat(document.at("/paths/" + CalendarResource.PATH.replace("/", "~1") + "/get/parameters")
                        .findValuesAsText("name"))
                .doesNotContain(CalendarTokenAuthenticationMechanism.PARAMETER)
                .contains("region", "deal", "company");
        System.out.println("calendarToken: " + feed + "; the other " + schemesByOperation.size()
                + " operations: keycloak, bearerJwt, apiKey");
        // The gateway takes the token where the contract says (an unknown token: 401), and nowhere else (400, as any
        // parameter an operation does not declare). No filters: other test classes of this JVM add a bearer token.
        given().noFilters()
                .queryParam(CalendarTokenAuthenticationMechanism.PARAMETER, "drc_unknown0_" + "x".repeat(43))
                .when()
                .get(CalendarResource.PATH)
                .then()
                .statusCode(401);
        given().noFilters()
                .queryParam(CalendarTokenAuthenticationMechanism.PARAMETER, "drc_unknown0_" + "x".repeat(43))
                .header("X-API-Key", "drk_unknown0_" + "x".repeat(43))
                .when()
                .get("/api/v1/regions")
                .then()
                .statusCode(400);
    }

    /**
     * What a client sends is described field by field: every property of every schema a request body reaches (the
     * inputs, their patches and what they nest) has a description, so Swagger UI and generated clients say what to
     * send.
     */
    @Test
    void everyFieldOfARequestBodyIsDescribed() throws Exception {
        JsonNode document = served();
        List<JsonNode> bodies = new ArrayList<>();
        forEachOperation(document, (name, operation) -> bodies.addAll(mediaSchemas(operation.path("requestBody"))));
        assertThat(requireDescribedFields(document, "request body", bodies))
                .contains("CompanyInput", "DealPatch", "RegulatoryMatterInput", "ClockStop", "TriggerRule");
    }

    /**
     * What a client receives is described field by field too: every property of every schema an answer reaches (every
     * status and media type, the problem documents included) or a webhook sends has a description, so Swagger UI and
     * generated clients say what each value is.
     */
    @Test
    void everyFieldOfAResponseIsDescribed() throws Exception {
        JsonNode document = served();
        List<JsonNode> answers = new ArrayList<>();
        forEachOperation(
                document,
                (name, operation) ->
                        operation.path("responses").forEach(response -> answers.addAll(mediaSchemas(response))));
        forEachWebhook(document, (name, webhook) -> answers.addAll(mediaSchemas(webhook.path("requestBody"))));
        assertThat(requireDescribedFields(document, "response", answers))
                .contains("Company", "Deal", "RegulatoryMatter", "Certification", "Problem", "FieldViolation", "Event");
    }

    /** The schema of each media type of a request body's or an answer's content. */
    private static List<JsonNode> mediaSchemas(JsonNode bodyOrAnswer) {
        List<JsonNode> schemas = new ArrayList<>();
        bodyOrAnswer.path("content").forEach(media -> schemas.add(media.path("schema")));
        return schemas;
    }

    /**
     * The names of the component schemas reachable from {@code roots} (through $ref, properties, items, allOf, anyOf
     * and oneOf); fails naming "Schema.property" for each of their properties without a description.
     */
    private static Set<String> requireDescribedFields(JsonNode document, String what, List<JsonNode> roots) {
        JsonNode schemas = document.path("components").path("schemas");
        Set<String> reached = new TreeSet<>();
        List<String> undescribed = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            JsonNode schema = todo.removeLast();
            if (!schema.isObject()) {
                continue;
            }
            String ref = schema.path("$ref").asText();
            if (!ref.isEmpty()) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (reached.add(name)) {
                    JsonNode component = schemas.path(name);
                    component.path("properties").properties().forEach(property -> {
                        if (property.getValue().path("description").asText().isBlank()) {
                            undescribed.add(name + "." + property.getKey());
                        }
                    });
                    todo.add(component);
                }
                continue;
            }
            schema.path("properties").forEach(todo::add);
            todo.add(schema.path("items"));
            for (String combined : List.of("allOf", "anyOf", "oneOf")) {
                schema.path(combined).forEach(todo::add);
            }
        }
        System.out.printf("%s schemas: %d, undescribed fields: %s%n", what, reached.size(), undescribed);
        assertThat(undescribed).as("%s fields without a description", what).isEmpty();
        return reached;
    }

    private static JsonNode queryParameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (name.equals(parameter.path("name").asText())
                    && "query".equals(parameter.path("in").asText())) {
                return parameter;
            }
        }
        return null;
    }

    /** The contract shows only schemas an operation or a webhook can send or receive (no stray Java scalars). */
    @Test
    void everyComponentSchemaIsReferenced() throws Exception {
        JsonNode document = served();
        String served = ContractMerger.write(document);
        JsonNode schemas = document.path("components").path("schemas");
        List<String> unreferenced = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!served.contains("\"#/components/schemas/" + name + "\"")) {
                unreferenced.add(name);
            }
        });
        System.out.println("component schemas: " + schemas.size() + ", unreferenced: " + unreferenced);
        assertThat(schemas.size()).isGreaterThan(50);
        assertThat(unreferenced).isEmpty();
    }

    private static JsonNode served() throws Exception {
        return ContractMerger.JSON.readTree(given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** "METHOD path" of every operation in {@code merged} that {@code served} does not have. */
    static List<String> missingFromServed(JsonNode merged, JsonNode served) {
        List<String> missing = new ArrayList<>(operations(merged));
        missing.removeAll(operations(served));
        return missing;
    }

    static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        if (document != null) {
            forEachOperation(document, (name, operation) -> operations.add(name));
        }
        return operations;
    }

    /** Every operation of {@code document} with its name, "METHOD path" (a path item's other keys are not operations). */
    static void forEachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
        forEachOperationOf(document.path("paths"), action);
    }

    /** Every webhook of {@code document} (what DealRadar sends a partner) with its name, "METHOD event type". */
    static void forEachWebhook(JsonNode document, BiConsumer<String, JsonNode> action) {
        forEachOperationOf(document.path("webhooks"), action);
    }

    private static void forEachOperationOf(JsonNode pathItems, BiConsumer<String, JsonNode> action) {
        pathItems
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (HTTP_METHODS.contains(method.getKey())) {
                        action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
    }

    private static Set<String> difference(Object from, Object minus) throws Exception {
        Set<String> result = new TreeSet<>(operations(tree(from)));
        result.removeAll(operations(tree(minus)));
        return result;
    }

    private static JsonNode tree(Object document) throws Exception {
        if (document instanceof JsonNode node) {
            return node;
        }
        String text = (String) document;
        return text.isEmpty() ? null : ContractMerger.JSON.readTree(text);
    }
}
