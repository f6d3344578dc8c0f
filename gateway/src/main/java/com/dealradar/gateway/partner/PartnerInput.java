package com.dealradar.gateway.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerInput", description = "A partner as an admin writes it")
public record PartnerInput(
        @Schema(description = "Company name of the partner", examples = "Telco Insights Ltd") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Who to talk to about the integration") @NotNull @Valid
        Contact contact,

        @Schema(
                description =
                        "Rate-limit plan (configured in dealradar.rate-limit.plans); the default plan when absent",
                examples = "standard")
        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a plan name (lower-case letters, digits, dashes)")
        String plan) {

    @Schema(name = "PartnerContact", description = "Contact person of a partner")
    public record Contact(
            @Schema(description = "Name", examples = "Mei Chen") @Size(max = 200)
            String name,

            @Schema(description = "E-mail address", examples = "api@telco-insights.example")
            @NotBlank
            @jakarta.validation.constraints.Email
            @Size(max = 320)
            String email) {}
}
