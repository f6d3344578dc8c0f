package com.dealradar.region.api;

import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.ViewTags;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.region.domain.Region;
import com.dealradar.region.domain.RegionService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/regions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Regions")
@APIResponse(responseCode = "400", description = "Invalid request")
public class RegionResource {

    private static final String REGION_CODE = "ISO 3166-1 alpha-2 code of the region, in any case";
    private final RegionService service;
    private final ViewMapper views;
    private final ViewTags tags;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;

    RegionResource(
            RegionService service, ViewMapper views, ViewTags tags, Idempotency idempotency, MergePatch mergePatch) {
        this.service = service;
        this.views = views;
        this.tags = tags;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(
            operationId = "listRegions",
            summary = "List regions",
            description = "In code order, keyset-paginated. Regimes are listed on single reads.")
    @APIResponse(
            responseCode = "200",
            description = "One page of regions",
            content = @Content(schema = @Schema(implementation = Views.RegionView.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam PageRequest pageRequest, @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        String after = null;
        if (pageRequest.cursor() != null) {
            after = Cursor.decode(pageRequest.cursor(), "code", 1).keys().getFirst();
            if (!after.matches("[A-Z]{2}")) {
                throw Cursor.notIssued();
            }
        }
        List<Region> rows = service.page(after, pageSize + 1);
        return Paging.ok(
                Paging.page(rows, pageSize, "code", r -> List.of(r.code)).map(r -> views.region(r, false)), uri);
    }

    @POST
    @Operation(
            operationId = "createRegion",
            summary = "Add a region",
            description = "Analysts only (enforced at the gateway). Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Views.RegionView.class)))
    @APIResponse(responseCode = "409", description = "Region exists, or the Idempotency-Key is in flight")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull RegionInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /regions",
                body,
                complete -> service.create(
                        body.toDraft(),
                        region -> complete.apply(tags.created(
                                URI.create("/regions/" + region.code), region.version, views.region(region, true)))));
    }

    @GET
    @Path("/{code}")
    @Operation(
            operationId = "getRegion",
            summary = "Read a region with its regimes",
            description = "Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The region",
            content = @Content(schema = @Schema(implementation = Views.RegionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such region")
    public Response get(
            @Parameter(description = REGION_CODE, example = "GB") @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Region region = service.get(QueryParams.countryCode("code", code));
        return tags.okOrNotModified(ifNoneMatch, region.version, views.region(region, true));
    }

    @PUT
    @Path("/{code}")
    @Operation(
            operationId = "replaceRegion",
            summary = "Replace a region",
            description = "If-Match with the current ETag is required.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = Views.RegionView.class)))
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(
            @Parameter(description = REGION_CODE) @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RegionInput body) {
        return write(code, ifMatch, region -> body);
    }

    @PATCH
    @Path("/{code}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchRegion",
            summary = "Change some fields of a region (JSON Merge Patch)",
            description = "If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = Views.RegionView.class)))
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @Parameter(description = REGION_CODE) @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = RegionInput.class) JsonNode patch) {
        return write(code, ifMatch, region -> mergePatch.apply(ViewMapper.input(region), patch, RegionInput.class));
    }

    /** A conditional write: the service checks If-Match against the row it changes, in its transaction. */
    private Response write(String code, String ifMatch, Function<Region, RegionInput> change) {
        return service.replace(
                QueryParams.countryCode("code", code),
                EntityTags.ifMatch(ifMatch),
                region -> change.apply(region).toDraft(),
                region -> tags.written(region.version, views.region(region, true)));
    }
}
