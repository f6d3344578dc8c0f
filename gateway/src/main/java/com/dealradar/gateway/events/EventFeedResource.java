package com.dealradar.gateway.events;

import com.dealradar.gateway.api.PublicPaths;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public event feed: {@code GET /api/v1/events?after=&types=&limit=} (issue #16). */
@Path(PublicPaths.PREFIX + "/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@Tag(
        name = "Events",
        description = "What changed: one ordered, resumable feed of the changes of companies, ownership links, deals, "
                + "regulatory matters and certifications, and of statutory deadlines approaching and passing. The same events are pushed "
                + "to partners' webhooks (see the webhooks section of this contract).")
public class EventFeedResource {

    static final int MAX_LIMIT = 500;
    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,40}\\.[a-z_]{1,40}");
    private static final Pattern CURSOR = Pattern.compile("0|[1-9][0-9]{0,17}");
    static final String EXAMPLE = """
            {"items":[{"id":"3f2c8e4a-5b6d-4c7e-9f10-1a2b3c4d5e6f","cursor":"1042","type":"deal.status_changed",
              "timestamp":"2026-11-30T10:15:02.123456Z","resource":{"type":"deal","id":"973a4522-3530-5077-b71c-a59a70f0ce3f",
              "url":"/api/v1/deals/973a4522-3530-5077-b71c-a59a70f0ce3f","etag":"\\"4\\""},
              "data":{"id":"973a4522-3530-5077-b71c-a59a70f0ce3f","status":"pending_approval"}}],
             "nextCursor":"1042","hasMore":false}""";

    private final EventLog log;

    EventFeedResource(EventLog log) {
        this.log = log;
    }

    @GET
    @Blocking
    @Operation(
            operationId = "listEvents",
            summary = "Read the event feed",
            description =
                    "Events in one global order, oldest first. Store nextCursor and pass it as after= next time: you get every "
                            + "event committed since, each once, in the order the gateway recorded them: always the order of the changes for "
                            + "one resource; for resources of different services changed within about a second of each other it can differ "
                            + "from the order of the commits (compare timestamp where that matters). types= takes the event types of the "
                            + "contract's webhooks section (an unknown one is 400). "
                            + "nextCursor is returned even when the page is empty, so polling with it never misses or repeats an event. "
                            + "Events are kept for 30 days (dealradar.feed.retention): a cursor older than that is answered 410, and "
                            + "the client should re-read the resources it follows and start again without after=. Without after=, the "
                            + "feed starts at the oldest event kept. Each item's data is the resource as it was right after the change.")
    @APIResponse(
            responseCode = "200",
            description = "One page of events",
            content =
                    @Content(
                            schema = @Schema(implementation = EventPage.class),
                            examples = @ExampleObject(name = "page", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Bad cursor, type or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "Not authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "The cursor is older than the retention (30 days): its events are gone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "Rate limit reached; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(
            @Parameter(
                            description =
                                    "nextCursor (or an item's cursor) from an earlier read; absent: from the oldest event kept",
                            example = "1041")
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "Only these event types, comma-separated",
                            example = "deal.status_changed,regulatory_matter.deadline_approaching")
                    @QueryParam("types")
                    String types,
            @Parameter(
                            description = "Page size, 1 to " + MAX_LIMIT,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit) {
        int pageSize = limit(limit);
        Set<String> wanted = types(types);
        Long from = after == null ? null : cursor(after);
        return Response.ok(log.read(from, wanted, pageSize)).build();
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 100;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badParameter("limit", "must be 1 to " + MAX_LIMIT);
    }

    private static long cursor(String raw) {
        if (!CURSOR.matcher(raw).matches()) {
            throw ProblemException.badParameter("after", "not a cursor this feed issued");
        }
        return Long.parseLong(raw);
    }

    private static Set<String> types(String raw) {
        Set<String> types = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return types;
        }
        for (String type : raw.split(",")) {
            String t = type.trim();
            if (!TYPE.matcher(t).matches() || types.size() >= 50) {
                throw ProblemException.badParameter("types", "comma-separated event types such as deal.created");
            }
            types.add(EventTypes.requireKnown("types", t));
        }
        return types;
    }
}
