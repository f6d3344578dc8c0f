package com.dealradar.deal.api;

import com.dealradar.deal.domain.Confidence;
import com.dealradar.deal.domain.Deal;
import com.dealradar.deal.domain.DealService;
import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.DealType;
import com.dealradar.deal.domain.ParticipantRole;
import com.dealradar.deal.persistence.DealFilter;
import com.dealradar.deal.persistence.DealSort;
import com.dealradar.platform.http.ConditionalWrites;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.Page;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deals", description = "Deals, their participants, status history and sources")
@APIResponse(responseCode = "400", description = "Invalid request")
public class DealResource {

    static final String DEAL_EXAMPLE = """
            {
              "title": "Alibaba's rumoured acquisition of ZTEsoft from ZTE",
              "type": "acquisition",
              "status": "rumored",
              "confidence": "rumored",
              "announced": {"value": "2017", "precision": "year"},
              "value": {"amountMin": "2000000000", "amountMax": "3000000000", "currency": "CNY",
                        "amountUsdMin": "294000000", "amountUsdMax": "442000000", "estimated": true},
              "regions": ["CN"],
              "participants": [
                {"companyId": "0ac5b527-f0f8-5f43-be35-bdfe16ff147a", "role": "acquirer"},
                {"companyId": "f604e41d-8f8e-54e2-9294-c78fee942a96", "role": "target"},
                {"companyId": "57f2392c-3149-5fe5-a0fa-2acd10661787", "role": "seller"}
              ],
              "sources": [{"kind": "article", "publisher": "Ron Westfall",
                           "title": "Alibaba: Potential ZTEsoft Acquisition Ambitions Signal Competitive Upheaval in Telco Software Market",
                           "note": "~$440 million"}]
            }""";

    static final String STATUS_CHANGE_EXAMPLE = """
            {
              "status": "in_talks",
              "effectiveDate": {"value": "2018-07", "precision": "month"},
              "note": "A BT spokeswoman confirmed talks with Alibaba Cloud",
              "source": {"kind": "article", "publisher": "Bloomberg",
                         "title": "Alibaba in talks with BT about a cloud services partnership"}
            }""";

    private final DealService service;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;

