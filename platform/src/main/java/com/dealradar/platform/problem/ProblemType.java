package com.dealradar.platform.problem;

import java.net.URI;

/** The kinds of problem every DealRadar service can report, each with its stable type URI and title. */
public enum ProblemType {
    BAD_REQUEST("bad-request", "Bad request", 400),
    VALIDATION("validation", "Request is invalid", 400),
    MALFORMED_BODY("malformed-body", "Request body is not valid JSON for this operation", 400),
    BAD_PARAMETER("bad-parameter", "A parameter is invalid", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication is required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Cannot produce an acceptable representation", 406),
    REQUEST_TIMEOUT("request-timeout", "Request not received in time", 408),
    CONFLICT("conflict", "Conflict with the current state", 409),
    INVALID_TRANSITION("invalid-transition", "Status change not allowed", 409),
    IDEMPOTENCY_IN_FLIGHT("idempotency-in-flight", "A request with this Idempotency-Key is still being processed", 409),
    PRECONDITION_FAILED("precondition-failed", "The resource has changed since you read it", 412),
    CURSOR_EXPIRED("cursor-expired", "The cursor is older than the event feed's retention", 410),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request target too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNPROCESSABLE("unprocessable", "Request cannot be processed", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key was already used with a different request", 422),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header is required", 428),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431),
    INTERNAL("internal", "Internal error", 500),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", "A service this request depends on is unavailable", 503);

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create(Problem.TYPE_BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
