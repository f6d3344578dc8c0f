package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A country's membership of a supranational region over a period. {@code treatedAsMemberUntil} covers a
 * transition after leaving in which the country is still treated as a member (the UK left the EU on
 * 31 January 2020 and was treated as a member state until 31 December 2020, Withdrawal Agreement arts. 126-127).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Membership", description = "A country's membership of a supranational region over a period")
public record Membership(
        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
        @Schema(description = "ISO 3166-1 alpha-2 code of the member country", examples = "GB", required = true)
        String country,

        @Schema(description = "First day of membership; absent: a founding member", examples = "1973-01-01")
        LocalDate from,

        @Schema(description = "Last day of membership; absent: still a member", examples = "2020-01-31")
        LocalDate to,

        @Schema(
                description = "Last day on which rules still treat it as a member after leaving (transition)",
                examples = "2020-12-31")
        LocalDate treatedAsMemberUntil,

        @Size(max = 500) @Schema(description = "Where the dates come from")
        String note) {

    /** Whether rules that ask "is this a member?" answer yes on {@code day} (transition included). */
    public boolean treatedAsMemberOn(LocalDate day) {
        LocalDate last = treatedAsMemberUntil != null ? treatedAsMemberUntil : to;
        return (from == null || !day.isBefore(from)) && (last == null || !day.isAfter(last));
    }
}
