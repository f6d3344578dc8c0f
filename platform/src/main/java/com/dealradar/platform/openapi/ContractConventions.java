package com.dealradar.platform.openapi;

import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The HTTP conventions of every DealRadar API, written into its OpenAPI document once instead of on every
 * operation (registered for every service in platform's microprofile-config.properties; the gateway's
 * ContractFilter runs it too):
 * <ul>
 * <li>every error answer (4xx, 5xx) is a {@link Problem} (application/problem+json) with an example of its own
 * status and kind; the answers every operation can give are declared where the resource does not declare them
 * itself (400 always, 404 with a path parameter, 409, 412, 422 and 428 with If-Match, 409 and 422 with Idempotency-Key);</li>
 * <li>a list (an operation with a {@code cursor} parameter) documented as an array of X answers a typed page
 * {@code XPage}: {@code items} of X and {@code nextCursor};</li>
 * <li>query parameters carry no example (Swagger UI would pre-fill them and filter every list silently), and an
 * enumeration without a type is a string;</li>
 * <li>working examples: {@code META-INF/openapi-examples.json} of the service maps {@code "METHOD /path"} to
 * {@code {"parameters": {name: value}, "body": ...}}, values that exist in the seed data or that an earlier
 * example creates (never placeholders such as "string"): "Try it out" then sends something that works.</li>
 * </ul>
 */
public class ContractConventions implements OASFilter {

    /** Answers every operation can give. */
    public static final Map<String, String> COMMON_ANSWERS = Map.of(
            "400",
            "The request is malformed: a parameter, header, path segment or the body is invalid (errors names it)");
    /** Answers every operation with a path parameter can give. */
    public static final Map<String, String> PATH_ANSWERS = Map.of("404", "No resource with this id");
    /** Answers of a conditional write (an If-Match header parameter): required, and must be current. */
    public static final Map<String, String> CONDITIONAL_ANSWERS = ordered(
            "412", "If-Match does not match the current ETag: read the resource again and reapply your change",
            "428", "If-Match is missing: send the ETag you last read");
    /**
     * Answers every conditional write can give besides its own: a unique value another resource holds (the database's
     * constraint), a state that does not allow the change, a value that cannot change or a reference to nothing.
     * Declared on all of them, since most can give them and a client generated from the contract gets a typed error
     * only for a declared status (a resource's own description wins).
     */
    public static final Map<String, String> WRITE_CONFLICT_ANSWERS = ordered(
            "409",
                    "The change conflicts with the current state of this or another resource (a value that must be"
                            + " unique is taken, a state that does not allow it); nothing was written",
            "422",
                    "The request is well-formed but cannot be applied (a value that cannot change, a reference to"
                            + " something that does not exist; errors names it); nothing was written");

    /** The answer of a conditional read (If-None-Match) whose representation has not changed. */
    public static final Map<String, String> NOT_MODIFIED_ANSWER =
            ordered("304", "Not modified: If-None-Match names the current ETag (no body)");
    /** Answers of an operation made safe to retry with Idempotency-Key. */
    public static final Map<String, String> IDEMPOTENT_ANSWERS = ordered(
            "409",
                    "A request with this Idempotency-Key is still being processed, or the change conflicts with the current state",
            "422", "The Idempotency-Key was already used with a different request, or the request cannot be processed");

    /** What the request headers every API uses the same way mean, by lower-case name. */
    public static final Map<String, String> HEADER_DESCRIPTIONS = Map.of(
            "if-match",
            "The ETag of your last read of this resource: the change is made only while it is still the current one "
                    + "(412 otherwise, 428 without it)",
            "if-none-match",
            "The ETag of an earlier answer: 304 without a body while it is still the current one",
            "idempotency-key",
            "A key of your choice for this write, 1 to 255 characters (a UUID, say): a retry with the same key and body "
                    + "within a day gets the first answer again (Idempotent-Replayed: true) instead of a second write");

