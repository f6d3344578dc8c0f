package com.dealradar.gateway.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyAuditEntry", description = "One action on partners and their API keys")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(
        @Schema(required = true) UUID id,

        @Schema(description = "When it happened (UTC)", examples = "2026-01-15T09:30:00Z", required = true)
        Instant occurredAt,

        @Schema(
                description =
                        "Who did it: a Keycloak user, bootstrap-admin, or system:webhook-delivery when the delivery "
                                + "system disabled an endpoint",
                examples = "bootstrap-admin",
                required = true)
        String actor,

        @Schema(
                description =
                        "partner.created, partner.updated, key.issued, key.rotated, key.revoked or webhook_disabled (an "
                                + "endpoint disabled automatically: 410 Gone, or deliveries failing persistently)",
                examples = ApiKeyAuditEntry.KEY_ISSUED,
                enumeration = {
                    ApiKeyAuditEntry.PARTNER_CREATED,
                    ApiKeyAuditEntry.PARTNER_UPDATED,
                    ApiKeyAuditEntry.KEY_ISSUED,
                    ApiKeyAuditEntry.KEY_ROTATED,
                    ApiKeyAuditEntry.KEY_REVOKED,
                    ApiKeyAuditEntry.WEBHOOK_DISABLED
                },
                required = true)
        String action,

        @Schema(description = "Id of the partner it concerns")
        UUID partnerId,

        @Schema(
                description =
                        "Id of the API key it concerns; absent when it concerns the partner or a webhook endpoint")
        UUID keyId,

        @Schema(description = "Public part of that API key; absent with keyId", examples = "k7m2x9qa")
        String keyPrefix,

        @Schema(
                description =
                        "What it changed, in words: a new key's scopes and expiry, a rotation's replacement, the fields a "
                                + "partner update changed, why an endpoint was disabled; absent when there is nothing to add",
                examples = "scopes read; expires 2027-01-01T00:00:00Z")
        String detail,

        @Schema(description = "X-Request-Id of the request that did it")
        String requestId) {

    static AuditEntryView of(ApiKeyAuditEntry e) {
        return new AuditEntryView(
                e.id, e.occurredAt, e.actor, e.action, e.partnerId, e.keyId, e.keyPrefix, e.detail, e.requestId);
    }
}
