package com.dealradar.gateway.partner;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyInput", description = "A key to issue")
public record ApiKeyInput(
        @Schema(description = "What the key is for, to tell keys apart", examples = "production ETL") @Size(max = 200)
        String name,

        @Schema(
                description = "read: read companies, deals and regulatory data; write: also change them (implies read)",
                examples = "[\"read\"]")
        @NotEmpty
        Set<@NotNull ApiKeyScope> scopes,

        @Schema(description = "When the key stops working; never when absent", examples = "2027-01-01T00:00:00Z")
        OffsetDateTime expiresAt) {}
