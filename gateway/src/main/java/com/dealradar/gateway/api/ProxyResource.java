package com.dealradar.gateway.api;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.gateway.client.BackendRequest;
import com.dealradar.gateway.client.BackendResponse;
import com.dealradar.gateway.client.Backends;
import com.dealradar.platform.http.RequestIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pass-through part of the public API: {@code /api/v1/<resource>/...} goes to the backend that owns
 * {@code <resource>} with method, path, query, body and the relevant headers; the answer comes back with its
 * status, body, ETag, Location and Link (the last two rewritten to public paths). Documented in the
 * contract from the backends' own OpenAPI documents, so hidden from the scanner here.
 */
@Path(PublicPaths.PREFIX)
@Produces(MediaType.WILDCARD)
@Consumes(MediaType.WILDCARD)
public class ProxyResource {

    /** Response headers of a backend that the client gets too. */
    static final List<String> RETURNED_HEADERS = List.of(
            "ETag",
            "Link",
            "Retry-After",
            "Idempotent-Replayed",
            "Cache-Control",
            "Last-Modified",
            "Vary",
            "WWW-Authenticate",
            "Allow",
            "Content-Language",
            "RateLimit",
            "RateLimit-Policy",
            "Deprecation",
            "Sunset");

    private final Backends backends;
    private final PublicPaths paths;

    ProxyResource(Backends backends, PublicPaths paths) {
        this.backends = backends;
        this.paths = paths;
    }

    @GET
    @Path("{resource}{rest: (/.*)?}")
    @Operation(hidden = true)
    public CompletionStage<Response> get(
            @PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", resource, uri, headers, null);
    }

    @POST
    @Path("{resource}{rest: (/.*)?}")
    @Operation(hidden = true)
    public CompletionStage<Response> post(
            @PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", resource, uri, headers, body);
    }

    @PUT
    @Path("{resource}{rest: (/.*)?}")
    @Operation(hidden = true)
    public CompletionStage<Response> put(
            @PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", resource, uri, headers, body);
    }

    @PATCH
    @Path("{resource}{rest: (/.*)?}")
    @Operation(hidden = true)
    public CompletionStage<Response> patch(
            @PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", resource, uri, headers, body);
    }

    @DELETE
    @Path("{resource}{rest: (/.*)?}")
    @Operation(hidden = true)
    public CompletionStage<Response> delete(
            @PathParam("resource") String resource, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", resource, uri, headers, null);
    }

    private CompletionStage<Response> forward(
            String method, String resource, UriInfo uri, HttpHeaders headers, byte[] body) {
        String requestId = headers.getHeaderString(RequestIds.HEADER);
        String instance = uri.getRequestUri().getRawPath();
        Optional<BackendClient> backend = backends.route(resource);
        if (backend.isEmpty()) {
            return CompletableFuture.completedFuture(GatewayProblems.notFound(instance, requestId));
        }
        Optional<String> refused = PublicPaths.refusedPath(instance);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(
                    GatewayProblems.badRequest("The path cannot be passed on: " + refused.get(), instance, requestId));
        }
        String backendPath = instance.substring(PublicPaths.PREFIX.length());
        String query = uri.getRequestUri().getRawQuery();
        BackendRequest request = new BackendRequest(
                method,
                backendPath + (query == null ? "" : "?" + query),
                backends.forwardHeaders(headers, requestId),
                body,
                false);
        BackendClient client = backend.get();
        return client.send(request).handle((response, error) -> {
            if (error != null) {
                BackendFailure failure = error instanceof BackendFailure f
                        ? f
                        : error.getCause() instanceof BackendFailure f2 ? f2 : null;
                if (failure == null) {
                    throw new IllegalStateException(error);
                }
                if (failure.kind() == BackendFailure.Kind.SERVER_ERROR
                        && failure.response() != null
                        && failure.response().isProblem()) {
                    return relay(failure.response(), uri);
                }
                return GatewayProblems.forFailure(failure, client, instance, requestId, request.idempotent());
            }
            return relay(response, uri);
        });
    }

    private Response relay(BackendResponse response, UriInfo uri) {
        Response.ResponseBuilder out = Response.status(response.status());
        for (String name : RETURNED_HEADERS) {
            for (String value : response.headers().getAll(name)) {
                out.header(name, name.equals("Link") ? paths.link(value) : value);
            }
        }
        String location = response.header("Location");
        if (location != null) {
            out.header(
                    "Location",
                    uri.getBaseUri().resolve(paths.publicPath(location)).toString());
        }
        if (response.hasBody() && response.status() != 304 && response.status() != 204) {
            String type = response.header("Content-Type");
            // The backend's buffer goes out as it came in; only problem documents are rewritten (public instance).
            out.entity(response.isProblem() ? paths.problem(response.bytes()) : response.body())
                    .type(type == null ? MediaType.APPLICATION_OCTET_STREAM : type);
        }
        return out.build();
    }
}
