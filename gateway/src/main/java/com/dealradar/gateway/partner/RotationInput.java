package com.dealradar.gateway.partner;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyRotation", description = "Options of a key rotation; every field is optional")
public record RotationInput(
        @Schema(
                description =
                        "How long the old key keeps working (ISO-8601 duration); dealradar.api-keys.rotation-overlap "
                                + "(24 hours) when absent, at most dealradar.api-keys.max-rotation-overlap",
                examples = "PT24H",
                type = SchemaType.STRING)
        Duration overlap,

        @Schema(
                description =
                        "Expiry of the new key. When absent: the old key's lifetime again, counted from now (never, "
                                + "if the old key had no expiry)",
                examples = "2027-06-01T00:00:00Z")
        OffsetDateTime expiresAt) {}
