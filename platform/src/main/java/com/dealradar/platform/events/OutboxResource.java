package com.dealradar.platform.events;

import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.security.BackendAccessRules;
import com.dealradar.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The gateway's relay reads this service's outbox here and acknowledges what it stored. Internal (never routed by
 * the gateway, left out of the OpenAPI document) and for the relay only ({@link Roles#EVENT_RELAY}, a role only the
 * gateway's own internal token carries).
 *
 * <p>A backend's endpoint only: not built into the gateway ({@code dealradar.backend-endpoints=false}), which takes the
 * platform's classes too and whose public port (everything the Ingress sends) has its checks (rate limits,
 * failed-credential limits, no-store) under {@code /api/v1} only.
 */
@IfBuildProperty(name = "dealradar.backend-endpoints", stringValue = "true", enableIfMissing = true)
@Path(BackendAccessRules.OUTBOX_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private static final int MAX_LIMIT = 1000;

    private final Outbox outbox;
    private final Instance<CurrentIdentityAssociation> identity;

    OutboxResource(Outbox outbox, Instance<CurrentIdentityAssociation> identity) {
        this.outbox = outbox;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public Map<String, List<Item>> pending(@QueryParam("limit") Integer limit) {
        requireRelay();
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "must be 1 to " + MAX_LIMIT);
        }
        return Map.of(
                "items",
                QuarkusTransaction.requiringNew()
                        .call(() -> outbox.pending(max).stream().map(Item::of).toList()));
    }

    @POST
    @Path("/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Integer> acknowledge(Ack ack) {
        requireRelay();
        if (ack == null || ack.eventIds() == null || ack.eventIds().size() > MAX_LIMIT) {
            throw ProblemException.badParameter("eventIds", "1 to " + MAX_LIMIT + " event ids");
        }
        return Map.of("deleted", QuarkusTransaction.requiringNew().call(() -> outbox.acknowledge(ack.eventIds())));
    }

    private void requireRelay() {
        BackendAccessRules.requireRole(
                identity.isResolvable() ? identity.get().getIdentity() : null,
                Roles.EVENT_RELAY,
                true,
                "Send the gateway's internal token");
    }

    /** The ids of events the relay has stored. */
    public record Ack(List<UUID> eventIds) {}

    /** One waiting event, as the relay reads it. */
    public record Item(
            UUID eventId,
            String type,
            String resourceType,
            String resourceId,
            String resourcePath,
            String etag,
            Instant occurredAt,
            String data,
            String requestId) {

        static Item of(OutboxEvent e) {
            return new Item(
                    e.eventId,
                    e.type,
                    e.resourceType,
                    e.resourceId,
                    e.resourcePath,
                    e.etag,
                    e.occurredAt,
                    e.data,
                    e.requestId);
        }
    }
}
