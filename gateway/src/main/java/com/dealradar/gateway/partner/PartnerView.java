package com.dealradar.gateway.partner;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Partner", description = "A partner integrating machine-to-machine with API keys")
public record PartnerView(
        @Schema(examples = "5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11", required = true)
        UUID id,

        @Schema(description = "Company name of the partner", examples = "Telco Insights Ltd", required = true)
        String name,

        @Schema(description = "Who to talk to about the integration", required = true)
        PartnerInput.Contact contact,

        @Schema(description = "Rate-limit plan", examples = "standard", required = true)
        String plan,

        @Schema(examples = "2026-01-15T09:30:00Z", required = true)
        Instant createdAt,

        @Schema(examples = "2026-01-15T09:30:00Z", required = true)
        Instant updatedAt) {

    static PartnerView of(Partner p) {
        return new PartnerView(
                p.id,
                p.name,
                new PartnerInput.Contact(p.contactName, p.contactEmail),
                p.plan,
                p.createdAt,
                p.updatedAt);
    }

    PartnerInput input() {
        return new PartnerInput(name, contact, plan);
    }
}