    /** What the properties every resource has mean, for the schemas that do not say it themselves. */
    public static final Map<String, String> COMMON_PROPERTIES = Map.of(
            "id", "Its id, assigned when it was created",
            "createdAt", "When it was created (UTC)",
            "updatedAt", "When it last changed (UTC)",
            "sources", "Where these facts come from");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        apply(api);
    }

    /** Where a service keeps the working examples of its operations (see the class comment). */
    public static final String EXAMPLES = "META-INF/openapi-examples.json";

    /** Applies the conventions to every operation of {@code api}; running it twice changes nothing more. */
    public static void apply(OpenAPI api) {
        Map<String, Map<String, Object>> examples = examples();
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        if (api.getComponents().getSchemas() != null) {
            Map<String, Schema> components = api.getComponents().getSchemas();
            components.values().forEach(schema -> optionalMayBeNull(schema, components));
            components.values().forEach(ContractConventions::describeCommonProperties);
            components.values().forEach(ContractConventions::anchorPatterns);
            components.forEach((name, schema) -> closeRequestBody(name, schema));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null || path.startsWith("/q/")) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                declare(operation, COMMON_ANSWERS);
                if (path.contains("{")) {
                    declare(operation, PATH_ANSWERS);
                }
                boolean conditionalRead = hasParameter(operation, Parameter.In.HEADER, "If-None-Match");
                boolean conditionalWrite = hasParameter(operation, Parameter.In.HEADER, "If-Match");
                if (conditionalWrite) {
                    declare(operation, CONDITIONAL_ANSWERS);
                    declare(operation, WRITE_CONFLICT_ANSWERS);
                }
                if (conditionalRead) {
                    declare(operation, NOT_MODIFIED_ANSWER);
                }
                boolean idempotent = hasParameter(operation, Parameter.In.HEADER, "Idempotency-Key");
                if (idempotent) {
                    declare(operation, IDEMPOTENT_ANSWERS);
                }
                declareResponseHeaders(
                        api,
                        operation,
                        conditionalRead || conditionalWrite,
                        hasParameter(operation, Parameter.In.QUERY, "cursor"),
                        idempotent);
                documentProblems(operation, path);
                if (hasParameter(operation, Parameter.In.QUERY, "cursor")) {
                    typePages(api, operation);
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> {
                        tidyParameter(parameter);
                        describeParameter(parameter, path);
                        anchorPatterns(parameter.getSchema());
                    });
                }
                item.getOperations().forEach((method, op) -> {
                    if (op == operation) {
                        applyExample(operation, examples.get(method.name() + " " + path));
                    }
                });
            });
        });
    }

    /**
     * A Bean Validation {@code @Pattern} matches the whole value, a JSON Schema {@code pattern} anywhere in it: written
     * as it came ({@code [A-Z]{2}}), the contract let a validating client accept {@code "gbr-GBR"} as a country that
     * the service refuses. Every pattern is anchored ({@code ^(?:...)$}), but {@code \S}, which comes from
     * {@code @NotBlank} and means what it says in JSON Schema: at least one character that is not a space. Nested
     * schemas (properties, items, compositions) too; references are left to their own component.
     */
    static void anchorPatterns(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.startsWith("^") && !pattern.equals(NOT_BLANK_PATTERN)) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractConventions::anchorPatterns);
        }
        anchorPatterns(schema.getItems());
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull)
                .forEach(schemas -> schemas.forEach(ContractConventions::anchorPatterns));
    }

    /** What SmallRye OpenAPI writes for {@code @NotBlank}. */
    private static final String NOT_BLANK_PATTERN = "\\S";

    /**
     * A request body ({@code XInput}, {@code XPatch}) takes only the fields it documents: the services refuse any other
     * with a 400 ({@code StrictJson}), and the contract says so ({@code additionalProperties: false}), so that a client
     * validating before sending finds a misspelt field itself.
     */
    static void closeRequestBody(String name, Schema schema) {
        if ((name.endsWith("Input") || name.endsWith("Patch"))
                && schema.getProperties() != null
                && schema.getAdditionalPropertiesSchema() == null) {
            schema.setAdditionalPropertiesBoolean(false);
        }
    }

    /** Describes the {@link #COMMON_PROPERTIES} of {@code schema} that have no description of their own. */
    private static void describeCommonProperties(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            String description = COMMON_PROPERTIES.get(name);
            if (description != null
                    && (property.getDescription() == null
                            || property.getDescription().isBlank())) {
                property.setDescription(description);
            }
        });
    }

    /**
     * The services write an absent optional value as {@code null} (they do not omit it): the schema says so, so that a
     * validating or generated client accepts what is really sent.
     */
    private static void optionalMayBeNull(Schema schema, Map<String, Schema> components) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (required.contains(name)) {
                    optionalMayBeNull(property, components);
                    return;
                }
                if (property.getRef() != null) {
                    // A reference to a scalar (LocalDate, say) is written inline so that null can be added to its type.
                    Schema target = components.get(
                            property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                    if (target != null
                            && target.getProperties() == null
                            && target.getEnumeration() == null
                            && target.getType() != null
                            && !target.getType().isEmpty()
                            && !target.getType().contains(Schema.SchemaType.OBJECT)
                            && !target.getType().contains(Schema.SchemaType.ARRAY)) {
                        property.setRef(null);
                        property.setType(new ArrayList<>(target.getType()));
                        if (property.getFormat() == null) {
                            property.setFormat(target.getFormat());
                        }
                    }
                }
                if (property.getRef() == null
                        && property.getEnumeration() == null
                        && property.getType() != null
                        && !property.getType().isEmpty()
                        && !property.getType().contains(Schema.SchemaType.NULL)) {
                    property.addType(Schema.SchemaType.NULL);
                }
                optionalMayBeNull(property, components);
            });
        }
        optionalMayBeNull(schema.getItems(), components);
    }

    /**
     * A JSON Merge Patch body (RFC 7396) sends only the fields it changes, so a PATCH operation whose body is
     * documented as X is documented as {@code XPatch}: X's fields, none of them required (a field left out is left
     * unchanged; null removes an optional one). Without it, a generated client makes every required field of X
     * mandatory in a patch, and a lint refuses a patch example such as {@code {"enabled": true}}. Run on the final
     * document (the gateway's contract), after {@link #apply}.
     */
    public static void typeMergePatches(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null || api.getComponents() == null) {
            return;
        }
        Map<String, Schema> components = api.getComponents().getSchemas();
        api.getPaths().getPathItems().values().forEach(item -> {
            Operation patch = item.getPATCH();
            if (patch == null
                    || patch.getRequestBody() == null
                    || patch.getRequestBody().getContent() == null) {
                return;
            }
            patch.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                Schema body = media.getSchema();
                String name = body == null || body.getRef() == null
                        ? null
                        : body.getRef().substring(body.getRef().lastIndexOf('/') + 1);
                Schema whole = name == null || name.endsWith("Patch") ? null : components.get(name);
                if (whole == null || whole.getProperties() == null) {
                    return;
                }
                String patchName = name.replaceFirst("Input$", "") + "Patch";
                if (!components.containsKey(patchName)) {
                    api.getComponents()
                            .addSchema(
                                    patchName,
                                    OASFactory.createSchema()
                                            .addType(Schema.SchemaType.OBJECT)
                                            .description("A JSON Merge Patch of " + name
                                                    + ": only the fields to change; a field left out keeps its "
                                                    + "value, null removes an optional one")
                                            .properties(new LinkedHashMap<>(whole.getProperties()))
                                            .additionalPropertiesBoolean(false));
                }
                media.setSchema(OASFactory.createSchema().ref(patchName));
            });
        });
    }

    /**
     * Drops the component schemas nothing refers to (scalars the scanner registered for a Java type, say), so that
     * the contract shows only what an operation or a webhook can send or receive.
     */
    public static void dropUnreferencedSchemas(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = api.getComponents().getSchemas();
        Set<String> reached = new HashSet<>();
        // A LinkedList: the walk meets absent parts (null), which an ArrayDeque refuses.
        LinkedList<Schema> todo = new LinkedList<>();
        Consumer<PathItem> fromItem = item -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().stream().map(Parameter::getSchema).forEach(todo::add);
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().stream()
                            .map(MediaType::getSchema)
                            .forEach(todo::add);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().stream()
                            .filter(r ->
                                    r.getContent() != null && r.getContent().getMediaTypes() != null)
                            .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                            .map(MediaType::getSchema)
                            .forEach(todo::add);
                }
            });
        };
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(fromItem);
        }
        if (api.getWebhooks() != null) {
            api.getWebhooks().values().forEach(fromItem);
        }
        while (!todo.isEmpty()) {
            Schema schema = todo.poll();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (reached.add(name) && components.get(name) != null) {
                    todo.add(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            todo.add(schema.getItems());
            todo.add(schema.getAdditionalPropertiesSchema());
            todo.add(schema.getNot());
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                    .filter(Objects::nonNull)
                    .forEach(todo::addAll);
        }
        new ArrayList<>(components.keySet())
                .stream().filter(name -> !reached.contains(name)).forEach(api.getComponents()::removeSchema);
    }

    @SuppressWarnings("unchecked")
    private static void applyExample(Operation operation, Map<String, Object> example) {
        if (example == null) {
            return;
        }
        Map<String, Object> parameters = (Map<String, Object>) example.getOrDefault("parameters", Map.of());
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> parameters.containsKey(p.getName()))
                    .forEach(p -> p.setExample(parameters.get(p.getName())));
        }
        if (example.containsKey("body")
                && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> {
                // The working example replaces hand-written named ones: OpenAPI allows example or examples, not
                // both (generators refuse the document), and only the working one is sent by a test.
                m.setExamples(null);
                m.setExample(example.get("body"));
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> examples() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : ContractConventions.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(EXAMPLES)) {
            return in == null ? Map.of() : new ObjectMapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EXAMPLES, e);
        }
    }

    /** Adds the answers {@code operation} does not declare itself (a resource's own description wins). */
    public static void declare(Operation operation, Map<String, String> answers) {
        answers.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation
                        .getResponses()
                        .addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
    }

    /**
     * The response headers every service sends, declared so that a generated client exposes them and a validating one
     * accepts them: on every answer the request id; a single resource's {@code ETag} (what If-Match and If-None-Match
     * take; on the 200 and 304 of a conditional read, the 200 of a conditional write, and every 201) and a created
     * resource's {@code Location}; a list's {@code Link} to the next page; {@code Retry-After} where waiting helps
     * (429, 503, the 409 of an Idempotency-Key in flight); a 401's challenge; and whether an answer is a replay. Those
     * sent on every such answer are required (the system tests check every answer against them), the others optional.
     */
    private static void declareResponseHeaders(
            OpenAPI api, Operation operation, boolean conditional, boolean list, boolean idempotent) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            boolean created = status.equals("201");
            header(
                    api,
                    response,
                    "X-Request-Id",
                    true,
                    Schema.SchemaType.STRING,
                    "The request's id: the one sent, or"
                            + " a new one; the same as a problem's requestId and in the services' logs");
            if (created || conditional && (status.equals("200") || status.equals("304"))) {
                header(
                        api,
                        response,
                        "ETag",
                        true,
                        Schema.SchemaType.STRING,
                        "The resource's entity tag: send it as If-Match to change the resource, "
                                + "as If-None-Match to read it again only when it has changed");
            }
            if (created) {
                header(
                        api,
                        response,
                        "Location",
                        true,
                        Schema.SchemaType.STRING,
                        "Where the created resource can be read");
            }
            if (list && status.equals("200")) {
                header(
                        api,
                        response,
                        "Link",
                        false,
                        Schema.SchemaType.STRING,
                        "rel=\"next\": the next page (the same as nextCursor), when there is one");
            }
            if (status.equals("429") || status.equals("503") || idempotent && status.equals("409")) {
                header(
                        api,
                        response,
                        "Retry-After",
                        false,
                        Schema.SchemaType.INTEGER,
                        "Seconds to wait before sending the request again");
            }
            if (status.equals("401")) {
                header(
                        api,
                        response,
                        "WWW-Authenticate",
                        false,
                        Schema.SchemaType.STRING,
                        "How to authenticate (RFC 9110 11.6.1)");
            }
            if (idempotent && (created || status.equals("200"))) {
                header(
                        api,
                        response,
                        "Idempotent-Replayed",
                        false,
                        Schema.SchemaType.BOOLEAN,
                        "true when this is the stored answer of an earlier request with the same Idempotency-Key");
            }
        });
    }

    /** A response header defined once under components/headers and referred to by every answer that has it. */
    public static void header(
            OpenAPI api,
            APIResponse response,
            String name,
            boolean required,
            Schema.SchemaType type,
            String description) {
        if (api.getComponents().getHeaders() == null
                || !api.getComponents().getHeaders().containsKey(name)) {
            api.getComponents()
                    .addHeader(
                            name,
                            OASFactory.createHeader()
                                    .description(description)
                                    .required(required)
                                    .schema(OASFactory.createSchema().addType(type)));
        }
        // Also where a document read back has it inline (the gateway merges the backends' documents).
        response.addHeader(name, OASFactory.createHeader().ref(name));
    }

    /** Every 4xx/5xx answer: a problem document, with an example of that status's own problem. */
    private static void documentProblems(Operation operation, String path) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.matches("[45]\\d\\d")) {
                return;
            }
            Map<String, Object> example = status.equals("400")
                    ? ProblemExamples.badRequest(path, invalidField(operation))
                    : ProblemExamples.of(Integer.parseInt(status), path, response.getDescription());
            MediaType media = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("Problem"))
                    .example(example);
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
        });
    }

    /**
     * The field a 400 example of {@code operation} names, with what is wrong with it: the limit of a list (its own
     * bounds), else the body of a write, else its first path parameter, else its first query parameter. A single
     * example for all, a limit "between 1 and 200", was shown on writes that take no limit and on lists that allow 500.
     */
    private static Map<String, String> invalidField(Operation operation) {
        Optional<Parameter> limit =
                parameter(operation, p -> p.getIn() == Parameter.In.QUERY && "limit".equals(p.getName()));
        if (limit.isPresent()) {
            Schema schema = limit.get().getSchema();
            int max = schema == null || schema.getMaximum() == null
                    ? 200
                    : schema.getMaximum().intValue();
            return ordered("field", "limit", "message", "must be between 1 and " + max);
        }
        Optional<Parameter> named = operation.getRequestBody() != null
                ? Optional.empty()
                : parameter(operation, p -> p.getIn() == Parameter.In.PATH)
                        .or(() -> parameter(operation, p -> p.getIn() == Parameter.In.QUERY));
        return named.map(p -> ordered("field", p.getName(), "message", "is not valid here"))
                .orElseGet(() -> ordered("field", "body", "message", "is not a JSON object of this operation's input"));
    }

    /** The first parameter of {@code operation} that {@code wanted} accepts. */
    private static Optional<Parameter> parameter(Operation operation, Predicate<Parameter> wanted) {
        return operation.getParameters() == null
                ? Optional.empty()
                : operation.getParameters().stream().filter(wanted).findFirst();
    }

    /** A list's answer documented as an array of X becomes the page of X ({@code XPage}). */
    private static void typePages(OpenAPI api, Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        Content content = ok == null ? null : ok.getContent();
        MediaType json = content == null ? null : content.getMediaType("application/json");
        Schema schema = json == null ? null : json.getSchema();
        if (schema == null
                || schema.getType() == null
                || !schema.getType().contains(Schema.SchemaType.ARRAY)
                || schema.getItems() == null
                || schema.getItems().getRef() == null) {
            return;
        }
        String item = schema.getItems().getRef().replace("#/components/schemas/", "");
        String pageName = item + "Page";
        if (api.getComponents().getSchemas() == null
                || !api.getComponents().getSchemas().containsKey(pageName)) {
            api.getComponents().addSchema(pageName, page(item));
        }
        json.setSchema(OASFactory.createSchema().ref(pageName));
    }

    /** The schema of one page of {@code item}s, as {@code com.dealradar.platform.paging.Page} writes it. */
    public static Schema page(String item) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One page of " + item + " items; follow nextCursor (or the Link header) for the next page")
                .addRequired("items")
                .addProperty(
                        "items",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref(item))
                                .description("Items of this page, in the requested order"))
                .addProperty(
                        "nextCursor",
                        OASFactory.createSchema()
                                .type(new ArrayList<>(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL)))
                                .description("Cursor of the next page; absent on the last page"));
    }

    private static void tidyParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.QUERY && !Boolean.TRUE.equals(parameter.getRequired())) {
            // Swagger UI pre-fills examples into "Try it out": a list would be filtered without the user asking.
            parameter.setExample(null);
            if (parameter.getExamples() != null) {
                parameter.setExamples(null);
            }
        }
        Schema schema = parameter.getSchema();
        if (parameter.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(parameter.getName())) {
            // As the services check it (Idempotency): a generated client can refuse a bad key before sending it.
            parameter.setSchema(OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .minLength(1)
                    .maxLength(255));
            return;
        }
        if (parameter.getIn() == Parameter.In.PATH
                && (parameter.getName().equals("id") || parameter.getName().endsWith("Id"))
                && schema != null
                && schema.getRef() == null
                && schema.getFormat() == null
                && schema.getPattern() == null) {
            // An id in a path is a UUID everywhere, also where a resource takes it as a String to check the caller
            // before the id (the webhooks, the dossier): a generated client then types every id alike.
            parameter.setSchema(OASFactory.createSchema().ref("UUID"));
            return;
        }
        if (schema != null
                && schema.getRef() == null
                && schema.getType() == null
                && schema.getEnumeration() != null
                && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
            schema.addType(Schema.SchemaType.STRING);
        }
    }

    /**
     * Gives a parameter the resource left undescribed the description every operation uses for it: the request
     * headers of the conventions above, and a path parameter named after the collection it picks a member of
     * ({@code {id}} in {@code /deals/{id}}: "Id of the deal").
     */
    private static void describeParameter(Parameter parameter, String path) {
        if (parameter.getDescription() != null && !parameter.getDescription().isBlank()) {
            return;
        }
        String description = switch (parameter.getIn()) {
            case HEADER -> HEADER_DESCRIPTIONS.get(parameter.getName().toLowerCase(Locale.ROOT));
            case PATH -> pathParameterDescription(path, parameter.getName());
            default -> null;
        };
        if (description != null) {
            parameter.setDescription(description);
        }
    }

    /**
     * "Id of the deal" for {@code {id}} after {@code /deals}, "Id or slug of the company" for {@code {idOrSlug}} after
     * {@code /companies}, "Id of the partner" for {@code {partnerId}} after {@code /partners}; null for a name
     * without a known pattern.
     */
    static String pathParameterDescription(String path, String name) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}") && !segments[i - 1].startsWith("{")) {
                String collection = segments[i - 1].replace('-', ' ');
                String member = collection.endsWith("ies")
                        ? collection.substring(0, collection.length() - 3) + "y"
                        : collection.replaceFirst("s$", "");
                return switch (name) {
                    case "id" -> "Id of the " + member;
                    case "idOrSlug" -> "Id or slug of the " + member;
                    case "idOrCode" -> "Id or code of the " + member;
                    case "code" -> "Code of the " + member;
                    default -> name.endsWith("Id") ? "Id of the " + member : null;
                };
            }
        }
        return null;
    }

    private static boolean hasParameter(Operation operation, Parameter.In in, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == in && name.equalsIgnoreCase(p.getName()));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Examples of the problems each status stands for, as the services really write them. */
    public static final class ProblemExamples {

        private static final String REQUEST_ID = "3f2c6f0e-2b7d-4c55-9b0f-5d7f0f3b1c11";

        private ProblemExamples() {}

        public static Map<String, Object> of(int status, String path) {
            return of(status, path, null);
        }

        /**
         * The example of {@code status} for an operation whose answer is described as {@code description}: a 409 or
         * 422 means different things on different operations (an Idempotency-Key in flight or reused, or the
         * operation's own conflict), so those two follow the description.
         */
        public static Map<String, Object> of(int status, String path, String description) {
            Map<String, Object> p = new LinkedHashMap<>();
            boolean idempotency = description != null && description.contains("Idempotency-Key");
            boolean described = description != null && !description.isBlank();
            switch (status) {
                case 400 -> {
                    return badRequest(path, ordered("field", "limit", "message", "must be between 1 and 200"));
                }
                case 401 ->
                    put(p, ProblemType.UNAUTHENTICATED, "Send an X-API-Key header or an Authorization: Bearer token");
                case 403 -> put(p, ProblemType.FORBIDDEN, "This operation needs the role analyst");
                case 404 -> put(p, ProblemType.NOT_FOUND, "No resource at this path");
                case 405 ->
                    put(
                            p,
                            ProblemType.METHOD_NOT_ALLOWED,
                            "DELETE is not supported here; Allow lists the methods that are");
                case 406 -> put(p, ProblemType.NOT_ACCEPTABLE, "This operation produces application/json");
                case 408 ->
                    put(
                            p,
                            ProblemType.REQUEST_TIMEOUT,
                            "The request body did not all arrive within 30 s of its headers");
                case 409 -> {
                    if (idempotency || !described) {
                        put(
                                p,
                                ProblemType.IDEMPOTENCY_IN_FLIGHT,
                                "The first request with this Idempotency-Key has not finished yet; retry in a moment");
                    } else {
                        put(
                                p,
                                description.contains("Transition")
                                        ? ProblemType.INVALID_TRANSITION
                                        : ProblemType.CONFLICT,
                                description);
                    }
                }
                case 410 ->
                    put(
                            p,
                            ProblemType.CURSOR_EXPIRED,
                            "The events after this cursor are past the feed's retention (30 days): re-read the resources"
                                    + " you follow, then start again without after=");
                case 412 ->
                    put(p, ProblemType.PRECONDITION_FAILED, "If-Match \"3\" does not match the current ETag \"4\"");
                case 413 -> put(p, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 256 KiB");
                case 414 -> put(p, ProblemType.URI_TOO_LONG, "The request line is longer than 8192 bytes");
                case 415 -> put(p, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
                case 422 -> {
                    if (idempotency || !described) {
                        put(
                                p,
                                ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was first used with a different request body; use a new key for a"
                                        + " new request");
                    } else {
                        put(p, ProblemType.UNPROCESSABLE, description);
                    }
                }
                case 428 -> put(p, ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag you last read");
                case 429 ->
                    put(p, ProblemType.RATE_LIMITED, "Rate limit of 600 requests per 60 s reached; retry after 12 s");
                case 431 -> put(p, ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than 20 KiB");
                case 500 ->
                    put(p, ProblemType.INTERNAL, "An unexpected error occurred; quote the requestId when reporting it");
                case 502 -> {
                    p.put("type", Problem.TYPE_BASE + "bad-gateway");
                    p.put("title", "Bad gateway");
                    p.put("status", 502);
                    p.put("detail", "company-service answered with an error.");
                }
                case 503 ->
                    put(
                            p,
                            ProblemType.DEPENDENCY_UNAVAILABLE,
                            "company-service is unavailable (circuit open); retry later");
                case 504 -> {
                    p.put("type", Problem.TYPE_BASE + "gateway-timeout");
                    p.put("title", "Gateway timeout");
                    p.put("status", 504);
                    p.put("detail", "company-service did not answer within 3 s.");
                }
                default -> {
                    p.put("title", "Error");
                    p.put("status", status);
                }
            }
            p.put("instance", path);
            p.put("requestId", REQUEST_ID);
            return p;
        }

        /** The 400 of an operation whose invalid input is {@code error} (field and message, in that order). */
        public static Map<String, Object> badRequest(String path, Map<String, String> error) {
            Map<String, Object> p = new LinkedHashMap<>();
            put(p, ProblemType.VALIDATION, "1 field is invalid");
            // Ordered: a Map.of iterates in a per-JVM random order, and the contract must be byte-for-byte stable.
            p.put("errors", List.of(error));
            p.put("instance", path);
            p.put("requestId", REQUEST_ID);
            return p;
        }

        private static void put(Map<String, Object> p, ProblemType type, String detail) {
            p.put("type", type.uri().toString());
            p.put("title", type.title());
            p.put("status", type.status());
            p.put("detail", detail);
        }
    }
}
