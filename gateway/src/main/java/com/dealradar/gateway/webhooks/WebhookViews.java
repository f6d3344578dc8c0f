package com.dealradar.gateway.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhook API's documents. */
public final class WebhookViews {

    private WebhookViews() {}

    /** A new endpoint, or the whole of a changed one (PATCH merges into it). */
    @Schema(name = "WebhookEndpointInput")
    public record Input(
            @NotBlank
            @Size(max = 2000)
            @Schema(
                    description = "https URL that receives the events (a public address)",
                    examples = "https://hooks.telco-insights.example/dealradar",
                    required = true)
            String url,

            @NotEmpty
            @Size(max = 50)
            @Schema(
                    description = "Event types to receive; * for all, deal.* for every event of deals",
                    examples = "[\"deal.status_changed\",\"regulatory_matter.*\"]",
                    required = true)
            List<@NotBlank @Size(max = 60) String> eventTypes,

            @Size(max = 500) @Schema(description = "What the endpoint is for, for the partner's own reference")
            String description,

            @Schema(description = "Deliveries are made only while enabled; default true")
            Boolean enabled) {}

    /** A secret rotation: how long the old secret keeps signing too. */
    @Schema(name = "WebhookSecretRotation")
    public record Rotation(
            @Schema(description = "ISO-8601 duration, 0 to 7 days; default 24 hours", examples = "PT1H")
            Duration overlap) {}

    @Schema(name = "WebhookEndpoint")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            @Schema(required = true) UUID id,

            @Schema(description = "Id of the partner the endpoint belongs to", required = true)
            UUID partnerId,

            @Schema(
                    description = "https URL that receives the events",
                    examples = "https://hooks.telco-insights.example/dealradar",
                    required = true)
            String url,

            @Schema(description = "What the endpoint is for, for the partner's own reference; absent when none")
            String description,

            @Schema(
                    description = "Event types it receives; * for all, deal.* for every event of deals",
                    examples = "[\"deal.status_changed\",\"regulatory_matter.*\"]",
                    required = true)
            List<String> eventTypes,

            @Schema(
                    description =
                            "Whether deliveries are made; a disabled endpoint's deliveries are held until it is enabled again",
                    required = true)
            boolean enabled,

            @Schema(
                    description =
                            "Why the endpoint was disabled automatically (410 Gone, or deliveries failing persistently)")
            String disabledReason,

            @Schema(description = "Until when the previous secret still signs (after a rotation)")
            Instant previousSecretValidUntil,

            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,

            @Schema(
                    description =
                            "The signing secret (whsec_<base64>): in the answer that creates the endpoint or rotates the secret, never again",
                    examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {

        static View of(WebhookEndpoint e, Instant now, String secret) {
            return new View(
                    e.id,
                    e.partnerId,
                    e.url,
                    e.description,
                    e.types(),
                    e.enabled,
                    e.disabledReason,
                    e.previousSecretExpiresAt != null && e.previousSecretExpiresAt.isAfter(now)
                            ? e.previousSecretExpiresAt
                            : null,
                    e.createdAt,
                    e.updatedAt,
                    secret);
        }

        Input input() {
            return new Input(url, eventTypes, description, enabled);
        }
    }

    @Schema(name = "WebhookEndpointList")
    public record ViewList(
            @Schema(description = "Every webhook endpoint of the partner, oldest first", required = true)
            List<View> items) {}

    @Schema(name = "WebhookDeliveryList")
    public record DeliveryList(
            @Schema(description = "The deliveries on this page, in event order", required = true)
            List<Deliveries.DeliveryView> items,

            @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
            String nextCursor) {}

    @Schema(name = "WebhookAttemptList")
    public record AttemptList(
            @Schema(description = "The delivery attempts on this page, newest first", required = true)
            List<Deliveries.AttemptView> items,

            @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
            String nextCursor) {}
}