    DealResource(DealService service, Idempotency idempotency, MergePatch mergePatch) {
        this.service = service;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(
            operationId = "listDeals",
            summary = "List and search deals",
            description =
                    "Keyset-paginated. Follow nextCursor (or the Link header) for the next page; filters combine with AND. "
                            + "Dates compare the first day of the announced date; USD values compare valueUsd (amountUsd, else the "
                            + "midpoint of the USD range). Deals without the sort value come last.")
    @APIResponse(
            responseCode = "200",
            description = "One page of deals",
            content = @Content(schema = @Schema(implementation = DealView.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(
                            description =
                                    "Company id or slug: deals it takes part in (in any role, or in the given role); "
                                            + "a slug no company has matches no deal",
                            example = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a")
                    @QueryParam("company")
                    String company,
            @Parameter(
                            description = "Participant role; with company: that company in that role",
                            schema = @Schema(implementation = ParticipantRole.class))
                    @QueryParam("role")
                    String role,
            @Parameter(description = "Only deals of this type", schema = @Schema(implementation = DealType.class))
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Only deals in this status", schema = @Schema(implementation = DealStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Only deals known with this confidence",
                            schema = @Schema(implementation = Confidence.class))
                    @QueryParam("confidence")
                    String confidence,
            @Parameter(description = "ISO 3166-1 alpha-2 region the deal touches (or EU)", example = "CN")
                    @QueryParam("region")
                    String region,
            @Parameter(description = "Announced on or after (YYYY-MM-DD)", example = "2017-01-01")
                    @QueryParam("announcedFrom")
                    String announcedFrom,
            @Parameter(description = "Announced on or before (YYYY-MM-DD)", example = "2017-12-31")
                    @QueryParam("announcedTo")
                    String announcedTo,
            @Parameter(description = "Minimum valueUsd", example = "100000000") @QueryParam("valueUsdMin")
                    String valueUsdMin,
            @Parameter(description = "Maximum valueUsd", example = "500000000") @QueryParam("valueUsdMax")
                    String valueUsdMax,
            @Parameter(description = "Comma-separated deal ids (at most 200)") @QueryParam("ids") String ids,
            @Parameter(
                            description = "Order",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "-announced",
                                                "announced",
                                                "-valueUsd",
                                                "valueUsd",
                                                "updatedAt",
                                                "-updatedAt"
                                            },
                                            defaultValue = "-announced"))
                    @QueryParam("sort")
                    String sort,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        // A blank sort is no sort, like an absent one.
        DealSort order = QueryParams.enumValue(DealSort.class, "sort", sort, DealSort.announcedDesc);
        // Every parameter is checked before a slug is looked up in company-service: a bad one is a 400 whether or not
        // the company exists (or company-service answers).
        QueryParams.CompanyName named = QueryParams.companyName("company", company);
        DealFilter filter = new DealFilter(
                named != null ? named.id() : null,
                QueryParams.enumValue(ParticipantRole.class, "role", role),
                QueryParams.enumValue(DealType.class, "type", type),
                QueryParams.enumValue(DealStatus.class, "status", status),
                QueryParams.enumValue(Confidence.class, "confidence", confidence),
                region(region),
                QueryParams.date("announcedFrom", announcedFrom),
                QueryParams.date("announcedTo", announcedTo),
                QueryParams.decimal("valueUsdMin", valueUsdMin),
                QueryParams.decimal("valueUsdMax", valueUsdMax),
                QueryParams.uuidSet("ids", ids, QueryParams.MAX_IDS));
        requireOrdered("announcedFrom", filter.announcedFrom(), "announcedTo", filter.announcedTo());
        requireOrdered("valueUsdMin", filter.valueUsdMin(), "valueUsdMax", filter.valueUsdMax());
        Cursor after = Cursor.valueAndId(pageRequest.cursor(), order.wireName());
        if (named != null && named.id() == null) {
            Optional<UUID> companyId = service.companyBySlug(named.slug());
            if (companyId.isEmpty()) {
                return Paging.ok(
                        Paging.page(List.<Deal>of(), pageSize, order.wireName(), order::cursorKeys)
                                .map(DealViews::view),
                        uri);
            }
            filter = filter.withCompany(companyId.get());
        }
        List<Deal> rows = service.search(filter, order, after, pageSize + 1);
        Page<DealView> page =
                Paging.page(rows, pageSize, order.wireName(), order::cursorKeys).map(DealViews::view);
        return Paging.ok(page, uri);
    }

    @POST
    @Operation(
            operationId = "createDeal",
            summary = "Record a deal",
            description =
                    "Every participant must exist in company-service (422 naming the unknown ones; 503 with Retry-After "
                            + "when company-service cannot be reached, and nothing is written). status is the initial status "
                            + "(default announced). Send an Idempotency-Key to make retries safe.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = DealInput.class),
                            examples = @ExampleObject(name = "alibaba-ztesoft", value = DEAL_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in flight")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(
            responseCode = "422",
            description = "Unknown participant company, or Idempotency-Key reused with a different body")
    @APIResponse(
            responseCode = "503",
            description = "company-service cannot be reached; retry after Retry-After seconds")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull DealInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /deals",
                body,
                complete -> service.create(
                        body.toDraft(),
                        deal -> complete.apply(Response.created(URI.create("/deals/" + deal.id))
                                .tag(EntityTags.of(deal.version))
                                .entity(DealViews.view(deal))
                                .build())));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getDeal",
            summary = "Read a deal",
            description = "Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The deal",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such deal")
    public Response get(
            @Parameter(example = "973a4522-3530-5077-b71c-a59a70f0ce3f") @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Deal deal = service.get(id);
        return EntityTags.okOrNotModified(ifNoneMatch, deal.version, DealViews.view(deal));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "replaceDeal",
            summary = "Replace a deal",
            description =
                    "If-Match with the current ETag is required. status must be absent or the current one: "
                            + "status changes go through POST /deals/{id}/status-changes. Added participants are checked in company-service.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "409", description = "The body changes the status")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "422", description = "Unknown participant company")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    @APIResponse(responseCode = "503", description = "company-service cannot be reached")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DealInput body) {
        return write(id, ifMatch, current -> body);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchDeal",
            summary = "Change some fields of a deal (JSON Merge Patch, RFC 7396)",
            description = "Fields absent from the patch keep their value; null removes a value. If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = DealInput.class) JsonNode patch) {
        return write(id, ifMatch, current -> mergePatch.apply(current, patch, DealInput.class));
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "deleteDeal",
            summary = "Delete a deal and its history",
            description =
                    "If-Match is required. A deal with regulatory matters (a regulatory history) is not deleted: 409 naming them.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The deal has regulatory matters")
    @APIResponse(
            responseCode = "503",
            description =
                    "region-service cannot say whether the deal has regulatory matters; nothing was deleted, retry after Retry-After seconds")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(id, EntityTags.ifMatch(ifMatch), deal -> ConditionalWrites.noContent());
    }

