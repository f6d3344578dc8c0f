package com.dealradar.company.api;

import com.dealradar.company.domain.CompanyService;
import com.dealradar.company.domain.OwnershipLink;
import com.dealradar.platform.http.ConditionalWrites;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/ownership-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Who owns whom: subsidiaries, divisions, joint ventures and stakes")
@APIResponse(responseCode = "400", description = "Invalid request")
public class OwnershipLinkResource {

    private final CompanyService service;
    private final Idempotency idempotency;

    OwnershipLinkResource(CompanyService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(
            operationId = "listOwnershipLinks",
            summary = "List ownership links",
            description = "In id order, keyset-paginated; filter by a company on either end.")
    @APIResponse(
            responseCode = "200",
            description = "One page of ownership links",
            content = @Content(schema = @Schema(implementation = OwnershipLinkView.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(description = "Company id on either end of the link") @QueryParam("company") UUID company,
            @BeanParam PageRequest pageRequest,
            @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        UUID after = pageRequest.cursor() == null
                ? null
                : QueryParams.uuid(
                        "cursor",
                        Cursor.decode(pageRequest.cursor(), "id", 1).keys().getFirst());
        List<OwnershipLink> rows = service.links(company, after, pageSize + 1);
        return Paging.ok(
                Paging.page(rows, pageSize, "id", l -> List.of(l.id.toString())).map(CompanyViews::link), uri);
    }

    @POST
    @Operation(
            operationId = "createOwnershipLink",
            summary = "Record that one company owns another",
            description = "Refused with 422 when it would create an ownership cycle or give the owned company's owners"
                    + " more than 100% between them at any time, and with 409 when a link with the same owner, owned"
                    + " company and type exists (the problem names it). Both companies' ETags change: their"
                    + " representations embed the link.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = OwnershipLinkView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A link with the same owner, owned company and type exists (the detail names it), or the"
                    + " Idempotency-Key is in flight")
    @APIResponse(
            responseCode = "422",
            description = "Unknown company, or the link would create a cycle or stakes over 100% (stakePercent)")
    public Response create(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull OwnershipLinkInput body) {
        return idempotency.execute(
                idempotencyKey,
                "POST /ownership-links",
                body,
                complete -> service.link(
                        body.toDraft(),
                        link -> complete.apply(Response.created(URI.create("/ownership-links/" + link.id))
                                .tag(EntityTags.of(link.version))
                                .entity(CompanyViews.link(link))
                                .build())));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getOwnershipLink",
            summary = "Read an ownership link",
            description =
                    "Who holds whom, as what, with what stake and since when, with its sources. Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The link",
            content = @Content(schema = @Schema(implementation = OwnershipLinkView.class)))
    @APIResponse(responseCode = "404", description = "No such link")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OwnershipLink link = service.getLink(id);
        return EntityTags.okOrNotModified(ifNoneMatch, link.version, CompanyViews.link(link));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "replaceOwnershipLink",
            summary = "Replace an ownership link",
            description = "If-Match is required. The same rules as a create apply; the ETags of the companies on"
                    + " the link's former and new ends change.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = OwnershipLinkView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another link with the same owner, owned company and type exists (the detail names it)")
    @APIResponse(
            responseCode = "422",
            description = "Unknown company, or the link would create a cycle or stakes over 100% (stakePercent)")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OwnershipLinkInput body) {
        return service.replaceLink(
                id,
                EntityTags.ifMatch(ifMatch),
                body.toDraft(),
                link -> ConditionalWrites.ok(link.version, CompanyViews.link(link)));
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "deleteOwnershipLink",
            summary = "Delete an ownership link",
            description = "To record that a holding ended, prefer setting validTo. If-Match is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.unlink(id, EntityTags.ifMatch(ifMatch), link -> ConditionalWrites.noContent());
    }
}
