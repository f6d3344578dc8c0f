package com.dealradar.gateway.calendar;

import static com.dealradar.gateway.client.Backends.COMPANY;
import static com.dealradar.gateway.client.Backends.DEAL;
import static com.dealradar.gateway.client.Backends.REGION;
import static com.dealradar.gateway.composite.PartReader.encode;

import com.dealradar.gateway.api.GatewayProblems;
import com.dealradar.gateway.client.Backends;
import com.dealradar.gateway.client.CallerHeaders;
import com.dealradar.gateway.composite.Composition;
import com.dealradar.gateway.composite.Outcome;
import com.dealradar.gateway.composite.PartReader;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.http.HttpConfig;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The deadline calendar: open matters' statutory deadlines from region-service (as their clocks computed them, the
 * {@code deadline} of the matters API), the deals' titles from deal-service, written as iCalendar. The caller is a
 * partner or user with its usual credentials, or a calendar application with a subscription token
 * ({@link CalendarTokenAuthenticationMechanism}), whose filters are then the subscription's.
 */
@Path(CalendarResource.PATH)
@Tag(name = "Deadline calendar")
public class CalendarResource {

    public static final String PATH = "/api/v1/regulatory-matters/calendar.ics";
    public static final String MEDIA_TYPE = "text/calendar";
    private static final int PAGE = 200;
    private static final String EXAMPLE = """
            BEGIN:VCALENDAR
            PRODID:-//DealRadar//Statutory deadlines 1.0//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            NAME:DealRadar statutory deadlines (region=GB)
            X-WR-CALNAME:DealRadar statutory deadlines (region=GB)
            REFRESH-INTERVAL;VALUE=DURATION:PT1H
            X-PUBLISHED-TTL:PT1H
            BEGIN:VEVENT
            UID:7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10-assessment@dealradar
            DTSTAMP:20260315T101500Z
            LAST-MODIFIED:20260315T101500Z
            DTSTART;VALUE=DATE:20240502
            DTEND;VALUE=DATE:20240503
            SUMMARY:Deadline: Alibaba Cloud / BT Global Services partnership - UK-NSIA Assessment period after a call-in notice
            DESCRIPTION:Deal: Alibaba Cloud / BT Global Services partnership (0c049119-0caf-5496-a4b8-018a0642ac37)\\nMatter: NSIA call-in (status phase1)\\nRegime: UK-NSIA - National Security and Investment Act 2021, region GB\\nClock: Assessment period after a call-in notice (assessment): 30 working_days from 2024-03-20 (first counted day: next_day)\\nRule version: NSIA-2021 (as enacted)\\nWorking days: Jollyday (de.focus-shift) GB holidays, all UK nations\\nDue on: 2024-05-02\\n/api/v1/regulatory-matters/7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10
            CATEGORIES:DealRadar,UK-NSIA,GB
            TRANSP:TRANSPARENT
            END:VEVENT
            END:VCALENDAR
            """;

    private final PartReader reader;
    private final CompanySlugs slugs;
    private final Backends backends;
    private final CurrentIdentityAssociation identity;
    private final CalendarConfig config;
    private final HttpConfig http;

    CalendarResource(
            PartReader reader,
            CompanySlugs slugs,
            Backends backends,
            CurrentIdentityAssociation identity,
            CalendarConfig config,
            HttpConfig http) {
        this.reader = reader;
        this.slugs = slugs;
        this.backends = backends;
        this.identity = identity;
        this.config = config;
        this.http = http;
    }