    @GET
    @Path("/{id}/history")
    @Operation(
            operationId = "getDealHistory",
            summary = "The status history of a deal, oldest first",
            description = "The first entry is the status the deal was recorded in; each later entry one status change.")
    @APIResponse(responseCode = "200", description = "All entries (nextCursor is always absent)")
    @APIResponse(responseCode = "404", description = "No such deal")
    public Page<StatusChangeView> history(@PathParam("id") UUID id) {
        Deal deal = service.get(id);
        return new Page<>(service.history(deal).stream().map(DealViews::view).toList(), null);
    }

    @POST
    @Path("/{id}/status-changes")
    @Operation(
            operationId = "changeDealStatus",
            summary = "Change the status of a deal",
            description =
                    "Only changes the status machine allows (409 naming the allowed ones). Completing asks region-service "
                            + "whether a suspensory regulatory matter is still open (409 naming them; 503 with Retry-After when it "
                            + "cannot be reached). If-Match with the current ETag is required (428 without it, 412 when stale), like "
                            + "every state-changing action. Send an Idempotency-Key to make retries safe. Answers with the changed deal.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = StatusChangeInput.class),
                            examples = @ExampleObject(name = "in-talks", value = STATUS_CHANGE_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the deal with its new status and ETag",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Transition not allowed, regulatory matters open, or Idempotency-Key in flight")
    @APIResponse(responseCode = "404", description = "No such deal")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    @APIResponse(responseCode = "503", description = "region-service cannot be reached")
    public Response changeStatus(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull StatusChangeInput body) {
        EntityTags.requirePresent(ifMatch);
        return idempotency.execute(
                idempotencyKey,
                "POST /deals/" + id + "/status-changes",
                body,
                complete -> service.changeStatus(
                        id,
                        EntityTags.ifMatch(ifMatch),
                        body.toDraft(),
                        changed ->
                                complete.apply(ConditionalWrites.changed(changed.version, DealViews.view(changed)))));
    }

    /**
     * A conditional write: {@code change} makes the new input from the deal's current state (the body itself for a
     * PUT, the merge patch applied for a PATCH); the service checks new participants outside any transaction and
     * then If-Match against the row it changes (see {@link DealService#replace}).
     */
    private Response write(UUID id, String ifMatch, Function<DealInput, DealInput> change) {
        EntityTags.requirePresent(ifMatch);
        return service.replace(
                id,
                EntityTags.ifMatch(ifMatch),
                deal -> change.apply(DealViews.input(deal)).toDraft(),
                deal -> ConditionalWrites.ok(deal.version, DealViews.view(deal)));
    }

    private static String region(String raw) {
        if (raw != null && raw.strip().equalsIgnoreCase("EU")) {
            return "EU";
        }
        return QueryParams.countryCode("region", raw);
    }

    private static <T extends Comparable<T>> void requireOrdered(String lowName, T low, String highName, T high) {
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw ProblemException.badParameter(lowName, "must not be after " + highName);
        }
    }
}
