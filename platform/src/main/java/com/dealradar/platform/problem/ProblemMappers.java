package com.dealradar.platform.problem;

import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.security.AccessConfig;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem: client mistakes become a 4xx that says what to fix,
 * anything unexpected a 500 with only the request id (the stack trace goes to the log, never the client).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AccessConfig access;

    ProblemMappers(AccessConfig access) {
        this.access = access;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Response response = respond(e.toProblem(), request);
        e.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response violations(ConstraintViolationException e, ContainerRequestContext request) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return respond(problem(ProblemType.VALIDATION, FieldViolation.summary(errors, "fields"), errors), request);
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class
    })
    public Response unreadableBody(JsonProcessingException e, ContainerRequestContext request) {
        String field = e instanceof JsonMappingException m ? pathOf(m.getPath()) : null;
        String message = switch (e) {
            case UnrecognizedPropertyException u -> "unknown field '" + u.getPropertyName() + "'";
            case InvalidFormatException f
            when f.getTargetType() != null && f.getTargetType().isEnum() ->
                "'" + f.getValue() + "' is not one of " + enumValues(f.getTargetType());
            case InvalidFormatException f
            when f.getTargetType() != null -> "'" + f.getValue() + "' is not " + describe(f.getTargetType());
            case ValueInstantiationException v ->
                v.getCause() != null ? v.getCause().getMessage() : "invalid value";
            case MismatchedInputException m when m.getTargetType() != null -> "expected " + describe(m.getTargetType());
            case JsonParseException p -> "malformed JSON: " + withoutInternals(p.getOriginalMessage());
            default -> withoutInternals(e.getOriginalMessage());
        };
        List<FieldViolation> errors =
                field == null || field.isEmpty() ? List.of() : List.of(new FieldViolation(field, message));
        String detail = field == null || field.isEmpty() ? message : field + ": " + message;
        return respond(problem(ProblemType.MALFORMED_BODY, detail, errors), request);
    }

    @ServerExceptionMapper
    public Response unreadablePatch(MergePatch.PatchedBodyException e, ContainerRequestContext request) {
        return unreadableBody(e.jsonError(), request);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, ContainerRequestContext request) {
        return respond(
                problem(
                        ProblemType.PRECONDITION_FAILED,
                        "The resource was changed by another request at the same time; read it again and reapply your change",
                        List.of()),
                request);
    }

    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationCompletionException.class
    })
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        Response response = respond(refusal(e), request);
        response.getHeaders().putSingle("WWW-Authenticate", access.challenge());
        return response;
    }

    /**
     * 403. A refusal of {@code @RolesAllowed} comes without a message ("Not allowed" said nothing): it names the roles
     * the operation needs, from the annotation that refused the caller.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request, ResourceInfo resource) {
        if (e.getMessage() == null && resource != null && resource.getResourceMethod() != null) {
            RolesAllowed roles = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
            if (roles == null && resource.getResourceClass() != null) {
                roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            if (roles != null && roles.value().length > 0) {
                String needed = roles.value().length == 1
                        ? "the role " + roles.value()[0]
                        : "one of the roles " + String.join(", ", roles.value());
                return respond(problem(ProblemType.FORBIDDEN, "This operation needs " + needed, List.of()), request);
            }
        }
        return respond(refusal(e), request);
    }

    /**
     * The problem for a refused caller: 401 for missing or bad credentials (the answer must also carry
     * {@code WWW-Authenticate}), 403 for a caller without the right; empty for any other failure.
     */
    public static Optional<Problem> refusal(Throwable e) {
        return switch (e) {
            case UnauthorizedException u ->
                Optional.of(problem(
                        ProblemType.UNAUTHENTICATED,
                        u.getMessage() != null ? u.getMessage() : "The credentials are missing, invalid or expired",
                        List.of()));
            case AuthenticationFailedException a -> Optional.of(unauthenticated());
            case AuthenticationCompletionException a -> Optional.of(unauthenticated());
            case ForbiddenException f ->
                Optional.of(problem(
                        ProblemType.FORBIDDEN, f.getMessage() == null ? "Not allowed" : f.getMessage(), List.of()));
            default -> Optional.empty();
        };
    }

    private static Problem refusal(RuntimeException e) {
        return refusal((Throwable) e).orElseGet(ProblemMappers::unauthenticated);
    }

    private static Problem unauthenticated() {
        return problem(ProblemType.UNAUTHENTICATED, "The credentials are missing, invalid or expired", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof ProblemException problem) {
            // A parameter converter's problem (see ParameterConverters), which RESTEasy wraps into a 404 or a 400.
            return problem(problem, request);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, request);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == status)
                .findFirst()
                .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION);
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + request.getUriInfo().getPath();
            case 405 ->
                request.getMethod() + " is not supported on "
                        + request.getUriInfo().getPath();
            case 415 -> "Content-Type " + request.getMediaType() + " is not supported here; send application/json";
            case 406 ->
                "Accept: " + request.getHeaderString("Accept")
                        + " names nothing this operation answers with; ask for application/json (the contract lists"
                        + " each operation's media types)";
            default -> e.getMessage();
        };
        Problem body = new Problem(type.uri(), type.title(), status, detail, null, null, null);
        Response response = respond(body, request);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                response.getHeaders().put(name, new ArrayList<>(values));
            }
        });
        return response;
    }

    /**
     * The body could not be read: over the size limit while a chunked body streamed in (the 413 has usually been
     * sent already by then), or the client went away. A client's doing: one debug line, no stack trace.
     */
    @ServerExceptionMapper
    public Response unreadableStream(IOException e, ContainerRequestContext request) {
        LOG.debugf(
                "Request body of %s %s not read: %s",
                request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
        boolean tooLarge = e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("too large");
        return respond(
                tooLarge
                        ? problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the limit", List.of())
                        : problem(ProblemType.BAD_REQUEST, "The request body could not be read", List.of()),
                request);
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        Optional<ProblemException> database = PersistenceProblems.of(e);
        if (database.isPresent()) {
            LOG.debugf("%s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e);
            return problem(database.get(), request);
        }
        LOG.errorf(
                e,
                "Unexpected failure of %s %s",
                request.getMethod(),
                request.getUriInfo().getPath());
        return respond(
                problem(
                        ProblemType.INTERNAL,
                        "Something went wrong on our side; quote the request id when you report it",
                        List.of()),
                request);
    }

    /**
     * Jackson's message without its internals: no class or method names (limits say which limit, not which
     * Jackson setting), no echo of the input source.
     */
    static String withoutInternals(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String clean = message.replaceAll("\\s*\\(from `[^`]*`\\)", "")
                .replaceAll(",?\\s+from `[^`]*`", "")
                .replaceAll("\\s*\\[Source:.*", "")
                .replaceAll("\\s*\\(for [^)]*\\)?", "")
                .replaceAll(
                        "`?(com\\.fasterxml|com\\.dealradar|java\\.(lang|util|time|math|net))\\.[\\w.$]*`?", "value")
                .replaceAll("`[\\w.$]+(\\(\\))?`", "value")
                .replaceAll("StreamReadConstraints[\\w.()]*", "the limit")
                .strip();
        return clean.isEmpty() ? "unreadable JSON" : clean;
    }

    public static Problem problem(ProblemType type, String detail, List<FieldViolation> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, errors);
    }

    /** The problem as this request's answer: its path as the instance, its request id. */
    public static Response respond(Problem problem, ContainerRequestContext request) {
        Problem body = problem.withContext(request.getUriInfo().getRequestUri().getRawPath(), RequestIds.of(request));
        return Response.status(body.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    /** The path of the offending value as the client wrote it: body fields without the Java parameter name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                if (node.getIndex() != null && !parts.isEmpty()) {
                    int last = parts.size() - 1;
                    parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                }
                if (!name.isEmpty() && !name.startsWith("<")) {
                    parts.add(name);
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray() || Set.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid " + simpleName(type);
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> QueryParams.wireName((Enum<?>) c))
                .collect(Collectors.joining(", "));
    }

    private static String simpleName(Class<?> type) {
        return switch (type == null ? "" : type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "timestamp (RFC 3339, such as 2027-01-01T00:00:00Z)";
            case "BigDecimal" -> "decimal number";
            case "" -> "value";
            default -> type.getSimpleName();
        };
    }
}