    @GET
    @Produces({MEDIA_TYPE, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "getDeadlineCalendar",
            summary = "Statutory deadlines as a calendar (iCalendar)",
            description =
                    "One all-day event per open matter's current statutory deadline, on the day its clock computed (the same "
                            + "`deadline.dueOn` as the matters API: the regime's working-day calendar, extensions and clock-stops, the rule "
                            + "version in force when the clock started). Each event names the deal, the regime, the clock and the rule version; "
                            + "its UID is stable for the deadline, so a moved deadline moves the event. Clients are asked to refresh hourly "
                            + "(REFRESH-INTERVAL, X-PUBLISHED-TTL). Read it with your usual credentials, or give calendar applications the URL "
                            + "of a calendar subscription (`?token=drc_...`, see /api/v1/calendar-subscriptions): with a token the filters are "
                            + "the subscription's. At most `dealradar.calendar.max-matters` (2000) open matters are listed, oldest first; a "
                            + "longer calendar is cut and says so (X-DEALRADAR-TRUNCATED, X-DealRadar-Completed: false).")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            headers = {
                @Header(
                        name = Composition.COMPLETED_HEADER,
                        description = "false when deal titles could not be read or the calendar was cut",
                        schema = @Schema(type = SchemaType.BOOLEAN))
            },
            content =
                    @Content(
                            mediaType = MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "GB", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A filter is not valid, or differs from the subscription's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No credentials, or a token that is unknown or revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not allowed to read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "Rate limit of the owner reached; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "region-service cannot be read now; retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> calendar(
            @Parameter(description = "ISO 3166-1 alpha-2 region of the matters", example = "GB") @QueryParam("region")
                    String region,
            @Parameter(
                            description = "deal-service id: this deal's matters",
                            example = "0c049119-0caf-5496-a4b8-018a0642ac37")
                    @QueryParam("deal")
                    UUID deal,
            @Parameter(
                            description =
                                    "company-service id or slug: matters about this company itself (companyId of the matters API); a "
                                            + "slug no company has lists nothing, as an unknown id does",
                            example = "alibaba-group")
                    @QueryParam("company")
                    String company,
            // Documented as the security scheme calendarToken (the gateway's ContractFilter), not as a parameter.
            @Parameter(hidden = true) @QueryParam(CalendarTokenAuthenticationMechanism.PARAMETER) String token,
            @Parameter(description = "The ETag of the calendar you have: 304 without a body while it is unchanged")
                    @HeaderParam("If-None-Match")
                    String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            @Context HttpServerResponse response) {
        QueryParams.CompanyName named = QueryParams.companyName("company", company);
        CalendarFilters asked = CalendarFilters.of(region, deal, named == null ? null : named.id());
        String requestId = headers.getHeaderString(RequestIds.HEADER);
        String instance = uri.getRequestUri().getRawPath();
        // This method runs on the event loop: the caller (checked by the access rules already) comes as a deferred
        // identity.
        return identity.getDeferredIdentity().subscribeAsCompletionStage().thenCompose(caller -> {
            // Read here, in the request's context (the caller's internal token); later steps run where reads complete.
            Call call = new Call(
                    caller,
                    token,
                    ifNoneMatch,
                    instance,
                    requestId,
                    backends.readHeaders(headers, requestId),
                    response);
            return named == null || named.slug() == null
                    ? calendar(asked, call)
                    : calendarOfSlug(asked, named.slug(), call);
        });
    }

    /** One calendar request: who asks, with what, and where its answer goes. */
    private record Call(
            SecurityIdentity caller,
            String token,
            String ifNoneMatch,
            String instance,
            String requestId,
            CallerHeaders readHeaders,
            HttpServerResponse response) {

        /** The filters of the caller's calendar subscription, if it reads with a subscription's token. */
        CalendarFilters subscribed() {
            return caller.getAttribute(CalendarSubscriptions.FILTERS_ATTRIBUTE) instanceof CalendarFilters fixed
                    ? fixed
                    : null;
        }
    }

    /** The calendar of a company named by slug: the slug is looked up in company-service first. */
    private CompletionStage<Response> calendarOfSlug(CalendarFilters asked, String slug, Call call) {
        if (call.token() != null && call.subscribed() == null) {
            return calendar(asked, call); // credentials and a token: refused before anything is looked up
        }
        return slugs.lookUp(slug, call.readHeaders()).thenCompose(found -> {
            if (found.failure() != null) {
                return CompletableFuture.completedFuture(
                        failed(found.failure(), COMPANY, "The company '" + slug + "'", call));
            }
            if (found.id() != null) {
                return calendar(asked.withCompany(found.id()), call);
            }
            // No company has the slug. With a subscription's token that is a filter other than the subscription's
            // (whose company is an id): the same 400 as for any other. Otherwise a calendar without deadlines, as for
            // an id no company has.
            if (call.subscribed() != null) {
                return CompletableFuture.completedFuture(otherFilters("company", call.subscribed(), call));
            }
            return CompletableFuture.completedFuture(
                    answer(List.of(), new Titles(Map.of(), true), asked.publicQuery(slug), false, call));
        });
    }

    private CompletionStage<Response> calendar(CalendarFilters asked, Call call) {
        CalendarFilters filters = asked;
        if (call.subscribed() != null) {
            // A token reads its subscription's calendar; a URL edited to ask for another is refused, not widened.
            if (!matches(asked, call.subscribed())) {
                return CompletableFuture.completedFuture(otherFilters("region", call.subscribed(), call));
            }
            filters = call.subscribed();
        } else if (call.token() != null) {
            return CompletableFuture.completedFuture(GatewayProblems.badParameter(
                    "token",
                    "send either a calendar subscription token or credentials in headers, not both",
                    call.instance(),
                    call.requestId()));
        }
        CalendarFilters chosen = filters;
        List<JsonNode> matters = new ArrayList<>();
        return readMatters(chosen, null, matters, call.readHeaders()).thenCompose(failure -> {
            if (failure != null) {
                return CompletableFuture.completedFuture(failed(failure, REGION, "The regulatory matters", call));
            }
            boolean truncated = matters.size() > config.maxMatters();
            List<JsonNode> listed = truncated ? matters.subList(0, config.maxMatters()) : matters;
            return dealTitles(listed, call.readHeaders())
                    .thenApply(titles -> answer(listed, titles, chosen.publicQuery(), truncated, call));
        });
    }

    /** A subscription's token asked for other filters than its subscription's. */
    private static Response otherFilters(String parameter, CalendarFilters fixed, Call call) {
        return GatewayProblems.badParameter(
                parameter,
                "this subscription's calendar has the filters " + describe(fixed)
                        + "; create another subscription for other filters",
                call.instance(),
                call.requestId());
    }

    /** The calendar's answer: the iCalendar body, its ETag (304 when the client has it) and the caching headers. */
    private Response answer(List<JsonNode> listed, Titles titles, String filters, boolean truncated, Call call) {
        String body = DeadlineCalendar.write(
                listed,
                titles.names(),
                filters,
                config.refreshInterval(),
                http.publicUrl().orElse(null),
                truncated);
        // Calendar applications poll the feed: it may be kept a while, by the subscriber only. Set on the
        // HTTP response itself, replacing the API's default no-store (a JAX-RS header would be a second
        // value next to it).
        call.response()
                .headers()
                .set(
                        "Cache-Control",
                        "private, max-age="
                                + Math.max(60, config.refreshInterval().toSeconds() / 4));
        // Calendar applications poll: the same deadlines give the same bytes (DTSTAMP is each matter's last
        // change), so a digest of them is the ETag, and an unchanged calendar is a 304 without a body.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = EntityTags.ofContent(bytes);
        Response.ResponseBuilder answer = EntityTags.notModified(call.ifNoneMatch(), tag)
                ? Response.notModified()
                : Response.ok(bytes, MEDIA_TYPE + "; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=\"dealradar-deadlines.ics\"");
        return answer.tag(tag)
                .header(Composition.COMPLETED_HEADER, Boolean.toString(titles.complete() && !truncated))
                .build();
    }

    private static boolean matches(CalendarFilters asked, CalendarFilters fixed) {
        return (asked.region() == null || asked.region().equals(fixed.region()))
                && (asked.deal() == null || asked.deal().equals(fixed.deal()))
                && (asked.company() == null || asked.company().equals(fixed.company()));
    }

    private static String describe(CalendarFilters filters) {
        return filters.publicQuery().isEmpty() ? "(none)" : filters.publicQuery();
    }

    /** Reads open matters page by page until there are none left or one more than the maximum; null or the failed read. */
    private CompletableFuture<Outcome> readMatters(
            CalendarFilters filters, String cursor, List<JsonNode> into, CallerHeaders headers) {
        String query = "/regulatory-matters?open=true&limit=" + PAGE
                + (filters.mattersQuery().isEmpty() ? "" : "&" + filters.mattersQuery())
                + (cursor == null ? "" : "&cursor=" + encode(cursor));
        return reader.read(REGION, query, headers).thenCompose(outcome -> {
            if (!(outcome instanceof Outcome.Ok ok) || !ok.body().path("items").isArray()) {
                return CompletableFuture.completedFuture(
                        outcome instanceof Outcome.Ok ? new Outcome.Refused(502, ok(outcome)) : outcome);
            }
            ok.body().path("items").forEach(into::add);
            String next = ok.body().path("nextCursor").asText(null);
            if (next == null || next.isBlank() || into.size() > config.maxMatters()) {
                return CompletableFuture.completedFuture(null);
            }
            return readMatters(filters, next, into, headers);
        });
    }

    private static JsonNode ok(Outcome outcome) {
        return ((Outcome.Ok) outcome).body();
    }

    private record Titles(Map<String, String> names, boolean complete) {}

    /** Deal titles, 200 ids a call, in parallel; a deal-service failure leaves deals named by id (complete = false). */
    private CompletableFuture<Titles> dealTitles(List<JsonNode> matters, CallerHeaders headers) {
        Set<String> ids = new LinkedHashSet<>();
        matters.stream()
                .filter(DeadlineCalendar::hasDueDate)
                .map(m -> m.path("dealId").asText(null))
                .filter(Objects::nonNull)
                .forEach(ids::add);
        List<String> all = new ArrayList<>(ids);
        List<CompletableFuture<Outcome>> reads = new ArrayList<>();
        for (int i = 0; i < all.size(); i += PAGE) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + PAGE));
            reads.add(reader.read(DEAL, "/deals?limit=" + PAGE + "&ids=" + encode(String.join(",", chunk)), headers));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, String> names = new HashMap<>();
            boolean complete = true;
            for (CompletableFuture<Outcome> read : reads) {
                if (read.join() instanceof Outcome.Ok ok) {
                    ok.body()
                            .path("items")
                            .forEach(d -> names.put(
                                    d.path("id").asText(),
                                    d.path("title")
                                            .asText("deal " + d.path("id").asText())));
                } else {
                    complete = false;
                }
            }
            return new Titles(names, complete);
        });
    }

    /** The answer when {@code backend} could not tell what {@code what} needs. */
    private Response failed(Outcome outcome, String backend, String what, Call call) {
        String instance = call.instance();
        String requestId = call.requestId();
        if (outcome instanceof Outcome.Refused refused && refused.status() < 500) {
            return Composition.refused(refused, instance, requestId);
        }
        if (outcome instanceof Outcome.Refused refused) {
            return GatewayProblems.badGateway(
                    what + " cannot be read: " + backend + " answered " + refused.status(), instance, requestId);
        }
        String reason = outcome instanceof Outcome.Failed f ? f.failure().getMessage() : "no answer";
        return GatewayProblems.unavailable(
                what + " cannot be read: " + reason + "; retry later",
                instance,
                requestId,
                backends.client(backend).retryAfter());
    }
}
