package com.dealradar.gateway.webhooks;

import com.dealradar.platform.http.ConditionalWrites;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.Bodies;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.security.Actor;
import com.dealradar.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's webhook endpoints (issue #16): for admins, and for the partner itself with a write key. Deliveries are
 * signed per Standard Webhooks with the endpoint's secret, which is shown in the answer that creates or rotates it only.
 */
@Path(WebhookResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
@Tag(
        name = "Webhooks",
        description = "Partners' webhook endpoints: events pushed as they happen, signed per Standard Webhooks "
                + "(webhook-id, webhook-timestamp, webhook-signature), retried with exponential backoff, dead letters replayable. "
                + "For admins and for the partner itself with a write key.")
@APIResponse(
        responseCode = "400",
        description = "Invalid request (including a URL that is not https or resolves to a non-public address)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "401",
        description = "Not authenticated",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Neither an admin nor this partner with a write key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No such partner, endpoint or delivery",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Rate limit reached; see Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {

    public static final String PATH = "/api/v1/partners/{partnerId}/webhooks";
    private static final Set<String> STATUSES = Set.of(Deliveries.PENDING, Deliveries.SUCCEEDED, Deliveries.DEAD);
    private static final String EXAMPLE = """
            {"id":"8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e","partnerId":"5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11",
             "url":"https://hooks.telco-insights.example/dealradar","eventTypes":["deal.status_changed","regulatory_matter.*"],"enabled":true,
             "createdAt":"2026-11-30T10:00:00Z","updatedAt":"2026-11-30T10:00:00Z","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";

    private final WebhookEndpoints endpoints;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;
    private final SecurityIdentity caller;
    private final InstantSource clock;
    private final Bodies bodies;

    WebhookResource(
            WebhookEndpoints endpoints,
            Idempotency idempotency,
            MergePatch mergePatch,
            SecurityIdentity caller,
            InstantSource clock,
            Bodies bodies) {
        this.endpoints = endpoints;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
        this.caller = caller;
        this.clock = clock;
        this.bodies = bodies;
    }

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "List a partner's webhook endpoints",
            description = "Oldest first; never with secrets.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoints",
            content = @Content(schema = @Schema(implementation = WebhookViews.ViewList.class)))
    public WebhookViews.ViewList list(@PathParam("partnerId") String partnerId) {
        UUID partner = allowed(partnerId);
        Instant now = clock.instant();
        return new WebhookViews.ViewList(endpoints.list(partner).stream()
                .map(e -> WebhookViews.View.of(e, now, null))
                .toList());
    }

    @POST
    @Operation(
            operationId = "createWebhook",
            summary = "Add a webhook endpoint",
            description =
                    "The answer carries the signing secret (whsec_...), the only time it is shown: store it. Outside local development "
                            + "the URL must be https and its host must resolve to public addresses only (checked after DNS resolution, "
                            + "and again before every delivery). Send an Idempotency-Key to make retries safe (a replay has no secret).")
    @APIResponse(
            responseCode = "201",
            description = "Added, with its secret",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookViews.View.class),
                            examples = @ExampleObject(name = "added", value = EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The partner already has the most endpoints allowed (dealradar.webhooks.max-endpoints-per-partner, 10 unless configured), or the Idempotency-Key is in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @PathParam("partnerId") String partnerId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true) WebhookViews.Input body) {
        UUID partner = allowed(partnerId);
        // Validated here, after the caller is known: who first, then what (a stranger learns nothing from a 400). The
        // service checks the URL and the event types when it creates the endpoint.
        bodies.valid(body);
        AtomicReference<String> secret = new AtomicReference<>();
        Response response = idempotency.execute(
                idempotencyKey,
                "POST /partners/" + partner + "/webhooks",
                body,
                complete -> endpoints.create(partner, body, e -> {
                    secret.set(e.secret);
                    return complete.apply(
                            Response.created(URI.create("/api/v1/partners/" + partner + "/webhooks/" + e.id))
                                    .tag(EntityTags.of(e.version))
                                    .entity(WebhookViews.View.of(e, clock.instant(), null))
                                    .build());
                }));
        return withSecret(response, secret.get());
    }

    @GET
    @Path("/{webhookId}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook endpoint", description = "Without its secret.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint",
            content = @Content(schema = @Schema(implementation = WebhookViews.View.class)))
    public Response get(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID partner = allowed(partnerId);
        WebhookEndpoint e = endpoints.get(partner, QueryParams.uuid("webhookId", webhookId));
        return EntityTags.okOrNotModified(ifNoneMatch, e.version, WebhookViews.View.of(e, clock.instant(), null));
    }

    @PATCH
    @Path("/{webhookId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchWebhook",
            summary = "Change a webhook endpoint (JSON Merge Patch)",
            description =
                    "URL, event types, description, enabled. Enabling clears the reason it was disabled; deliveries waiting resume, those of events committed while it was disabled included. If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookViews.Input.class),
                            examples = @ExampleObject(name = "re-enable", value = "{\"enabled\":true}")))
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = WebhookViews.View.class)))
    @APIResponse(
            responseCode = "412",
            description = "ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(hidden = true) JsonNode patch) {
        UUID partner = allowed(partnerId);
        UUID id = QueryParams.uuid("webhookId", webhookId);
        return endpoints.update(
                partner,
                id,
                EntityTags.ifMatch(ifMatch),
                current -> mergePatch.apply(current, patch, WebhookViews.Input.class),
                e -> ConditionalWrites.ok(e.version, WebhookViews.View.of(e, clock.instant(), null)));
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Remove a webhook endpoint",
            description = "Its waiting deliveries and its attempt log go with it. If-Match is required.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "412",
            description = "ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID partner = allowed(partnerId);
        return endpoints.delete(
                partner,
                QueryParams.uuid("webhookId", webhookId),
                EntityTags.ifMatch(ifMatch),
                ConditionalWrites::noContent);
    }

    @POST
    @Path("/{webhookId}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret",
            description =
                    "A new secret signs every delivery from now on; the previous one also signs (a second v1 signature in "
                            + "webhook-signature) for the overlap, default 24 hours, so the receiver can switch without rejecting a delivery. "
                            + "The new secret is in this answer only. While an earlier rotation's overlap runs, only overlap PT0S "
                            + "(every old secret stops signing now) is accepted. If-Match is required; an Idempotency-Key makes "
                            + "retries safe (a replay answers the rotation without its secret, and rotates nothing).")
    @RequestBody(
            required = false,
            content = @Content(examples = @ExampleObject(name = "one hour overlap", value = "{\"overlap\":\"PT1H\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Rotated, with the new secret",
            content = @Content(schema = @Schema(implementation = WebhookViews.View.class)))
    @APIResponse(
            responseCode = "412",
            description = "ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "An earlier rotation's overlap still runs (rotate with overlap PT0S, or after it ends), or the "
                            + "Idempotency-Key is in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotate(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WebhookViews.Rotation body) {
        UUID partner = allowed(partnerId);
        UUID id = QueryParams.uuid("webhookId", webhookId);
        Duration overlap = body == null ? null : body.overlap();
        AtomicReference<String> secret = new AtomicReference<>();
        Response response = idempotency.execute(
                idempotencyKey,
                "POST /partners/" + partner + "/webhooks/" + id + "/rotate-secret",
                body,
                complete -> endpoints.rotate(partner, id, EntityTags.ifMatch(ifMatch), overlap, e -> {
                    secret.set(e.secret);
                    return complete.apply(
                            ConditionalWrites.changed(e.version, WebhookViews.View.of(e, clock.instant(), null)));
                }));
        return withSecret(response, secret.get());
    }

    @GET
    @Path("/{webhookId}/attempts")
    @Operation(
            operationId = "listWebhookAttempts",
            summary = "List delivery attempts",
            description = "Newest first: when, which event, the outcome, the response code and the latency.")
    @APIResponse(
            responseCode = "200",
            description = "The attempts",
            content = @Content(schema = @Schema(implementation = WebhookViews.AttemptList.class)))
    public Response attempts(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @BeanParam DeliveryPageRequest pageRequest,
            @Context UriInfo uri) {
        UUID partner = allowed(partnerId);
        UUID id = QueryParams.uuid("webhookId", webhookId);
        int size = pageRequest.size();
        Cursor after = Cursor.timeAndId(pageRequest.cursor, Deliveries.ATTEMPT_SORT);
        return Paging.ok(
                Paging.page(
                        endpoints.attempts(partner, id, after, size + 1),
                        size,
                        Deliveries.ATTEMPT_SORT,
                        Deliveries::attemptKeys),
                uri);
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List deliveries (dead letters with status=dead)",
            description =
                    "In event order. pending: waiting for a (next) attempt; succeeded: the receiver answered 2xx; dead: out of "
                            + "attempts, or the receiver answered 410 — replay it once the receiver is fixed.")
    @APIResponse(
            responseCode = "200",
            description = "The deliveries",
            content = @Content(schema = @Schema(implementation = WebhookViews.DeliveryList.class)))
    public Response deliveries(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @Parameter(
                            description = "Only deliveries in this status",
                            schema = @Schema(enumeration = {"pending", "succeeded", "dead"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Only deliveries of events after this eventCursor") @QueryParam("after")
                    String after,
            @BeanParam DeliveryPageRequest pageRequest,
            @Context UriInfo uri) {
        UUID partner = allowed(partnerId);
        UUID id = QueryParams.uuid("webhookId", webhookId);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badParameter("status", "one of pending, succeeded, dead");
        }
        long from;
        try {
            from = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("after", "an eventCursor from an earlier page");
        }
        if (pageRequest.cursor != null) {
            from = Math.max(from, eventPosition(Cursor.decode(pageRequest.cursor, Deliveries.DELIVERY_SORT, 1)));
        }
        int size = pageRequest.size();
        return Paging.ok(
                Paging.page(
                        endpoints.deliveries(partner, id, status, from, size + 1),
                        size,
                        Deliveries.DELIVERY_SORT,
                        Deliveries::deliveryKeys),
                uri);
    }

    private static long eventPosition(Cursor cursor) {
        try {
            return Long.parseLong(cursor.keys().getFirst());
        } catch (NumberFormatException e) {
            throw Cursor.notIssued();
        }
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/replay")
    @Operation(
            operationId = "replayWebhookDelivery",
            summary = "Replay a dead delivery",
            description =
                    "Puts it back in the queue with a fresh set of attempts. 409 when it is not dead. An Idempotency-Key "
                            + "makes retries safe: a retry of a replay whose answer was lost gets its 202 again (not a 409, "
                            + "the delivery being no longer dead) and queues nothing more.")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(
            responseCode = "409",
            description = "The delivery is not dead, or the Idempotency-Key is in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(
            @PathParam("partnerId") String partnerId,
            @PathParam("webhookId") String webhookId,
            @PathParam("deliveryId") String deliveryId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID partner = allowed(partnerId);
        UUID id = QueryParams.uuid("webhookId", webhookId);
        UUID delivery = QueryParams.uuid("deliveryId", deliveryId);
        return idempotency.execute(
                idempotencyKey,
                "POST /partners/" + partner + "/webhooks/" + id + "/deliveries/" + delivery + "/replay",
                null,
                complete -> endpoints.replay(
                        partner,
                        id,
                        delivery,
                        () -> complete.apply(Response.accepted().build())));
    }

    /** Admins manage every partner's endpoints; a partner (write key) only its own. */
    private UUID allowed(String partnerId) {
        // Who first, then what: a caller who may not manage any partner's webhooks gets 403 whatever the path holds.
        // That is why this resource's ids are Strings parsed here and in each method, unlike other resources' UUID
        // parameters: those are converted (a bad one answered 400) before the method, so before this check.
        if (!caller.hasRole(Roles.ADMIN)) {
            Object own = caller.getAttribute(Actor.PARTNER_ATTRIBUTE);
            if (own == null || partnerId == null || !own.toString().equalsIgnoreCase(partnerId.trim())) {
                throw new ForbiddenException(
                        "Only an admin or the partner itself (with a write key) manages these webhooks");
            }
        }
        return QueryParams.uuid("partnerId", partnerId);
    }

    /**
     * The answer with the endpoint's new secret, when this request made one: the Idempotency-Key stored the answer
     * before (without it), so a replay never carries a secret.
     */
    private static Response withSecret(Response response, String secret) {
        return secret != null && response.getEntity() instanceof WebhookViews.View view
                ? Response.fromResponse(response)
                        .entity(withSecret(view, secret))
                        .build()
                : response;
    }

    private static WebhookViews.View withSecret(WebhookViews.View v, String secret) {
        return new WebhookViews.View(
                v.id(),
                v.partnerId(),
                v.url(),
                v.description(),
                v.eventTypes(),
                v.enabled(),
                v.disabledReason(),
                v.previousSecretValidUntil(),
                v.createdAt(),
                v.updatedAt(),
                secret);
    }

    /**
     * The page parameters of the attempt and delivery lists: those of every list
     * ({@link com.dealradar.platform.paging.PageRequest}), but with pages of 50 by default, as these lists have had since
     * they were added (kept, so that partners' clients get the pages they did).
     */
    public static class DeliveryPageRequest {

        static final int DEFAULT_SIZE = 50;

        @Parameter(
                description = "Page size, 1 to " + Paging.MAX_LIMIT,
                schema =
                        @Schema(
                                type = SchemaType.INTEGER,
                                minimum = "1",
                                maximum = "" + Paging.MAX_LIMIT,
                                defaultValue = "" + DEFAULT_SIZE))
        @QueryParam("limit")
        String limit;

        @Parameter(description = "nextCursor of the previous page")
        @QueryParam("cursor")
        String cursor;

        int size() {
            return Paging.limit(limit, DEFAULT_SIZE, Paging.MAX_LIMIT);
        }
    }
}
