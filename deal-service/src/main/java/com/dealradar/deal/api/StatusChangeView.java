package com.dealradar.deal.api;

import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.PartialDate;
import com.dealradar.platform.provenance.Source;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DealStatusChange", description = "One entry of a deal's status history")
public record StatusChangeView(
        @Schema(required = true) UUID id,

        @Schema(description = "1 for the status the deal was created in, then one more per change", required = true)
        int sequence,

        @Schema(description = "Status before; absent on the first entry")
        DealStatus from,

        @Schema(description = "Status after the change", required = true)
        DealStatus to,

        @Schema(description = "When the change took effect, with its precision; absent when unknown")
        PartialDate effectiveDate,

        @Schema(description = "What happened; absent when none was given")
        String note,

        @Schema(description = "Where the change is reported; absent when none was given")
        Source source,

        @Schema(description = "When DealRadar recorded the change", required = true)
        Instant recordedAt) {}
