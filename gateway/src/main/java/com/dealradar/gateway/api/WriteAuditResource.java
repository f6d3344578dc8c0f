package com.dealradar.gateway.api;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.gateway.client.BackendRequest;
import com.dealradar.gateway.client.Backends;
import com.dealradar.platform.audit.WriteAudit;
import com.dealradar.platform.audit.WriteAuditResource.Entry;
import com.dealradar.platform.http.RequestIds;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who wrote what, for admins: the write audit of the service that owns a resource ({@code resource=/api/v1/companies/<id>}
 * asks company-service, {@code /api/v1/partners/...} the gateway itself). Every backend records the actor of each
 * successful write in the write's own transaction; this reads it back through the public API.
 */
@Path(PublicPaths.PREFIX + "/write-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Audit",
        description =
                "Who changed what: every successful write of a resource with its actor (user or partner key), for admins")
public class WriteAuditResource {

    private final Backends backends;
    private final WriteAudit localAudit;

    WriteAuditResource(Backends backends, WriteAudit localAudit) {
        this.backends = backends;
        this.localAudit = localAudit;
    }

    @GET
    @Blocking
    @Operation(
            summary = "Who wrote a resource (admins)",
            description =
                    "Each successful write of the resource: when, the actor (user:<subject>, or partner:<id> key:<key id>), "
                            + "the method and the request id; newest first. With prefix=true, every resource under the path.")
    @APIResponse(
            responseCode = "200",
            description = "The writes, newest first",
            content = @Content(schema = @Schema(implementation = WriteAuditPage.class)))
    @APIResponse(responseCode = "400", description = "resource missing or not a public path")
    public CompletionStage<Response> history(
            @Parameter(
                            description = "Public path of the resource",
                            required = true,
                            example = "/api/v1/companies/0ac5b527-f0f8-5f43-be35-bdfe16ff147a")
                    @QueryParam("resource")
                    String resource,
            @Parameter(description = "Also every resource under the path") @QueryParam("prefix") boolean prefix,
            @Parameter(description = "At most this many entries (1 to 500, default 100)") @QueryParam("limit")
                    Integer limit,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        String requestId = headers.getHeaderString(RequestIds.HEADER);
        String instance = uri.getRequestUri().getRawPath();
        if (resource == null || !resource.startsWith(PublicPaths.PREFIX + "/") || resource.length() > 1000) {
            return CompletableFuture.completedFuture(GatewayProblems.badRequest(
                    "resource: the public path of a resource, e.g. /api/v1/companies/<id>", instance, requestId));
        }
        String backendPath = resource.substring(PublicPaths.PREFIX.length());
        String first = backendPath.substring(1).split("[/?#]", 2)[0];
        String query = "?resource=" + URLEncoder.encode(backendPath, StandardCharsets.UTF_8) + "&prefix=" + prefix
                + (limit == null ? "" : "&limit=" + limit);
        if (first.equals("partners") || first.equals("write-audit")) {
            return CompletableFuture.completedFuture(local(resource, prefix, limit));
        }
        Optional<BackendClient> backend = backends.route(first);
        if (backend.isEmpty()) {
            return CompletableFuture.completedFuture(
                    GatewayProblems.badRequest("No public resource at " + resource, instance, requestId));
        }
        BackendClient client = backend.get();
        BackendRequest request =
                BackendRequest.get("/write-audit" + query, backends.forwardHeaders(headers, requestId));
        return client.send(request).handle((answer, error) -> {
            if (error != null) {
                BackendFailure failure = error instanceof BackendFailure f
                        ? f
                        : error.getCause() instanceof BackendFailure f2 ? f2 : null;
                if (failure == null) {
                    throw new IllegalStateException(error);
                }
                return GatewayProblems.forFailure(failure, client, instance, requestId, true);
            }
            String type = answer.header("Content-Type");
            return Response.status(answer.status())
                    .entity(answer.body())
                    .type(type == null ? MediaType.APPLICATION_JSON : type)
                    .build();
        });
    }

    private Response local(String resource, boolean prefix, Integer limit) {
        int max = limit == null ? 100 : Math.max(1, Math.min(500, limit));
        return Response.ok(Map.of(
                        "items",
                        localAudit.history(resource, prefix, max).stream()
                                .map(e -> new Entry(
                                        e.occurredAt,
                                        e.actor,
                                        e.actorKind,
                                        e.actorId,
                                        e.keyId,
                                        e.method,
                                        e.resource,
                                        e.status,
                                        e.requestId))
                                .toList()))
                .build();
    }

    /** One page of the write audit. */
    @Schema(name = "WriteAuditPage")
    public record WriteAuditPage(List<Entry> items) {}
}
