package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A period (both days included) in which the statutory clock did not run; without {@code to} it still runs on. */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "ClockStop",
        description = "A period in which the statutory clock is stopped (for example an information notice)")
public record ClockStop(
        @NotNull
        @Column(name = "from_date", nullable = false)
        @Schema(description = "First day the clock stood still", examples = "2024-04-10", required = true)
        LocalDate from,

        @Column(name = "to_date")
        @Schema(description = "Last stopped day; absent while the clock is still stopped", examples = "2024-04-19")
        LocalDate to,

        @Size(max = 1000)
        @Column(name = "reason", length = 1000)
        @Schema(description = "Why the clock stopped", examples = "Information notice under s.19 NSIA")
        String reason) {}
