package com.dealradar.systemtests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a response of the public API against the committed contract (contract/openapi.json): the status must
 * be one the operation declares, the media type one that status declares, and the body must validate against
 * that status's schema (JSON Schema 2020-12, the OpenAPI 3.1 dialect, $refs resolved inside the contract).
 * Schemas are compiled once per operation and status, so a check costs a few microseconds.
 */
public final class ContractValidator {

    public static final Path CONTRACT_FILE = Path.of("..", "contract", "openapi.json");
    private static final String CONTRACT_URI = "https://dealradar.dev/contract/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractValidator INSTANCE = new ContractValidator(CONTRACT_FILE);

    /** How many responses were checked, and how many had a body validated against a schema (printed by tests). */
    public static final AtomicLong CHECKED = new AtomicLong();

    public static final AtomicLong BODIES_VALIDATED = new AtomicLong();

    private final JsonNode contract;
    private final JsonSchemaFactory factory;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    record Template(String path, Pattern pattern, int parameters) {}

    private ContractValidator(Path file) {
        try {
            String text = Files.readString(file);
            this.contract = JSON.readTree(text);
            this.factory = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    builder -> builder.metaSchema(OpenApi31.getInstance())
                            .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                            .schemaLoaders(loaders -> loaders.schemas(Map.of(CONTRACT_URI, text))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contract.path("paths").fieldNames().forEachRemaining(path -> {
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), (int)
                    path.chars().filter(c -> c == '{').count()));
        });
        // Literal segments win over parameters (/partners/audit before /partners/{partnerId}).
        templates.sort(Comparator.comparingInt(Template::parameters));
    }

    /**
     * The answer, after checking it against the contract as {@link ContractValidationFilter} does for RestAssured: for
     * the tests that call the public API with java.net.http (concurrency, outages, raw protocol). Fails the test with
     * the contract's objection.
     */
    public static <T> HttpResponse<T> checked(HttpResponse<T> response) {
        List<String> violations = get().violations(
                        response.request().method(),
                        response.request().uri().toString(),
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        name -> response.headers().firstValue(name).orElse(null),
                        response.body() instanceof String body ? body : null); // discarded: status only
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "The answer does not match contract/openapi.json:\n  " + String.join("\n  ", violations));
        }
        return response;
    }

    public static ContractValidator get() {
        return INSTANCE;
    }

    public JsonNode contract() {
        return contract;
    }

    /** The contract's path template that {@code rawPath} (no query) matches, if any. */
    public Optional<String> template(String rawPath) {
        return templates.stream()
                .filter(t -> t.pattern.matcher(rawPath).matches())
                .map(Template::path)
                .findFirst();
    }

    /**
     * What is wrong with this response according to the contract (empty when it conforms). Paths the contract
     * does not describe (health, Swagger UI, backends called directly) are not checked.
     */
    public List<String> violations(String method, String url, int status, String contentType, String body) {
        return violations(method, url, status, contentType, NO_HEADERS, body);
    }

    /** No header is known (a check of the status and body only). */
    public static final UnaryOperator<String> NO_HEADERS = name -> null;

    /**
     * As above, also checking the answer's headers: every header the contract declares required for this status
     * ({@code ETag}, {@code Location}) must be present ({@code header} gives a header's value by name, or null).
     */
    public List<String> violations(
            String method, String url, int status, String contentType, UnaryOperator<String> header, String body) {
        String path = URI.create(url.replace(" ", "%20")).getRawPath();
        Optional<String> template = template(path);
        String m = method.toLowerCase(Locale.ROOT);
        if (template.isEmpty() || !contract.path("paths").path(template.get()).has(m)) {
            return List.of();
        }
        return violations(
                method, template.get(), method.toUpperCase(Locale.ROOT) + " " + url, status, contentType, header, body);
    }

    /** As above, for a request already known to be of the operation {@code method template}. */
    public List<String> violations(
            String method,
            String template,
            String where,
            int status,
            String contentType,
            UnaryOperator<String> header,
            String body) {
        String m = method.toLowerCase(Locale.ROOT);
        CHECKED.incrementAndGet();
        where = where + " -> " + status;
        JsonNode responses = contract.path("paths").path(template).path(m).path("responses");
        String code = Integer.toString(status);
        JsonNode response = responses.has(code) ? responses.get(code) : responses.get("default");
        if (response == null) {
            return List.of(where + ": status not declared for " + m.toUpperCase(Locale.ROOT) + " " + template
                    + " (declared: " + iterable(responses.fieldNames()) + ")");
        }
        if (header != NO_HEADERS) {
            List<String> missing = new ArrayList<>();
            response.path("headers").fields().forEachRemaining(declared -> {
                JsonNode definition = declared.getValue().has("$ref")
                        ? contract.at(declared.getValue().get("$ref").asText().substring(1))
                        : declared.getValue();
                if (definition.path("required").asBoolean(false) && header.apply(declared.getKey()) == null) {
                    missing.add(declared.getKey());
                }
            });
            if (!missing.isEmpty()) {
                return List.of(where + ": required header(s) " + missing + " missing from the answer");
            }
        }
        if (body == null || body.isEmpty() || status == 304 || "HEAD".equalsIgnoreCase(method)) {
            return List.of();
        }
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            return List.of(where + ": a body (" + contentType + ") where the contract declares none");
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            return List.of(where + ": media type " + mediaType + " not declared (declared: "
                    + iterable(content.fieldNames()) + ")");
        }
        if (!content.path(mediaType).has("schema") || !mediaType.contains("json")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(template) + "/" + m + "/responses/"
                + (responses.has(code) ? code : "default") + "/content/" + escape(mediaType) + "/schema";
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(where + ": body is not JSON: " + abbreviate(body));
        }
        JsonSchema schema = compiled.computeIfAbsent(pointer, p -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
            return factory.getSchema(SchemaLocation.of(CONTRACT_URI + "#" + p), config);
        });
        BODIES_VALIDATED.incrementAndGet();
        Set<ValidationMessage> messages = schema.validate(instance);
        String at = where;
        return messages.stream()
                .map(msg -> at + ": " + msg.getMessage() + " in " + abbreviate(body))
                .toList();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
