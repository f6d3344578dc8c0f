package com.dealradar.gateway.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event as the feed lists it and as a webhook delivers it (the same JSON). Follows the Standard Webhooks payload
 * shape ({@code type}, {@code timestamp}, {@code data}) and adds the feed's cursor and the resource it is about.
 */
@Schema(
        name = "Event",
        description =
                "A change of a public resource, or a deadline reached. The same document is the feed's item and a webhook's body.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedEvent(
        @Schema(
                description = "Event id; also the webhook-id header of its deliveries (deduplicate on it)",
                examples = "3f2c8e4a-5b6d-4c7e-9f10-1a2b3c4d5e6f",
                required = true)
        UUID id,

        @Schema(
                description = "Position in the feed: pass it as after= to read what follows",
                examples = "1042",
                required = true)
        String cursor,

        @Schema(
                description = "What happened: <resource type>.<verb>",
                examples = "deal.status_changed",
                required = true)
        String type,

        @Schema(description = "When the change committed in the service that owns the resource", required = true)
        Instant timestamp,

        @Schema(description = "The resource the event is about", required = true)
        Resource resource,

        @Schema(
                type = SchemaType.OBJECT,
                description =
                        "The resource as it is after the change (absent after a delete); for deadline events, the deadline")
        @JsonRawValue
        String data) {

    /** The resource of an event: its type, id, public URL and new ETag. */
    @Schema(name = "EventResource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(
            @Schema(
                    description =
                            "Type of the resource, the first part of the event type: company, ownership_link, deal, "
                                    + "regulatory_matter or certification",
                    examples = "deal",
                    required = true)
            String type,

            @Schema(
                    description = "Id of the resource",
                    examples = "973a4522-3530-5077-b71c-a59a70f0ce3f",
                    required = true)
            String id,

            @Schema(
                    description = "Public path of the resource",
                    examples = "/api/v1/deals/973a4522-3530-5077-b71c-a59a70f0ce3f",
                    required = true)
            String url,

            @Schema(description = "ETag of the resource after the change; absent after a delete", examples = "\"4\"")
            String etag) {}
}
