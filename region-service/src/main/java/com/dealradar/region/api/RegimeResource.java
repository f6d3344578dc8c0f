package com.dealradar.region.api;

import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.ViewTags;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.text.CanonicalUuid;
import com.dealradar.region.domain.Regime;
import com.dealradar.region.domain.RegimeKind;
import com.dealradar.region.domain.RegimeService;
import com.dealradar.region.persistence.RegimeRepository;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/regimes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Regimes")
@APIResponse(responseCode = "400", description = "Invalid request")
public class RegimeResource {

    private final RegimeService service;
    private final ViewMapper views;
    private final ViewTags tags;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;

    RegimeResource(
            RegimeService service, ViewMapper views, ViewTags tags, Idempotency idempotency, MergePatch mergePatch) {
        this.service = service;
        this.views = views;
        this.tags = tags;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(
            operationId = "listRegimes",
            summary = "List regulatory regimes",
            description =
                    "In code order, keyset-paginated; filters combine with AND. Each regime is shown as it stood on"
                            + " inForceOn (today when not given): its authority, flags, rules, clocks and version then, which"
                            + " the mandatory and suspensory filters also ask.")
    @APIResponse(
            responseCode = "200",
            description = "One page of regimes",
            content = @Content(schema = @Schema(implementation = Views.RegimeView.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(description = "ISO 3166-1 alpha-2 region", example = "GB") @QueryParam("region") String region,
            @Parameter(description = "Only regimes of this kind", schema = @Schema(implementation = RegimeKind.class))
                    @QueryParam("kind")
                    String kind,
            @Parameter(
                            description =
                                    "Only regimes whose filing is mandatory (true) or voluntary (false) on inForceOn",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("mandatory")
                    String mandatory,
            @Parameter(
                            description =
                                    "Only regimes that do (true) or do not (false) bar completing a deal before clearance on inForceOn",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("suspensory")
                    String suspensory,
            @Parameter(description = "Only regimes in force on this day", example = "2018-07-03")
                    @QueryParam("inForceOn")
                    String inForceOn,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        RegimeRepository.Filter filter = new RegimeRepository.Filter(
                QueryParams.countryCode("region", region),
                QueryParams.enumValue(RegimeKind.class, "kind", kind),
                Params.bool("mandatory", mandatory),
                Params.bool("suspensory", suspensory),
                QueryParams.date("inForceOn", inForceOn));
        String after = pageRequest.cursor() == null
                ? null
                : Cursor.decode(pageRequest.cursor(), "code", 1).keys().getFirst();
        List<Regime> rows = service.search(filter, after, pageSize + 1);
        return Paging.ok(
                Paging.page(rows, pageSize, "code", g -> List.of(g.code))
                        .map(g -> views.regime(g, service.dayOf(filter, g))),
                uri);
    }

    @POST
    @Operation(
            operationId = "createRegime",
            summary = "Add a regime",
            description = "Analysts only (enforced at the gateway). Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Views.RegimeView.class)))
    @APIResponse(responseCode = "409", description = "Code already used, or the Idempotency-Key is in flight")
    @APIResponse(responseCode = "422", description = "Unknown region, or Idempotency-Key reused with a different body")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull RegimeInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /regimes",
                body,
                complete -> service.create(body.toDraft(), regime -> {
                    return complete.apply(
                            tags.created(URI.create("/regimes/" + regime.id), regime.version, views.regime(regime)));
                }));
    }

    @GET
    @Path("/{idOrCode}")
    @Operation(
            operationId = "getRegime",
            summary = "Read a regime by id or code",
            description = "Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The regime",
            content = @Content(schema = @Schema(implementation = Views.RegimeView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such regime")
    public Response get(
            @Parameter(example = "UK-NSIA") @PathParam("idOrCode") String idOrCode,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Regime regime = service.get(CanonicalUuid.parse(idOrCode).orElse(null), idOrCode);
        return tags.okOrNotModified(ifNoneMatch, regime.version, views.regime(regime));
    }

    @PUT
    @Path("/{idOrCode}")
    @Operation(
            operationId = "replaceRegime",
            summary = "Replace a regime",
            description = "If-Match with the current ETag is required.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = Views.RegimeView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Code already used by another regime, a region change for a regime with matters, or a change that takes"
                            + " away a trigger rule a matter is under (in the version that governs it)")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "422", description = "Unknown region")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(
            @PathParam("idOrCode") String idOrCode,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RegimeInput body) {
        return write(idOrCode, ifMatch, regime -> body);
    }

    @PATCH
    @Path("/{idOrCode}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchRegime",
            summary = "Change some fields of a regime (JSON Merge Patch)",
            description = "Lists (triggerRules, clocks, sources) are replaced whole. If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = Views.RegimeView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Code already used by another regime, a region change for a regime with matters, or a change that takes"
                            + " away a trigger rule a matter is under (in the version that governs it)")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "422", description = "Unknown region")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("idOrCode") String idOrCode,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = RegimeInput.class) JsonNode patch) {
        return write(idOrCode, ifMatch, regime -> mergePatch.apply(ViewMapper.input(regime), patch, RegimeInput.class));
    }

    /** A conditional write: the service checks If-Match against the row it changes, in its transaction. */
    private Response write(String idOrCode, String ifMatch, Function<Regime, RegimeInput> change) {
        return service.replace(
                CanonicalUuid.parse(idOrCode).orElse(null),
                idOrCode,
                EntityTags.ifMatch(ifMatch),
                regime -> change.apply(regime).toDraft(),
                regime -> tags.written(regime.version, views.regime(regime)));
    }
}
