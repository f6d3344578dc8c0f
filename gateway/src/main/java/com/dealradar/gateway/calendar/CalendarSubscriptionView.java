package com.dealradar.gateway.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "CalendarSubscription",
        description = "A subscription to the deadline calendar; its token is shown once, when it is created")
public record CalendarSubscriptionView(
        @Schema(required = true) UUID id,

        @Schema(description = "What it is for, to tell subscriptions apart; absent when none was given")
        String name,

        @Schema(description = "partner:<id> or user:<Keycloak subject>", required = true)
        String owner,

        @Schema(description = "Public part of the token (drc_<prefix>_...)", examples = "k7m2x9qa", required = true)
        String prefix,

        @Schema(
                description =
                        "Filter: only matters of this region (ISO 3166-1 alpha-2); absent when not filtered by region",
                examples = "GB")
        String region,

        @Schema(description = "Filter: only this deal's matters (deal-service id); absent when not filtered by deal")
        UUID deal,

        @Schema(
                description =
                        "Filter: only matters about this company itself (company-service id, also when a slug was sent); "
                                + "absent when not filtered by company")
        UUID company,

        @Schema(
                description = "active (the token reads the calendar) or revoked (it no longer does)",
                enumeration = {"active", "revoked"},
                required = true)
        String status,

        @Schema(required = true) Instant createdAt,

        @Schema(description = "Who created it: its owner, partner:<id> or user:<Keycloak subject>", required = true)
        String createdBy,

        @Schema(description = "When it was revoked; absent while active")
        Instant revokedAt,

        @Schema(
                description =
                        "Who revoked it: user:<subject> or partner:<id> key:<key id> (service:bootstrap-admin key:bootstrap "
                                + "for the bootstrap key); absent while active")
        String revokedBy,

        @Schema(
                description =
                        "When the token last read the calendar (updated at most once a minute); absent until then")
        Instant lastUsedAt,

        @Schema(
                description =
                        "Only in the answer that creates it: the subscription token. Store it now; it is never shown again.",
                examples = "drc_k7m2x9qa_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8")
        String token,

        @Schema(
                description =
                        "Only in the answer that creates it: the URL to give the calendar application (Outlook: Add calendar, "
                                + "From Internet; Google Calendar: Other calendars, From URL). Relative unless the gateway's public URL is configured.",
                examples =
                        "https://api.dealradar.example/api/v1/regulatory-matters/calendar.ics?token=drc_k7m2x9qa_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8")
        String calendarUrl) {

    static CalendarSubscriptionView of(CalendarSubscription s) {
        return new CalendarSubscriptionView(
                s.id,
                s.name,
                s.owner(),
                s.prefix,
                s.regionCode,
                s.dealId,
                s.companyId,
                s.revokedAt == null ? "active" : "revoked",
                s.createdAt,
                s.createdBy,
                s.revokedAt,
                s.revokedBy,
                s.lastUsedAt,
                null,
                null);
    }

    CalendarSubscriptionView withToken(String token, String calendarUrl) {
        return new CalendarSubscriptionView(
                id,
                name,
                owner,
                prefix,
                region,
                deal,
                company,
                status,
                createdAt,
                createdBy,
                revokedAt,
                revokedBy,
                lastUsedAt,
                token,
                calendarUrl);
    }
}
