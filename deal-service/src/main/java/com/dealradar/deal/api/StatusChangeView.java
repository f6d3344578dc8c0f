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
        UUID id,

        @Schema(description = "1 for the status the deal was created in, then one more per change")
        int sequence,

        @Schema(description = "Status before; absent on the first entry")
        DealStatus from,

        DealStatus to,
        PartialDate effectiveDate,
        String note,
        Source source,

        @Schema(description = "When DealRadar recorded the change")
        Instant recordedAt) {}
