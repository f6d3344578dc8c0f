package com.dealradar.gateway.partner;

import com.dealradar.platform.http.ConditionalWrites;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.Page;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
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
 * Partners and their API keys, for admins. A key's secret is in the 201 answer that issues it and nowhere else:
 * only its SHA-256 is stored, and a replay of the issuing request (same Idempotency-Key) answers without it.
 */
@Path(PartnerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(
        name = "Partners",
        description =
                "Partners integrating with API keys: their keys (issue, rotate, revoke) and the audit trail. Admins only.")
@APIResponse(responseCode = "400", description = "Invalid request")
@APIResponse(responseCode = "401", description = "Not authenticated")
@APIResponse(responseCode = "403", description = "Not an admin")
@APIResponse(responseCode = "429", description = "Rate limit reached; see Retry-After")
public class PartnerResource {

    public static final String PATH = "/api/v1/partners";
    private static final String KEY_EXAMPLE = """
            {"id":"0d9b7c7e-3b1a-4f59-a0a4-5c1f9e2b7d21","partnerId":"5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11","prefix":"k7m2x9qa",
             "name":"production ETL","scopes":["read"],"status":"active","createdAt":"2026-01-15T09:30:00Z","createdBy":"bootstrap-admin",
             "expiresAt":"2027-01-01T00:00:00Z","secret":"drk_k7m2x9qa_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8"}""";

    private final PartnerService service;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;
    private final SecurityIdentity caller;
    private final InstantSource clock;

    PartnerResource(
            PartnerService service,
            Idempotency idempotency,
            MergePatch mergePatch,
            SecurityIdentity caller,
            InstantSource clock) {
        this.clock = clock;
        this.service = service;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listPartners",
            summary = "List partners",
            description = "In name order, keyset-paginated: follow nextCursor (or the Link header).")
    @APIResponse(
            responseCode = "200",
            description = "One page of partners",
            content = @Content(schema = @Schema(implementation = PartnerView.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam PageRequest pageRequest, @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        Cursor after = Cursor.valueAndId(pageRequest.cursor(), PartnerRepository.SORT);
        Page<PartnerView> page = Paging.page(
                        service.partners(after, pageSize + 1),
                        pageSize,
                        PartnerRepository.SORT,
                        PartnerRepository::cursorKeys)
                .map(PartnerView::of);
        return Paging.ok(page, uri);
    }

    @POST
    @Operation(
            operationId = "createPartner",
            summary = "Create a partner",
            description = "The plan sets the partner's rate limit. Send an Idempotency-Key to make retries safe.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "partner", value = """
            {"name":"Telco Insights Ltd","contact":{"name":"Mei Chen","email":"api@telco-insights.example"},"plan":"standard"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in flight")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull PartnerInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST " + PATH,
                body,
                complete -> service.create(
                        body,
                        actor(),
                        partner -> complete.apply(Response.created(URI.create(PATH + "/" + partner.id))
                                .tag(EntityTags.of(partner.version))
                                .entity(PartnerView.of(partner))
                                .build())));
    }

    @GET
    @Path("/{partnerId}")
    @Operation(
            operationId = "getPartner",
            summary = "Read a partner",
            description = "Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such partner")
    public Response get(
            @PathParam("partnerId") UUID partnerId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Partner partner = service.get(partnerId);
        return EntityTags.okOrNotModified(ifNoneMatch, partner.version, PartnerView.of(partner));
    }

    @PATCH
    @Path("/{partnerId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchPartner",
            summary = "Change a partner (JSON Merge Patch, RFC 7396)",
            description =
                    "Name, contact or plan. A new plan applies to the partner's keys within seconds. If-Match is required.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "plan", value = "{\"plan\":\"premium\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("partnerId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = PartnerInput.class) JsonNode patch) {
        return service.update(
                id,
                EntityTags.ifMatch(ifMatch),
                p -> mergePatch.apply(PartnerView.of(p).input(), patch, PartnerInput.class),
                actor(),
                p -> ConditionalWrites.ok(p.version, PartnerView.of(p)));
    }

    @GET
    @Path("/{partnerId}/keys")
    @Operation(
            operationId = "listApiKeys",
            summary = "List a partner's API keys",
            description = "Oldest first, keyset-paginated; never with secrets.")
    @APIResponse(
            responseCode = "200",
            description = "One page of keys",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such partner")
    public Response listKeys(
            @PathParam("partnerId") UUID id, @BeanParam PageRequest pageRequest, @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        Cursor after = Cursor.timeAndId(pageRequest.cursor(), ApiKeyRepository.SORT);
        List<ApiKey> rows = service.keys(id, after, pageSize + 1);
        Instant now = clock.instant();
        Page<ApiKeyView> page = Paging.page(rows, pageSize, ApiKeyRepository.SORT, ApiKeyRepository::cursorKeys)
                .map(k -> ApiKeyView.of(k, now));
        return Paging.ok(page, uri);
    }

    @POST
    @Path("/{partnerId}/keys")
    @Operation(
            operationId = "issueApiKey",
            summary = "Issue an API key",
            description =
                    "The answer is the only place the key (secret) is ever shown: store it now. Partners' keys get the viewer "
                            + "role (scope read) or viewer and analyst (scope write), never admin. A retry with the same Idempotency-Key "
                            + "answers 201 with the key's data but without its secret (Idempotent-Replayed: true); if that first answer was "
                            + "lost, revoke the key and issue another.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "read-only key", value = """
            {"name":"production ETL","scopes":["read"],"expiresAt":"2027-01-01T00:00:00Z"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Issued, with its secret",
            content =
                    @Content(
                            schema = @Schema(implementation = ApiKeyView.class),
                            examples = @ExampleObject(name = "issued", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in flight")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response issue(
            @PathParam("partnerId") UUID id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ApiKeyInput body) {
        AtomicReference<String> secret = new AtomicReference<>();
        Response response = idempotency.execute(
                idempotencyKey,
                "POST " + PATH + "/" + id + "/keys",
                body,
                complete -> service.issue(id, body, actor(), issued -> {
                    secret.set(issued.key());
                    return complete.apply(created(issued.apiKey()));
                }));
        return withSecret(response, secret.get());
    }

    @GET
    @Path("/{partnerId}/keys/{keyId}")
    @Operation(
            operationId = "getApiKey",
            summary = "Read an API key",
            description = "Without its secret. Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such partner or key")
    public Response getKey(
            @PathParam("partnerId") UUID partnerId,
            @PathParam("keyId") UUID keyId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ApiKey key = service.key(partnerId, keyId);
        return EntityTags.okOrNotModified(ifNoneMatch, key.version, ApiKeyView.of(key, clock.instant()));
    }

    @POST
    @Path("/{partnerId}/keys/{keyId}/rotate")
    @Operation(
            operationId = "rotateApiKey",
            summary = "Rotate an API key",
            description =
                    "Issues a new key with the same name and scopes (its secret is in this answer only) and lets the old "
                            + "key work on for the overlap (default 24 hours), so that clients can switch without an outage. If-Match "
                            + "with the old key's ETag is required; an Idempotency-Key makes retries safe (a replay has no secret).")
    @RequestBody(
            required = false,
            content = @Content(examples = @ExampleObject(name = "one hour overlap", value = "{\"overlap\":\"PT1H\"}")))
    @APIResponse(
            responseCode = "201",
            description = "The new key, with its secret",
            content =
                    @Content(
                            schema = @Schema(implementation = ApiKeyView.class),
                            examples = @ExampleObject(name = "issued", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such partner or key")
    @APIResponse(
            responseCode = "409",
            description =
                    "The key is not active (already rotated, expired or revoked), or the Idempotency-Key is in flight")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response rotate(
            @PathParam("partnerId") UUID partner,
            @PathParam("keyId") UUID key,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid RotationInput body) {
        AtomicReference<String> secret = new AtomicReference<>();
        Response response = idempotency.execute(
                idempotencyKey,
                "POST " + PATH + "/" + partner + "/keys/" + key + "/rotate",
                body,
                complete -> service.rotate(partner, key, EntityTags.ifMatch(ifMatch), body, actor(), issued -> {
                    secret.set(issued.key());
                    return complete.apply(created(issued.apiKey()));
                }));
        return withSecret(response, secret.get());
    }

    @DELETE
    @Path("/{partnerId}/keys/{keyId}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description =
                    "The key is refused at once on this gateway replica and within about 2 seconds on every other. The key "
                            + "stays listed, as revoked. If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Revoked",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No such partner or key")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response revoke(
            @PathParam("partnerId") UUID partner,
            @PathParam("keyId") UUID key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.revoke(
                partner,
                key,
                EntityTags.ifMatch(ifMatch),
                actor(),
                revoked -> ConditionalWrites.ok(revoked.version, ApiKeyView.of(revoked, clock.instant())));
    }

    @GET
    @Path("/audit")
    @Operation(
            operationId = "listPartnerAudit",
            summary = "Read the audit trail of partners and API keys",
            description =
                    "Who created or changed partners and issued, rotated or revoked keys, and when; newest first, keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "One page of audit entries",
            content = @Content(schema = @Schema(implementation = AuditEntryPage.class)))
    public Response audit(
            @Parameter(description = "Only entries about this partner") @QueryParam("partnerId") UUID partner,
            @Parameter(description = "Only entries about this key") @QueryParam("keyId") UUID key,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        Cursor after = Cursor.timeAndId(pageRequest.cursor(), AuditRepository.SORT);
        Page<AuditEntryView> page = Paging.page(
                        service.audit(partner, key, after, pageSize + 1),
                        pageSize,
                        AuditRepository.SORT,
                        AuditRepository::cursorKeys)
                .map(AuditEntryView::of);
        return Paging.ok(page, uri);
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }

    private Response created(ApiKey key) {
        return Response.created(URI.create(PATH + "/" + key.partnerId + "/keys/" + key.id))
                .tag(EntityTags.of(key.version))
                .entity(ApiKeyView.of(key, clock.instant()))
                .build();
    }

    /** The first answer gets the secret; a replay (no secret generated by this request) is passed on as it is. */
    private static Response withSecret(Response response, String secret) {
        if (secret == null || !(response.getEntity() instanceof ApiKeyView view)) {
            return response;
        }
        return Response.fromResponse(response).entity(view.withSecret(secret)).build();
    }
}
