package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which authority ran a regime over which period (China's merger control moved from MOFCOM to SAMR in 2018). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuthorityPeriod", description = "The authority in charge of a regime over a period")
public record AuthorityPeriod(
        @NotBlank
        @Size(max = 300)
        @Schema(
                description = "Name of the authority",
                examples = "State Administration for Market Regulation (SAMR)",
                required = true)
        String name,

        @Schema(description = "First day in charge; absent: since the regime began", examples = "2018-03-17")
        LocalDate from,

        @Schema(description = "Last day in charge; absent while in charge")
        LocalDate to) {

    public boolean coversDay(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
