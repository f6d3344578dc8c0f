package com.dealradar.company.api;

import com.dealradar.company.domain.Company;
import com.dealradar.company.domain.CompanyKey;
import com.dealradar.company.domain.CompanyKind;
import com.dealradar.company.domain.CompanyService;
import com.dealradar.company.domain.CompanyStatus;
import com.dealradar.company.domain.Ownership;
import com.dealradar.company.domain.Sector;
import com.dealradar.company.persistence.CompanyFilter;
import com.dealradar.company.persistence.CompanySort;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Companies", description = "Companies, their aliases, identifiers and ownership")
@APIResponse(responseCode = "400", description = "Invalid request")
public class CompanyResource {

    private final CompanyService service;
    private final CompanyViews views;
    private final Idempotency idempotency;
    private final MergePatch mergePatch;

    CompanyResource(CompanyService service, CompanyViews views, Idempotency idempotency, MergePatch mergePatch) {
        this.service = service;
        this.views = views;
        this.idempotency = idempotency;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(
            operationId = "listCompanies",
            summary = "List and search companies",
            description =
                    "Keyset-paginated. Follow nextCursor (or the Link header) for the next page; filters combine with AND.")
    @APIResponse(
            responseCode = "200",
            description = "One page of companies",
            content = @Content(schema = @Schema(implementation = CompanyView.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(description = "Prefix of the name or an alias; case- and accent-insensitive", example = "ali")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "ISO 3166-1 alpha-2 country", example = "CN") @QueryParam("country")
                    String country,
            @Parameter(
                            description = "Only companies active in this sector",
                            schema = @Schema(implementation = Sector.class))
                    @QueryParam("sector")
                    String sector,
            @Parameter(
                            description = "Only companies of this kind",
                            schema = @Schema(implementation = CompanyKind.class))
                    @QueryParam("kind")
                    String kind,
            @Parameter(
                            description = "Only companies with this ownership",
                            schema = @Schema(implementation = Ownership.class))
                    @QueryParam("ownership")
                    String ownership,
            @Parameter(
                            description = "Only companies in this status",
                            schema = @Schema(implementation = CompanyStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Comma-separated company ids (at most 200)") @QueryParam("ids") String ids,
            @Parameter(
                            description = "Order",
                            schema =
                                    @Schema(
                                            enumeration = {"name", "updatedAt", "-updatedAt"},
                                            defaultValue = "name"))
                    @QueryParam("sort")
                    String sort,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        // A blank sort is no sort, like an absent one.
        CompanySort order = QueryParams.enumValue(CompanySort.class, "sort", sort, CompanySort.name);
        if (q != null && q.strip().length() > 200) {
            throw ProblemException.badParameter("q", "must be at most 200 characters");
        }
        CompanyFilter filter = new CompanyFilter(
                q == null || q.isBlank() ? null : q,
                QueryParams.countryCode("country", country),
                QueryParams.enumValue(Sector.class, "sector", sector),
                QueryParams.enumValue(CompanyKind.class, "kind", kind),
                QueryParams.enumValue(Ownership.class, "ownership", ownership),
                QueryParams.enumValue(CompanyStatus.class, "status", status),
                QueryParams.uuidSet("ids", ids, QueryParams.MAX_IDS));
        Cursor after = Cursor.valueAndId(pageRequest.cursor(), order.wireName());
        List<Company> rows = service.search(filter, order, after, pageSize + 1);
        Page<CompanyView> page =
                Paging.page(rows, pageSize, order.wireName(), order::cursorKeys).map(views::summary);
        return Paging.ok(page, uri);
    }

    @POST
    @Operation(
            operationId = "createCompany",
            summary = "Create a company",
            description = "Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Slug or identifier already used, or the Idempotency-Key is in flight")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CompanyInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /companies",
                body,
                complete -> service.create(
                        body.toDraft(),
                        company -> complete.apply(Response.created(URI.create("/companies/" + company.id))
                                .tag(EntityTags.of(company.version))
                                .entity(views.detailed(company))
                                .build())));
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(
            operationId = "getCompany",
            summary = "Read a company by id or slug",
            description = "With its parents and subsidiaries. Send If-None-Match to get 304 when unchanged. The ETag"
                    + " covers the parents and subsidiaries too: it changes when a link to the company is created,"
                    + " replaced or deleted, or a linked company's slug, name or country changes.")
    @APIResponse(
            responseCode = "200",
            description = "The company",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such company")
    public Response get(
            @Parameter(example = "alibaba-group") @PathParam("idOrSlug") String idOrSlug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Company company = service.get(CompanyKey.of(idOrSlug));
        return EntityTags.okOrNotModified(ifNoneMatch, company.version, views.detailed(company));
    }

    @PUT
    @Path("/{idOrSlug}")
    @Operation(
            operationId = "replaceCompany",
            summary = "Replace a company",
            description = "If-Match with the current ETag is required.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(
            @PathParam("idOrSlug") String idOrSlug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CompanyInput body) {
        return service.replace(CompanyKey.of(idOrSlug), EntityTags.ifMatch(ifMatch), body.toDraft(), this::answer);
    }

    @PATCH
    @Path("/{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchCompany",
            summary = "Change some fields of a company (JSON Merge Patch, RFC 7396)",
            description = "Fields absent from the patch keep their value; null removes a value. If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("idOrSlug") String idOrSlug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Schema(implementation = CompanyInput.class) JsonNode patch) {
        return service.update(
                CompanyKey.of(idOrSlug),
                EntityTags.ifMatch(ifMatch),
                company -> mergePatch
                        .apply(CompanyViews.input(company), patch, CompanyInput.class)
                        .toDraft(),
                this::answer);
    }

    @POST
    @Path("/{idOrSlug}/archive")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "archiveCompany",
            summary = "Archive a company",
            description =
                    "Companies are never deleted: deals refer to them. If-Match is required; an Idempotency-Key makes "
                            + "retries safe (a replay answers the first archiving).")
    @APIResponse(
            responseCode = "200",
            description = "Archived",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The company is already archived, or the Idempotency-Key is in flight")
    @APIResponse(responseCode = "412", description = "ETag is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response archive(
            @PathParam("idOrSlug") String idOrSlug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        EntityTags.requirePresent(ifMatch);
        return idempotency.execute(
                idempotencyKey,
                "POST /companies/" + idOrSlug + "/archive",
                null,
                complete -> service.archive(
                        CompanyKey.of(idOrSlug),
                        EntityTags.ifMatch(ifMatch),
                        company ->
                                complete.apply(ConditionalWrites.changed(company.version, views.detailed(company)))));
    }

    /** The answer of a conditional write, built in the service's transaction (If-Match was checked there). */
    private Response answer(Company company) {
        return ConditionalWrites.ok(company.version, views.detailed(company));
    }
}
