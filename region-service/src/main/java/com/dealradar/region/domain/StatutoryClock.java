package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A statutory period of a regime: it starts on the day a matter enters {@code startsAt} and is the matter's
 * deadline while the matter is in one of {@code runsIn}. Whether that day itself is counted is the statute's
 * choice ({@code firstCountedDay}; by default counting begins the day after).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "StatutoryClock", description = "A statutory period of a regime")
public record StatutoryClock(
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9_]+", message = "must be lower-case letters, digits and _")
        @Schema(description = "Identifier of the clock within the regime", examples = "assessment", required = true)
        String code,

        @NotBlank
        @Size(max = 200)
        @Schema(
                description = "Name of the period",
                examples = "Assessment period after a call-in notice",
                required = true)
        String label,

        @NotNull
        @Min(1)
        @Max(3650)
        @Schema(description = "Length of the period, in unit", examples = "30", required = true)
        Integer length,

        @NotNull @Schema(description = "How the length is counted", required = true)
        ClockUnit unit,

        @NotNull
        @Schema(description = "The status whose start date starts the clock", examples = "phase2", required = true)
        MatterStatus startsAt,

        @NotEmpty
        @Size(max = 13)
        @Schema(
                description = "The statuses during which this clock gives the matter's deadline",
                examples = "[\"phase2\"]",
                required = true)
        Set<@NotNull MatterStatus> runsIn,

        @Size(max = 10) @Schema(description = "Extensions the statute allows")
        List<@NotNull @Valid ClockExtension> extensions,

        @Schema(
                description =
                        "Whether the statute lets the clock be stopped (information requests); absent: it does not, and a "
                                + "matter's clock-stops are refused while this clock runs")
        Boolean clockStopsAllowed,

        @Schema(description = "Whether a period ending on a non-working day ends on the next working day")
        Boolean endsOnWorkingDay,

        @Size(max = 1000) @Schema(description = "Where the period comes from")
        String note,

        @Schema(
                description =
                        "Whether the day the clock starts is counted (same_day, NSIA s.23) or counting begins the day after "
                                + "(next_day, the default)")
        FirstCountedDay firstCountedDay,

        @Size(max = 20)
        @Schema(
                description =
                        "Parts of the region (ISO 3166-2) whose public holidays are not working days for this clock, as its "
                                + "statute defines a working day (Enterprise Act 2002 s. 129(1): bank holidays in England and "
                                + "Wales; NSIA: in any part of the UK); absent: the region's calendar",
                examples = "[\"GB-ENG\", \"GB-WLS\"]")
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[A-Z]{2}-[A-Z0-9]{1,3}",
                                message = "must be an ISO 3166-2 code such as GB-ENG")
                        String>
                holidayRegions) {

    public StatutoryClock {
        runsIn = Unmodifiable.set(runsIn);
        extensions = Unmodifiable.list(extensions);
        holidayRegions = Unmodifiable.list(holidayRegions);
    }

    /** Whether the statute lets the authority stop this clock; absent means it does not. */
    public boolean stoppable() {
        return Boolean.TRUE.equals(clockStopsAllowed);
    }

    public FirstCountedDay firstCountedDayOrDefault() {
        return firstCountedDay == null ? FirstCountedDay.next_day : firstCountedDay;
    }

    public List<ClockExtension> extensionsOrEmpty() {
        return extensions == null ? List.of() : extensions;
    }

    public ClockExtension extension(String extensionCode) {
        return extensionsOrEmpty().stream()
                .filter(e -> e.code().equals(extensionCode))
                .findFirst()
                .orElse(null);
    }
}
