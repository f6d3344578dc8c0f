package com.dealradar.gateway.calendar;

import com.dealradar.gateway.client.Backends;
import com.dealradar.platform.http.ConditionalWrites;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.HttpConfig;
import com.dealradar.platform.http.PublicLocations;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.idempotency.Idempotency;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.Page;
import com.dealradar.platform.paging.PageRequest;
import com.dealradar.platform.paging.Paging;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Calendar subscriptions: what lets a calendar application, which cannot send headers, read the deadline calendar.
 * Any caller that may read (a partner's read or write key, a signed-in user) creates them for itself; each lists and
 * revokes its own (a partner: those of all its keys), admins all.
 */
@Path(CalendarSubscriptionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Deadline calendar",
        description =
                "Statutory deadlines as an iCalendar feed, and the subscriptions that let calendar applications read it.")
@APIResponse(
        responseCode = "400",
        description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "401",
        description = "Not authenticated",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Not allowed (the bootstrap key owns no subscriptions)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Rate limit reached; see Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarSubscriptionResource {

    public static final String PATH = "/api/v1/calendar-subscriptions";
    private static final String CREATED_EXAMPLE = """
            {"id":"6f1c2a8e-4b7d-4e21-9a0c-3d5e7f9b1c24","name":"UK deadlines","owner":"partner:5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11",
             "prefix":"k7m2x9qa","region":"GB","status":"active","createdAt":"2026-11-30T09:30:00Z",
             "createdBy":"partner:5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11",
             "token":"drc_k7m2x9qa_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8",
             "calendarUrl":"https://api.dealradar.example/api/v1/regulatory-matters/calendar.ics?token=drc_k7m2x9qa_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8"}""";

    private final CalendarSubscriptions subscriptions;
    private final SecurityIdentity caller;
    private final HttpConfig http;
    private final Idempotency idempotency;
    private final CompanySlugs slugs;
    private final Backends backends;

    CalendarSubscriptionResource(
            CalendarSubscriptions subscriptions,
            SecurityIdentity caller,
            HttpConfig http,
            Idempotency idempotency,
            CompanySlugs slugs,
            Backends backends) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.http = http;
        this.idempotency = idempotency;
        this.slugs = slugs;
        this.backends = backends;
    }

    @POST
    @Operation(
            operationId = "createCalendarSubscription",
            summary = "Create a calendar subscription",
            description =
                    "Fixes the calendar's filters (region, deal, company) and returns a token, shown in this answer only (only its "
                            + "SHA-256 is stored), and the calendar URL that carries it. The token reads that calendar and nothing else, as its "
                            + "owner with read access only, counted against the owner's rate limit. A read key is enough. Revoke it with DELETE. "
                            + "An Idempotency-Key makes retries safe (a replay has no token).")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CalendarSubscriptionInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "UK",
                                            value = "{\"name\": \"UK deadlines\", \"region\": \"GB\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created, with its token and calendar URL",
            content =
                    @Content(
                            schema = @Schema(implementation = CalendarSubscriptionView.class),
                            examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The caller already holds the most live subscriptions allowed (dealradar.calendar.max-subscriptions-per-owner, 50 unless configured), or the Idempotency-Key is in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "No company has the slug given as company, or the Idempotency-Key was reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description =
                    "company-service cannot be reached to look up a company slug; retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CalendarSubscriptionInput body,
            @Context HttpHeaders headers) {
        QueryParams.CompanyName company = QueryParams.companyName("company", body.company());
        CalendarFilters parsed =
                CalendarFilters.parse(body.region(), body.deal(), company == null ? null : company.id());
        AtomicReference<String> token = new AtomicReference<>();
        Response response = idempotency.execute(idempotencyKey, "POST " + PATH, body, complete -> {
            // A slug is looked up inside the operation: a replay answers from the stored answer without asking
            // company-service (which may be down by then), and a failed look-up releases the key for the retry.
            CalendarFilters filters = company == null || company.id() != null
                    ? parsed
                    : parsed.withCompany(companyOfSlug(company.slug(), headers));
            return subscriptions.create(caller, blankToNull(body.name()), filters, issued -> {
                token.set(issued.token());
                return complete.apply(Response.created(URI.create(PATH + "/" + issued.subscription().id))
                        .tag(EntityTags.of(issued.subscription().version))
                        .entity(CalendarSubscriptionView.of(issued.subscription()))
                        .build());
            });
        });
        // The token is in this answer only: a replay (same Idempotency-Key) answers without it, like an issued key.
        if (token.get() == null || !(response.getEntity() instanceof CalendarSubscriptionView view)) {
            return response;
        }
        String url = PublicLocations.at(http, CalendarResource.PATH + "?token=" + token.get());
        return Response.fromResponse(response)
                .entity(view.withToken(token.get(), url))
                .build();
    }

    /**
     * The id of the company {@code slug} names, looked up in company-service: a slug no company has is a 422 (a
     * subscription keeps ids, and there is none to keep).
     */
    private UUID companyOfSlug(String slug, HttpHeaders headers) {
        // A worker thread (this resource is blocking): waiting for the look-up holds no event loop.
        CompanySlugs.Lookup found = slugs.lookUp(
                        slug, backends.readHeaders(headers, headers.getHeaderString(RequestIds.HEADER)))
                .join();
        if (found.id() != null) {
            return found.id();
        }
        if (found.failure() == null) {
            throw ProblemException.unprocessable("company", "no company has the slug '" + slug + "'");
        }
        throw ProblemException.unavailable(
                "company-service cannot be reached to look up the company '" + slug
                        + "'; nothing was created, retry later",
                backends.client(Backends.COMPANY).retryAfter());
    }

    @GET
    @Operation(
            operationId = "listCalendarSubscriptions",
            summary = "List calendar subscriptions",
            description =
                    "The caller's own (a partner: those of all its keys; admins: all), newest first, revoked ones included; never with tokens.")
    @APIResponse(
            responseCode = "200",
            description = "One page of subscriptions",
            content = @Content(schema = @Schema(implementation = CalendarSubscriptionList.class)))
    public Response list(@BeanParam PageRequest pageRequest, @Context UriInfo uri) {
        int pageSize = pageRequest.size();
        Cursor after = Cursor.timeAndId(pageRequest.cursor(), CalendarSubscriptions.SORT);
        Page<CalendarSubscriptionView> page = Paging.page(
                        subscriptions.visibleTo(caller, after, pageSize + 1),
                        pageSize,
                        CalendarSubscriptions.SORT,
                        CalendarSubscriptions::cursorKeys)
                .map(CalendarSubscriptionView::of);
        return Paging.ok(page, uri);
    }

    @Schema(name = "CalendarSubscriptionList", description = "Calendar subscriptions, newest first")
    public record CalendarSubscriptionList(
            @Schema(description = "The caller's subscriptions on this page, newest first", required = true)
            List<CalendarSubscriptionView> items,

            @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
            String nextCursor) {}

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getCalendarSubscription",
            summary = "Read a calendar subscription",
            description = "Without its token. Send If-None-Match to get 304 when unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = CalendarSubscriptionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(
            responseCode = "404",
            description = "No such subscription of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CalendarSubscription sub = subscriptions.get(caller, id);
        return EntityTags.okOrNotModified(ifNoneMatch, sub.version, CalendarSubscriptionView.of(sub));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "revokeCalendarSubscription",
            summary = "Revoke a calendar subscription",
            description =
                    "Its token stops working at once on every gateway replica (401). The record stays, marked revoked. If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Revoked",
            content = @Content(schema = @Schema(implementation = CalendarSubscriptionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such subscription of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "ETag is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return subscriptions.revoke(
                caller, id, ifMatch, sub -> ConditionalWrites.ok(sub.version, CalendarSubscriptionView.of(sub)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
