package com.dealradar.gateway.composite;

import com.dealradar.gateway.api.PublicPaths;
import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects the parts of one composite answer and the problems of the parts that are missing. The answer is
 * 200 with {@code complete} and {@code missing} in the body and {@value #COMPLETED_HEADER} /
 * {@value #MISSING_HEADER} headers (KrakenD's X-KrakenD-Completed is the prior art).
 */
public final class Composition {

    public static final String COMPLETED_HEADER = "X-DealRadar-Completed";
    public static final String MISSING_HEADER = "X-DealRadar-Missing-Parts";

    private final String instance;
    private final List<MissingPart> missing = new ArrayList<>();
    private final List<Views.TruncatedPart> truncated = new ArrayList<>();

    public Composition(String instance) {
        this.instance = instance;
    }

    /**
     * The items of a list part read from {@code listPath} (a backend path with its query), or null (and the part
     * recorded as missing) when it could not be read. A page with a nextCursor is recorded as truncated, with the
     * public path of the next page.
     */
    public ArrayNode items(String part, String service, Outcome outcome, String listPath) {
        ArrayNode items = items(part, service, outcome);
        JsonNode cursor = outcome instanceof Outcome.Ok ok ? ok.body().path("nextCursor") : null;
        if (items != null
                && cursor != null
                && cursor.isTextual()
                && !cursor.asText().isEmpty()) {
            truncated.add(new Views.TruncatedPart(
                    part,
                    items.size(),
                    PublicPaths.PREFIX + listPath + (listPath.contains("?") ? "&" : "?") + "cursor="
                            + PartReader.encode(cursor.asText())));
        }
        return items;
    }

    /** A cut part of which the answer shows only {@code shown} of the items read (the others filtered out). */
    public void shown(String part, int shown) {
        truncated.replaceAll(t -> t.part().equals(part) ? new Views.TruncatedPart(part, shown, t.next()) : t);
    }

    /** The items of a list part, or null (and the part recorded as missing) when it could not be read. */
    public ArrayNode items(String part, String service, Outcome outcome) {
        JsonNode body = body(part, service, outcome);
        if (body == null) {
            return null;
        }
        JsonNode items = body.path("items");
        if (!items.isArray()) {
            missing(
                    part,
                    service,
                    new MissingPart(
                            GatewayTypes.BAD_GATEWAY,
                            "Bad gateway",
                            502,
                            service + " answered without an items list",
                            instance,
                            part,
                            service));
            return null;
        }
        return (ArrayNode) items;
    }

    /** The body of a single-resource part, or null (and the part recorded as missing). */
    public JsonNode body(String part, String service, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Ok ok when ok.body().isObject() -> ok.body();
            case Outcome.Ok ok -> {
                missing(
                        part,
                        service,
                        new MissingPart(
                                GatewayTypes.BAD_GATEWAY,
                                "Bad gateway",
                                502,
                                service + " answered with something other than a JSON object",
                                instance,
                                part,
                                service));
                yield null;
            }
            case Outcome.Refused refused -> {
                JsonNode p = refused.problem();
                missing(
                        part,
                        service,
                        new MissingPart(
                                p.path("type").isTextual()
                                        ? URI.create(p.path("type").asText())
                                        : URI.create("about:blank"),
                                p.path("title").asText(service + " refused the read"),
                                refused.status(),
                                p.path("detail").asText(service + " answered " + refused.status()),
                                instance,
                                part,
                                service));
                yield null;
            }
            case Outcome.Failed failed -> {
                missing(part, service, missingFor(failed.failure(), part, service));
                yield null;
            }
        };
    }

    public void missing(String part, String service, MissingPart problem) {
        missing.add(problem);
    }

    private MissingPart missingFor(BackendFailure failure, String part, String service) {
        return switch (failure.kind()) {
            case TIMEOUT ->
                new MissingPart(
                        GatewayTypes.GATEWAY_TIMEOUT,
                        "Gateway timeout",
                        504,
                        failure.getMessage(),
                        instance,
                        part,
                        service);
            case SERVER_ERROR, BAD_RESPONSE ->
                new MissingPart(
                        GatewayTypes.BAD_GATEWAY, "Bad gateway", 502, failure.getMessage(), instance, part, service);
            default ->
                new MissingPart(
                        ProblemType.DEPENDENCY_UNAVAILABLE.uri(),
                        ProblemType.DEPENDENCY_UNAVAILABLE.title(),
                        503,
                        failure.getMessage(),
                        instance,
                        part,
                        service);
        };
    }

    public List<MissingPart> missingParts() {
        return List.copyOf(missing);
    }

    public List<Views.TruncatedPart> truncatedParts() {
        return truncated.isEmpty() ? null : List.copyOf(truncated);
    }

    /** Every part read, and read in full. */
    public boolean complete() {
        return missing.isEmpty() && truncated.isEmpty();
    }

    /**
     * 200 with the assembled body and the completeness headers. No Cache-Control of its own: every answer under
     * /api is no-store (platform's microprofile-config.properties), which matters most here, where a partial answer
     * must not be served from a cache once the missing part can be read again.
     */
    public Response ok(Object body) {
        Response.ResponseBuilder response = Response.ok(body).header(COMPLETED_HEADER, Boolean.toString(complete()));
        if (!missing.isEmpty()) {
            response.header(
                    MISSING_HEADER,
                    missing.stream().map(MissingPart::part).distinct().collect(Collectors.joining(",")));
        }
        return response.build();
    }

    /** The answer when the core resource was refused (404, 400): the backend's problem, with this request's instance. */
    public static Response refused(Outcome.Refused refused, String instance, String requestId) {
        JsonNode p = refused.problem();
        if (!p.isObject()) {
            return Response.status(refused.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(
                            URI.create("about:blank"),
                            "Request refused",
                            refused.status(),
                            null,
                            instance,
                            requestId,
                            null))
                    .build();
        }
        ObjectNode copy = ((ObjectNode) p).deepCopy();
        copy.put("instance", instance);
        if (requestId != null) {
            copy.put("requestId", requestId);
        }
        return Response.status(refused.status())
                .type(Problem.MEDIA_TYPE)
                .entity(copy)
                .build();
    }
}
