package com.dealradar.gateway.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyAuditEntry", description = "One action on partners and their API keys")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(
        UUID id,
        @Schema(examples = "2026-01-15T09:30:00Z") Instant occurredAt,

        @Schema(description = "Who did it: a Keycloak user or bootstrap-admin", examples = "bootstrap-admin")
        String actor,

        @Schema(
                description = "partner.created, partner.updated, key.issued, key.rotated or key.revoked",
                examples = "key.issued")
        String action,

        UUID partnerId,
        UUID keyId,
        @Schema(examples = "k7m2x9qa") String keyPrefix,

        @Schema(examples = "scopes read; expires 2027-01-01T00:00:00Z")
        String detail,

        @Schema(description = "X-Request-Id of the request that did it")
        String requestId) {

    static AuditEntryView of(ApiKeyAuditEntry e) {
        return new AuditEntryView(
                e.id, e.occurredAt, e.actor, e.action, e.partnerId, e.keyId, e.keyPrefix, e.detail, e.requestId);
    }
}
