package com.dealradar.gateway.api;

import com.dealradar.gateway.client.Backends;
import com.dealradar.gateway.client.CallerHeaders;
import com.dealradar.gateway.composite.Composites;
import com.dealradar.gateway.composite.Composition;
import com.dealradar.gateway.composite.Views;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The composite reads: several backends asked in parallel, one answer, partial when a part is missing. */
@Path(PublicPaths.PREFIX)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Composite reads",
        description = "Answers assembled by the gateway from several services, read in parallel. "
                + "When a part cannot be read the answer is still 200: complete is false, missing has one problem per missing part "
                + "and the X-DealRadar-Completed / X-DealRadar-Missing-Parts headers say the same. Only when the core resource "
                + "cannot be read is the answer 503 with Retry-After.")
public class CompositeResource {

    private static final String IF_NONE_MATCH_DESCRIPTION =
            "The ETag of an earlier answer: 304 without a body while the composite is unchanged";

    private final Composites composites;
    private final Backends backends;
    private final ObjectMapper mapper;

    CompositeResource(Composites composites, Backends backends, ObjectMapper mapper) {
        this.composites = composites;
        this.backends = backends;
        this.mapper = mapper;
    }

    @GET
    @Path("deals/{id}/dossier")
    @Operation(
            operationId = "getDealDossier",
            summary = "Read a deal dossier",
            description =
                    "The deal, its participants with their company summaries, its regulatory matters with their deadlines, "
                            + "and the participants' certifications relevant to the regions it touches.")
    @APIResponse(
            responseCode = "200",
            description = "The dossier, complete or partial",
            headers = {
                @Header(
                        name = Composition.COMPLETED_HEADER,
                        description = "true when every part could be read",
                        schema = @Schema(type = SchemaType.BOOLEAN)),
                @Header(
                        name = Composition.MISSING_HEADER,
                        description = "Comma-separated names of the missing parts (absent when complete)",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.DealDossier.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such deal")
    @APIResponse(
            responseCode = "503",
            description = "The deal itself cannot be read now; retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public CompletionStage<Response> dossier(
            @Parameter(description = "Deal id", example = "973a4522-3530-5077-b71c-a59a70f0ce3f") @PathParam("id")
                    String id,
            @Parameter(description = IF_NONE_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return read(composites::dossier, id, ifNoneMatch, uri, headers);
    }

    @GET
    @Path("companies/{idOrSlug}/profile")
    @Operation(
            operationId = "getCompanyProfile",
            summary = "Read a company profile",
            description =
                    "The company, its parents and subsidiaries, its deals grouped by its role in them, its certifications "
                            + "and its open regulatory matters.")
    @APIResponse(
            responseCode = "200",
            description = "The profile, complete or partial",
            headers = {
                @Header(
                        name = Composition.COMPLETED_HEADER,
                        description = "true when every part could be read",
                        schema = @Schema(type = SchemaType.BOOLEAN)),
                @Header(
                        name = Composition.MISSING_HEADER,
                        description = "Comma-separated names of the missing parts (absent when complete)",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.CompanyProfile.class)))
    @APIResponse(responseCode = "404", description = "No such company")
    @APIResponse(
            responseCode = "503",
            description = "The company itself cannot be read now; retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public CompletionStage<Response> profile(
            @Parameter(description = "Company id or slug", example = "alibaba-group") @PathParam("idOrSlug")
                    String idOrSlug,
            @Parameter(description = IF_NONE_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return read(composites::profile, idOrSlug, ifNoneMatch, uri, headers);
    }

    @GET
    @Path("regions/{code}/overview")
    @Operation(
            operationId = "getRegionOverview",
            summary = "Read a region overview",
            description = "The region, its regulatory regimes, its open regulatory matters and the deals touching it.")
    @APIResponse(
            responseCode = "200",
            description = "The overview, complete or partial",
            headers = {
                @Header(
                        name = Composition.COMPLETED_HEADER,
                        description = "true when every part could be read",
                        schema = @Schema(type = SchemaType.BOOLEAN)),
                @Header(
                        name = Composition.MISSING_HEADER,
                        description = "Comma-separated names of the missing parts (absent when complete)",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.RegionOverview.class)))
    @APIResponse(responseCode = "404", description = "No such region")
    @APIResponse(
            responseCode = "503",
            description = "The region itself cannot be read now; retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public CompletionStage<Response> overview(
            @Parameter(description = "ISO 3166-1 alpha-2 region code", example = "GB") @PathParam("code") String code,
            @Parameter(description = IF_NONE_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return read(composites::overview, code, ifNoneMatch, uri, headers);
    }

    /** One of the {@link Composites} reads: the core resource's key, the headers for the backends, instance, id. */
    @FunctionalInterface
    private interface CompositeRead {
        CompletionStage<Response> read(String key, CallerHeaders backendHeaders, String instance, String requestId);
    }

    /** Reads a composite with this request's headers for the backends, then answers it conditionally. */
    private CompletionStage<Response> read(
            CompositeRead composite, String key, String ifNoneMatch, UriInfo uri, HttpHeaders headers) {
        String requestId = headers.getHeaderString(RequestIds.HEADER);
        return composite
                .read(
                        key,
                        backends.readHeaders(headers, requestId),
                        uri.getRequestUri().getRawPath(),
                        requestId)
                .thenApply(answer -> conditional(answer, ifNoneMatch));
    }

    /**
     * A composite has no version of its own: its ETag is a digest of the answer's bytes, so that a client polling a
     * dossier gets 304 (and no body) until any part of it changes, or a missing part comes back. The parts are read
     * either way; what is saved is the transfer and the client's work.
     */
    private Response conditional(Response answer, String ifNoneMatch) {
        if (answer.getStatus() != 200) {
            return answer;
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(answer.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a composite view that Jackson cannot write", e);
        }
        EntityTag tag = EntityTags.ofContent(body);
        Response.ResponseBuilder out = EntityTags.notModified(ifNoneMatch, tag)
                ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        answer.getStringHeaders().forEach((name, values) -> values.forEach(value -> out.header(name, value)));
        return out.tag(tag).build();
    }
}
