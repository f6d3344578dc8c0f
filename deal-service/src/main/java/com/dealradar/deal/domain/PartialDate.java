package com.dealradar.deal.domain;

import com.dealradar.platform.provenance.Precision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A date known to a year, a month or a day. {@code value} must be written in the precision's format. */
@Schema(
        name = "PartialDate",
        description = "A date with its precision: news rarely gives a day. "
                + "value is YYYY for year, YYYY-MM for month, YYYY-MM-DD for day precision. "
                + "Filters and sorts use the first day it covers.")
public record PartialDate(
        @NotNull
        @Size(max = 10)
        @Schema(description = "The date, in the format of its precision", examples = "2017-06", required = true)
        String value,

        @NotNull @Schema(description = "How much of the date is known", required = true)
        Precision precision) {}
