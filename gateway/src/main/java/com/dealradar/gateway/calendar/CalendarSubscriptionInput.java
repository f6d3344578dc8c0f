package com.dealradar.gateway.calendar;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CalendarSubscriptionInput",
        description = "A calendar subscription to create: its filters are fixed for its life")
public record CalendarSubscriptionInput(
        @Schema(description = "What it is for, to tell subscriptions apart", examples = "UK deadlines for the M&A team")
        @Size(max = 200)
        String name,

        @Schema(description = "ISO 3166-1 alpha-2 region of the matters", examples = "GB") @Size(max = 10)
        String region,

        @Schema(
                description = "deal-service id: only this deal's matters",
                examples = "0c049119-0caf-5496-a4b8-018a0642ac37")
        @Size(max = 40)
        String deal,

        @Schema(
                description =
                        "company-service id or slug: only matters about this company itself (a slug is kept as the id of "
                                + "the company it names now)",
                examples = "alibaba-group")
        @Size(max = 80)
        String company) {}
