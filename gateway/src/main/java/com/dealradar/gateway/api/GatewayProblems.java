package com.dealradar.gateway.api;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.gateway.composite.GatewayTypes;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Problem answers of the gateway itself: backend failures as 502, 503 (with Retry-After) or 504. */
public final class GatewayProblems {

    public static final URI BAD_GATEWAY = GatewayTypes.BAD_GATEWAY;
    public static final URI GATEWAY_TIMEOUT = GatewayTypes.GATEWAY_TIMEOUT;

    private GatewayProblems() {}

    /** A problem and the Retry-After that goes with it (null for none). */
    public record Answer(Problem problem, String retryAfter) {

        public Response toResponse() {
            return respond(problem, retryAfter);
        }
    }

    /** The answer to a backend call that failed (never for a deliberate answer of the backend). */
    public static Response forFailure(
            BackendFailure failure, BackendClient backend, String instance, String requestId, boolean idempotent) {
        return failure(failure, backend, instance, requestId, idempotent).toResponse();
    }

    /** {@link #forFailure}'s problem, for answers written without JAX-RS (the pass-through route). */
    public static Answer failure(
            BackendFailure failure, BackendClient backend, String instance, String requestId, boolean idempotent) {
        String unknownOutcome = idempotent
                ? ""
                : " The request may or may not have been carried out: read the resource "
                        + "again, or retry with the same Idempotency-Key.";
        return switch (failure.kind()) {
            case TIMEOUT ->
                new Answer(
                        new Problem(
                                GATEWAY_TIMEOUT,
                                "Gateway timeout",
                                504,
                                failure.getMessage() + "." + unknownOutcome,
                                instance,
                                requestId,
                                null),
                        null);
            case CIRCUIT_OPEN, BULKHEAD_FULL ->
                unavailableAnswer(failure.getMessage() + "; retry later", instance, requestId, backend.retryAfter());
            case UNREACHABLE, SERVER_ERROR, BAD_RESPONSE ->
                new Answer(
                        new Problem(
                                BAD_GATEWAY,
                                "Bad gateway",
                                502,
                                failure.getMessage() + "." + unknownOutcome,
                                instance,
                                requestId,
                                null),
                        null);
        };
    }

    public static Response unavailable(String detail, String instance, String requestId, Duration retryAfter) {
        return unavailableAnswer(detail, instance, requestId, retryAfter).toResponse();
    }

    private static Answer unavailableAnswer(String detail, String instance, String requestId, Duration retryAfter) {
        ProblemType type = ProblemType.DEPENDENCY_UNAVAILABLE;
        return new Answer(
                new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, null),
                Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    public static Response notFound(String instance, String requestId) {
        ProblemType type = ProblemType.NOT_FOUND;
        return respond(
                new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        "No resource at " + instance,
                        instance,
                        requestId,
                        null),
                null);
    }

    public static Response badRequest(String detail, String instance, String requestId) {
        ProblemType type = ProblemType.BAD_REQUEST;
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, null), null);
    }

    public static Response badGateway(String detail, String instance, String requestId) {
        return respond(new Problem(BAD_GATEWAY, "Bad gateway", 502, detail, instance, requestId, null), null);
    }

    /** 400 naming the path or query parameter that is wrong. */
    public static Response badParameter(String parameter, String message, String instance, String requestId) {
        ProblemType type = ProblemType.BAD_PARAMETER;
        return respond(
                new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        parameter + ": " + message,
                        instance,
                        requestId,
                        List.of(new FieldViolation(parameter, message))),
                null);
    }

    private static Response respond(Problem problem, String retryAfter) {
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }
}
