package com.dealradar.platform.audit;

import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.security.Actor;
import com.dealradar.platform.security.BackendAccessRules;
import com.dealradar.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The write audit of this service, for admins: {@code GET /write-audit?resource=/companies/<id>} (add
 * {@code &prefix=true} for everything under a path). The gateway offers it publicly as
 * {@code /api/v1/write-audit}; here it is an internal operation, left out of the service's OpenAPI document.
 *
 * <p>A backend's endpoint only: not built into the gateway ({@code dealradar.backend-endpoints=false}), which takes the
 * platform's classes too and whose public port (everything the Ingress sends) has its checks (rate limits,
 * failed-credential limits, no-store) under {@code /api/v1} only.
 */
@IfBuildProperty(name = "dealradar.backend-endpoints", stringValue = "true", enableIfMissing = true)
@Path("/write-audit")
@Produces(MediaType.APPLICATION_JSON)
public class WriteAuditResource {

    private final WriteAudit audit;
    private final Instance<CurrentIdentityAssociation> identity;

    WriteAuditResource(WriteAudit audit, Instance<CurrentIdentityAssociation> identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public Response history(
            @QueryParam("resource") String resource,
            @QueryParam("prefix") boolean prefix,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        BackendAccessRules.requireRole(
                identity.isResolvable() ? identity.get().getIdentity() : null,
                Roles.ADMIN,
                true,
                "Send the credentials of an admin");
        if (resource == null || !resource.startsWith("/") || resource.length() > 1000) {
            throw new ProblemException(
                    ProblemType.BAD_PARAMETER,
                    "resource: the path of a resource, e.g. /companies/<id>",
                    List.of(new FieldViolation("resource", "must be a path starting with /")),
                    Map.of());
        }
        return Paging.ok(audit.page(resource, prefix, limit, cursor).map(Entry::of), uri);
    }

    /** One write: when, by whom (user subject, or partner and key), what. */
    @Schema(name = "WriteAuditEntry", description = "One write: when, by whom, what, and its answer")
    public record Entry(
            @Schema(description = "When the write was made (UTC)", required = true)
            Instant occurredAt,

            @Schema(
                    description = "Who made it: user:<subject>, partner:<id> key:<key id>, or service:bootstrap-admin "
                            + "key:bootstrap for the bootstrap admin key",
                    examples = "partner:5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11 key:0d9b7c7e-3b1a-4f59-a0a4-5c1f9e2b7d21",
                    required = true)
            String actor,

            @Schema(
                    description = "user, partner or service (an API key of no partner: the bootstrap admin key)",
                    required = true)
            Actor.Kind actorKind,

            @Schema(
                    description = "The user's Keycloak subject, the partner's id, or the service's name",
                    required = true)
            String actorId,

            @Schema(description = "Id of the API key used; null for a user")
            String keyId,

            @Schema(description = "HTTP method of the write", examples = "PATCH", required = true)
            String method,

            @Schema(
                    description =
                            "Path of the resource written, by its id (a created resource's own path), as the service "
                                    + "that owns it names it: /companies/<id> for a backend's, /api/v1/partners/<id> for "
                                    + "the gateway's own",
                    required = true)
            String resource,

            @Schema(description = "HTTP status of the successful answer", examples = "200", required = true)
            int status,

            @Schema(description = "X-Request-Id of the write; null when it had none")
            String requestId) {

        public static Entry of(WriteAuditEntry e) {
            return new Entry(
                    e.occurredAt,
                    e.actor,
                    Actor.Kind.valueOf(e.actorKind),
                    e.actorId,
                    e.keyId,
                    e.method,
                    e.resource,
                    e.status,
                    e.requestId);
        }
    }
}
