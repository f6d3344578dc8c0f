package com.dealradar.deal.api;

import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.PartialDate;
import com.dealradar.deal.domain.StatusChangeDraft;
import com.dealradar.platform.provenance.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "StatusChangeInput",
        description = "A change of a deal's status: the new status, when it took effect, a note and its source")
public record StatusChangeInput(
        @NotNull
        @Schema(
                description = "The new status; must be allowed by the status machine",
                examples = "in_talks",
                required = true)
        DealStatus status,

        @Valid @Schema(description = "When the change took effect")
        PartialDate effectiveDate,

        @Size(max = 2000) @Schema(description = "What happened", examples = "BT confirmed talks with Alibaba Cloud")
        String note,

        @Valid @Schema(description = "Where the change is reported")
        Source source) {

    /** The command the domain applies its rules to. */
    public StatusChangeDraft toDraft() {
        return new StatusChangeDraft(status, effectiveDate, note, source);
    }
}
