package com.dealradar.deal.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A company of company-service in one role. A company may take part in several roles (host and reseller). */
@Schema(name = "Participant", description = "A company (id in company-service) and its role in the deal")
public record Participant(
        @NotNull
        @Schema(
                description = "Company id in company-service; must exist there",
                examples = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a",
                required = true)
        UUID companyId,

        @NotNull @Schema(description = "Role in the deal", required = true)
        ParticipantRole role,

        @Size(max = 500) @Schema(description = "What this party does in the deal", examples = "buyer")
        String note) {}
