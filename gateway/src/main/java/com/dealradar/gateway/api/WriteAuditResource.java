package com.dealradar.gateway.api;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.gateway.client.BackendRequest;
import com.dealradar.gateway.client.Backends;
import com.dealradar.platform.audit.WriteAudit;
import com.dealradar.platform.audit.WriteAuditResource.Entry;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.paging.Paging;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    private final ObjectMapper mapper;

    WriteAuditResource(Backends backends, WriteAudit localAudit, ObjectMapper mapper) {
        this.backends = backends;
        this.localAudit = localAudit;
        this.mapper = mapper;
    }

    @GET
    @Blocking
    @Operation(
            operationId = "listWriteAudit",
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
            @Parameter(
                            description = "Page size, 1 to " + WriteAudit.MAX_LIMIT,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + WriteAudit.MAX_LIMIT,
                                            defaultValue = "" + WriteAudit.DEFAULT_LIMIT))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
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
        if (first.equals("partners") || first.equals("calendar-subscriptions") || first.equals("write-audit")) {
            return CompletableFuture.completedFuture(
                    Paging.ok(localAudit.page(resource, prefix, limit, cursor).map(Entry::of), uri));
        }
        Optional<BackendClient> backend = backends.route(first);
        if (backend.isEmpty()) {
            return CompletableFuture.completedFuture(
                    GatewayProblems.badRequest("No public resource at " + resource, instance, requestId));
        }
        String query = "?resource=" + encode(backendPath) + "&prefix=" + prefix
                + (limit == null ? "" : "&limit=" + encode(limit))
                + (cursor == null ? "" : "&cursor=" + encode(cursor));
        BackendClient client = backend.get();
        BackendRequest request =
                BackendRequest.get("/write-audit" + query, backends.forwardHeaders(headers, requestId, client.name()));
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
            Response.ResponseBuilder relayed = Response.status(answer.status())
                    .entity(answer.body())
                    .type(type == null ? MediaType.APPLICATION_JSON : type);
            // The backend's own Link names its internal path: the next page's link is this request's, with the cursor.
            String next = answer.status() == 200 ? nextCursor(answer.bytes()) : null;
            if (next != null) {
                relayed.header("Link", Paging.nextLink(uri, next));
            }
            return relayed.build();
        });
    }

    private String nextCursor(byte[] page) {
        try {
            JsonNode cursor = mapper.readTree(page).path("nextCursor");
            return cursor.isTextual() ? cursor.asText() : null;
        } catch (IOException e) {
            return null; // not a page: relayed as it is, without a Link
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One page of the write audit. */
    @Schema(name = "WriteAuditPage")
    public record WriteAuditPage(
            @Schema(description = "The writes on this page, newest first", required = true)
            List<Entry> items,

            @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
            String nextCursor) {}
}
