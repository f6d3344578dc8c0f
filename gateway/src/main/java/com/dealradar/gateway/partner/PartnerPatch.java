package com.dealradar.gateway.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of PATCH /partners/{id} as documented: a JSON Merge Patch carries only the fields to change, so
 * none is required here (the merged result is validated as a {@link PartnerInput}).
 */
@Schema(name = "PartnerPatch", description = "JSON Merge Patch of a partner: only the fields to change")
public record PartnerPatch(
        @Schema(description = "Company name of the partner", examples = "Telco Insights Ltd")
        String name,

        @Schema(description = "Who to talk to about the integration")
        PartnerInput.Contact contact,

        @Schema(description = "Rate-limit plan", examples = "premium")
        String plan) {}
