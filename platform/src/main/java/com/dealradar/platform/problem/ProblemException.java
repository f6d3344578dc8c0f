package com.dealradar.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Thrown anywhere in request handling to answer with a problem. Carries optional response headers
 * (for example {@code Retry-After}).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(
                ProblemType.BAD_PARAMETER,
                parameter + ": " + message,
                List.of(new FieldViolation(parameter, message)),
                Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION, field + ": " + message, List.of(new FieldViolation(field, message)), Map.of());
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(
                ProblemType.UNPROCESSABLE, message, List.of(new FieldViolation(field, message)), Map.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** 409 naming the field that conflicts with the resource's state, with what is wrong with it. */
    public static ProblemException conflict(String field, String fieldMessage, String detail) {
        return new ProblemException(
                ProblemType.CONFLICT, detail, List.of(new FieldViolation(field, fieldMessage)), Map.of());
    }

    /** 409 naming the field whose value another resource already has (a unique key). */
    public static ProblemException taken(String field, String detail) {
        return conflict(field, "already taken", detail);
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                detail,
                List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), null, null, errors);
    }
}
