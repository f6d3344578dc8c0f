package com.dealradar.region.api;

import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.TransitionDraft;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionInput", description = "A status change of a regulatory matter")
public record TransitionInput(
        @NotNull
        @Schema(
                description = "The status the matter changes to: one of its allowedTransitions",
                examples = "phase2",
                required = true)
        MatterStatus status,

        @Schema(
                description =
                        "Legal date of the change (e.g. of the call-in notice); default today. Statutory clocks start"
                                + " from it. Today is the date in the region's time zone (Region.timeZone), and a later"
                                + " date is refused: it records what has happened",
                examples = "2024-03-20")
        LocalDate on,

        @Size(max = 1000)
        @Schema(description = "What happened, for the status history", examples = "Call-in notice given")
        String note,

        @Size(max = 200) @Schema(description = "New stage text, if it changes", examples = "call-in assessment")
        String stage) {

    /** The command the domain applies its rules to. */
    public TransitionDraft toDraft() {
        return new TransitionDraft(status, on, note, stage);
    }
}
