package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current statutory deadline of an open matter and how it was computed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Deadline", description = "The current statutory deadline of an open matter and how it was computed")
public record Deadline(
        @Schema(
                description = "Code of the regime's clock that gives the deadline",
                examples = "assessment",
                required = true)
        String clock,

        @Schema(
                description = "Name of the period",
                examples = "Assessment period after a call-in notice",
                required = true)
        String label,

        @Schema(
                description = "Day the clock started (see firstCountedDay for whether it counts)",
                examples = "2024-03-20")
        LocalDate startsOn,

        @Schema(
                description = "Statutory length of the period in unit, before extensions and clock-stops",
                examples = "30",
                required = true)
        int length,

        @Schema(description = "How the length is counted: days, working_days or months", required = true)
        ClockUnit unit,

        @Schema(
                description = "Extensions counted, in order",
                examples = "[\"Additional period: 45 working_days\"]",
                required = true)
        List<String> extensions,

        @Schema(
                description = "Days (in the clock's own counting) the clock stood still",
                examples = "0",
                required = true)
        int stoppedDays,

        @Schema(
                description =
                        "Whether the clock is stopped now (an open-ended clock-stop): no due date until it runs again",
                required = true)
        boolean clockStopped,

        @Schema(
                description = "Last day of the period; absent while the clock is stopped or its start is unknown",
                examples = "2024-05-02")
        LocalDate dueOn,

        @Schema(
                description = "Source of the working days used",
                examples = "Jollyday (de.focus-shift) GB holidays, all UK nations",
                required = true)
        String calendar,

        @Schema(description = "Caveats, e.g. a date outside the years whose holidays are known", required = true)
        List<String> warnings,

        @Schema(
                description =
                        "Whether the start day itself is counted (same_day) or counting begins the day after (next_day)",
                required = true)
        FirstCountedDay firstCountedDay,

        @Schema(
                description = "The version of the regime's rules in force on the start day, whose clock this is",
                examples = "NSIA-2021",
                required = true)
        String regimeVersion,

        @Schema(description = "Label of that version", required = true)
        String regimeVersionLabel) {

    /** The same deadline, saying which regime version's clock it is. */
    public Deadline withVersion(RegimeVersion version) {
        return new Deadline(
                clock,
                label,
                startsOn,
                length,
                unit,
                extensions,
                stoppedDays,
                clockStopped,
                dueOn,
                calendar,
                warnings,
                firstCountedDay,
                version.code(),
                version.label());
    }

    /** The same deadline with {@code more} caveats after its own. */
    public Deadline withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Deadline(
                clock,
                label,
                startsOn,
                length,
                unit,
                extensions,
                stoppedDays,
                clockStopped,
                dueOn,
                calendar,
                List.copyOf(all),
                firstCountedDay,
                regimeVersion,
                regimeVersionLabel);
    }

    /** The same deadline without a due date (and without a start day), saying why. */
    public Deadline withoutDueDate(String why) {
        List<String> all = new ArrayList<>(warnings);
        all.add(why);
        return new Deadline(
                clock,
                label,
                null,
                length,
                unit,
                extensions,
                stoppedDays,
                clockStopped,
                null,
                calendar,
                List.copyOf(all),
                firstCountedDay,
                regimeVersion,
                regimeVersionLabel);
    }
}
