package com.dealradar.gateway.partner;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit trail, as documented in the contract. */
@Schema(name = "ApiKeyAuditPage", description = "One page of the audit trail, newest first")
public record AuditEntryPage(
        @Schema(description = "The audit entries on this page, newest first", required = true)
        List<AuditEntryView> items,

        @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
        String nextCursor) {}
