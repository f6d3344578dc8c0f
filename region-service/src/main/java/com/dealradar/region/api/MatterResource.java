package com.dealradar.region.api;

import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.ViewTags;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.text.CanonicalUuid;
import com.dealradar.region.domain.MatterService;
import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.RegimeService;
import com.dealradar.region.domain.RegulatoryMatter;
import com.dealradar.region.persistence.MatterRepository;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/regulatory-matters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Regulatory matters")
@APIResponse(responseCode = "400", description = "Invalid request")
public class MatterResource {

    private final MatterService service;
    private final RegimeService regimes;
    private final ViewMapper views;
    private final ViewTags tags;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;

    MatterResource(
            MatterService service,
            RegimeService regimes,
            ViewMapper views,
            ViewTags tags,
            Idempotency idempotency,
            MergePatch mergePatch) {
        this.service = service;
        this.regimes = regimes;
        this.views = views;
        this.tags = tags;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(
            operationId = "listRegulatoryMatters",
            summary = "List regulatory matters",
            description =
                    "Oldest first, keyset-paginated; filters combine with AND. Open matters carry their current statutory deadline.")
    @APIResponse(
            responseCode = "200",
            description = "One page of matters",
            content = @Content(schema = @Schema(implementation = Views.MatterView.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(description = "deal-service id") @QueryParam("dealId") UUID dealId,
            @Parameter(description = "company-service id") @QueryParam("companyId") UUID companyId,
            @Parameter(description = "ISO 3166-1 alpha-2 region", example = "CN") @QueryParam("region") String region,
            @Parameter(description = "Regime code or id", example = "UK-NSIA") @QueryParam("regime") String regime,
            @Parameter(
                            description = "Only matters in this status",
                            schema = @Schema(implementation = MatterStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "true: only open matters (not in a terminal status); false: only the"
                                    + " decided, withdrawn or closed ones",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("open")
                    String open,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        UUID regimeId = null;
        if (regime != null && !regime.isBlank()) {
            try {
                regimeId = regimes.get(CanonicalUuid.parse(regime.strip()).orElse(null), regime.strip()).id;
            } catch (ProblemException e) {
                throw ProblemException.badParameter("regime", "no regime '" + regime + "'");
            }
        }
        MatterRepository.Filter filter = new MatterRepository.Filter(
                dealId,
                companyId,
                QueryParams.countryCode("region", region),
                regimeId,
                QueryParams.enumValue(MatterStatus.class, "status", status),
                Params.bool("open", open));
        Cursor after = Cursor.timeAndId(pageRequest.cursor(), MatterRepository.SORT);
        List<RegulatoryMatter> rows = service.search(filter, after, pageSize + 1);
        return Paging.ok(
                Paging.page(rows, pageSize, MatterRepository.SORT, MatterRepository::cursorKeys)
                        .map(views::matter),
                uri);
    }

    @POST
    @Operation(
            operationId = "createRegulatoryMatter",
            summary = "Open a regulatory matter",
            description =
                    "Starts as anticipated or not_assessed; later statuses through POST .../transitions. Send an Idempotency-Key to make retries safe.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = MatterInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "NSIA",
                                            value =
                                                    "{\"dealId\": \"fc47ec4c-3e52-5409-8a40-e1b874aa8538\", \"regimeCode\": \"UK-NSIA\", \"title\": \"NSIA notification\", \"status\": \"anticipated\", \"openedOn\": \"2024-03-01\", \"basis\": \"inferred\", \"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"example\"}]}")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Views.MatterView.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown regime or clock, a triggerRule the governing version of the regime does not have, a deal or "
                            + "company that deal-service or company-service does not know, or Idempotency-Key reused with a "
                            + "different body")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull MatterInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /regulatory-matters",
                body,
                complete -> service.create(
                        body.toDraft(),
                        matter -> complete.apply(tags.created(
                                URI.create("/regulatory-matters/" + matter.id),
                                matter.version,
                                views.matter(matter)))));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getRegulatoryMatter",
            summary = "Read a regulatory matter",
            description =
                    "With its status history and, when open, its current statutory deadline. Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The matter",
            content = @Content(schema = @Schema(implementation = Views.MatterView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such matter")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RegulatoryMatter matter = service.get(id);
        return tags.okOrNotModified(ifNoneMatch, matter.version, views.matter(matter));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "replaceRegulatoryMatter",
            summary = "Replace a regulatory matter",
            description = "The status cannot change here (use transitions). If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = Views.MatterView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Status differs from the current one, or decidedOn set on a matter no transition has decided yet")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown regime, a triggerRule the governing version of the regime does not have, or a deal or company that"
                            + " deal-service or company-service does not know")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MatterInput body) {
        return service.replace(id, EntityTags.ifMatch(ifMatch), matter -> body.toDraft(), this::answer);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchRegulatoryMatter",
            summary = "Change some fields of a regulatory matter (JSON Merge Patch)",
            description = "E.g. add a clock-stop or an extension. If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = Views.MatterView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Status differs from the current one, or decidedOn set on a matter no transition has decided yet")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown regime, a triggerRule the governing version of the regime does not have, or a deal or company that"
                            + " deal-service or company-service does not know")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = MatterInput.class) JsonNode patch) {
        return service.replace(
                id,
                EntityTags.ifMatch(ifMatch),
                matter -> mergePatch
                        .apply(ViewMapper.input(matter), patch, MatterInput.class)
                        .toDraft(),
                this::answer);
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(
            operationId = "transitionRegulatoryMatter",
            summary = "Change the status of a regulatory matter",
            description =
                    "Through the status machine (DESIGN.md); the change is kept in the history with its legal date, which starts statutory clocks. If-Match is required; an Idempotency-Key makes retries safe (a replay answers the first change and changes nothing).")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = TransitionInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "call-in",
                                            value =
                                                    "{\"status\": \"phase2\", \"on\": \"2024-03-20\", \"note\": \"Call-in notice given\", \"stage\": \"call-in assessment\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = Views.MatterView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Transition not allowed from the current status, or the Idempotency-Key is in flight")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(
            responseCode = "422",
            description =
                    "The new history would put a recorded clock-stop where its clock cannot stop, or date the matter into a"
                            + " version of its regime without the matter's triggerRule; or the Idempotency-Key was reused with"
                            + " a different body")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response transition(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull TransitionInput body) {
        EntityTags.requirePresent(ifMatch);
        return idempotency.execute(
                idempotencyKey,
                "POST /regulatory-matters/" + id + "/transitions",
                body,
                complete -> service.transition(
                        id,
                        EntityTags.ifMatch(ifMatch),
                        body.toDraft(),
                        matter -> complete.apply(tags.changed(matter.version, views.matter(matter)))));
    }

    /** The answer of a conditional write, built in the service's transaction (If-Match was checked there). */
    private Response answer(RegulatoryMatter matter) {
        return tags.written(matter.version, views.matter(matter));
    }
}
