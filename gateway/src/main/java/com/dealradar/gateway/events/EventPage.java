package com.dealradar.gateway.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the feed. */
@Schema(name = "EventPage")
public record EventPage(
        @Schema(description = "The events on this page, oldest first, in the feed's one global order", required = true)
        List<FeedEvent> items,

        @Schema(
                description = "Pass as after= to read on; present even on an empty page",
                examples = "1042",
                required = true)
        String nextCursor,

        @Schema(description = "Whether more events follow at once", required = true)
        boolean hasMore) {}
