package com.dealradar.region.api;

import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.ViewTags;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.json.MergePatch;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.region.domain.Certification;
import com.dealradar.region.domain.CertificationScheme;
import com.dealradar.region.domain.CertificationService;
import com.dealradar.region.domain.CertificationStatus;
import com.dealradar.region.persistence.CertificationRepository;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications")
@APIResponse(responseCode = "400", description = "Invalid request")
public class CertificationResource {

    private final CertificationService service;
    private final ViewMapper views;
    private final ViewTags tags;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;

    CertificationResource(
            CertificationService service,
            ViewMapper views,
            ViewTags tags,
            Idempotency idempotency,
            MergePatch mergePatch) {
        this.service = service;
        this.views = views;
        this.tags = tags;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(
            operationId = "listCertifications",
            summary = "List certifications",
            description =
                    "Oldest first, keyset-paginated. status filters by the status as of today (an attestation past its validity is expired).")
    @APIResponse(
            responseCode = "200",
            description = "One page of certifications",
            content =
                    @Content(schema = @Schema(implementation = Views.CertificationView.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(
                            description =
                                    "company-service id, or several comma-separated (at most 200): certifications of any of them, in one call")
                    @QueryParam("companyId")
                    String companyId,
            @Parameter(
                            description = "Only certifications under this scheme",
                            schema = @Schema(implementation = CertificationScheme.class))
                    @QueryParam("scheme")
                    String scheme,
            @Parameter(
                            description = "Only certifications in this status",
                            schema = @Schema(implementation = CertificationStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "ISO 3166-1 alpha-2 region", example = "DE") @QueryParam("region") String region,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        CertificationRepository.Filter filter = new CertificationRepository.Filter(
                QueryParams.uuidSet("companyId", companyId, QueryParams.MAX_IDS),
                QueryParams.enumValue(CertificationScheme.class, "scheme", scheme),
                QueryParams.enumValue(CertificationStatus.class, "status", status),
                QueryParams.countryCode("region", region));
        Cursor after = Cursor.timeAndId(pageRequest.cursor(), CertificationRepository.SORT);
        List<Certification> rows = service.search(filter, after, pageSize + 1);
        return Paging.ok(
                Paging.page(rows, pageSize, CertificationRepository.SORT, CertificationRepository::cursorKeys)
                        .map(views::certification),
                uri);
    }

    @POST
    @Operation(
            operationId = "createCertification",
            summary = "Record a certification",
            description = "Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Views.CertificationView.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown region or matter, a company that company-service does not know, or Idempotency-Key reused "
                            + "with a different body")
    public Response create(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CertificationInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /certifications",
                body,
                complete -> service.create(
                        body.toDraft(),
                        certification -> complete.apply(tags.created(
                                URI.create("/certifications/" + certification.id),
                                certification.version,
                                views.certification(certification)))));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getCertification",
            summary = "Read a certification",
            description = "Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The certification",
            content = @Content(schema = @Schema(implementation = Views.CertificationView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such certification")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Certification certification = service.get(id);
        return tags.okOrNotModified(ifNoneMatch, certification.version, views.certification(certification));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "replaceCertification",
            summary = "Replace a certification",
            description = "If-Match with the current ETag is required.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = Views.CertificationView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown region or matter, or a company that company-service does not know")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CertificationInput body) {
        return write(id, ifMatch, c -> body);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchCertification",
            summary = "Change some fields of a certification (JSON Merge Patch)",
            description = "If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = Views.CertificationView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown region or matter, or a company that company-service does not know")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = CertificationInput.class) JsonNode patch) {
        return write(id, ifMatch, c -> mergePatch.apply(ViewMapper.input(c), patch, CertificationInput.class));
    }

    /** A conditional write: the service checks If-Match against the row it changes, in its transaction. */
    private Response write(UUID id, String ifMatch, Function<Certification, CertificationInput> change) {
        return service.replace(
                id,
                EntityTags.ifMatch(ifMatch),
                c -> change.apply(c).toDraft(),
                c -> tags.written(c.version, views.certification(c)));
    }
}
