package com.dealradar.gateway.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key of a partner. The secret is only in the answer that issued the key.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        @Schema(examples = "0d9b7c7e-3b1a-4f59-a0a4-5c1f9e2b7d21", required = true)
        UUID id,

        @Schema(
                description = "Id of the partner the key belongs to",
                examples = "5b0c2c6e-8f0e-4a7d-9d61-0b3c1f6f3a11",
                required = true)
        UUID partnerId,

        @Schema(
                description = "Public part of the key, shown in lists and the audit trail",
                examples = "k7m2x9qa",
                required = true)
        String prefix,

        @Schema(
                description = "What the key is for, to tell keys apart; absent when none was given",
                examples = "production ETL")
        String name,

        @Schema(
                description =
                        "What the key may do: read (read companies, deals and regulatory data), write (also change them; implies read)",
                examples = "[\"read\"]",
                required = true)
        Set<ApiKeyScope> scopes,

        @Schema(
                description = "active, rotating (replaced, valid until expiresAt), expired or revoked",
                examples = "active",
                required = true)
        ApiKeyStatus status,

        @Schema(examples = "2026-01-15T09:30:00Z", required = true)
        Instant createdAt,

        @Schema(description = "Who issued the key", examples = "bootstrap-admin", required = true)
        String createdBy,

        @Schema(description = "When the key stops working; absent: never", examples = "2027-01-01T00:00:00Z")
        Instant expiresAt,

        @Schema(description = "When the key was revoked; absent unless revoked", examples = "2026-03-01T12:00:00Z")
        Instant revokedAt,

        @Schema(description = "Who revoked it; absent unless revoked", examples = "bootstrap-admin")
        String revokedBy,

        @Schema(description = "The key this one replaced by a rotation")
        UUID replacesId,

        @Schema(description = "The key that replaced this one by a rotation")
        UUID replacedById,

        @Schema(
                description =
                        "When the key last authenticated a request (updated at most once a minute; not covered by the ETag)",
                examples = "2026-02-01T08:15:00Z")
        Instant lastUsedAt,

        @Schema(
                description =
                        "The key, to send as X-API-Key. Only in the 201 answer that issued it (not in an Idempotency-Key "
                                + "replay): it is not stored and cannot be shown again.",
                examples = "drk_k7m2x9qa_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8")
        String secret) {

    static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(
                key.id,
                key.partnerId,
                key.prefix,
                key.name,
                key.scopeSet(),
                key.status(now),
                key.createdAt,
                key.createdBy,
                key.expiresAt,
                key.revokedAt,
                key.revokedBy,
                key.replacesId,
                key.replacedById,
                key.lastUsedAt,
                null);
    }

    ApiKeyView withSecret(String key) {
        return new ApiKeyView(
                id,
                partnerId,
                prefix,
                name,
                scopes,
                status,
                createdAt,
                createdBy,
                expiresAt,
                revokedAt,
                revokedBy,
                replacesId,
                replacedById,
                lastUsedAt,
                key);
    }

    @Override
    public String toString() {
        return "ApiKeyView[" + id + ", " + ApiKeys.MARKER + prefix + "_***]";
    }
}
