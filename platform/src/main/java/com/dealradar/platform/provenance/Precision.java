package com.dealradar.platform.provenance;

import java.time.LocalDate;

/**
 * How much of a date is known: news rarely gives a day. A date stored with month precision is the first day
 * of that month and means "some day in that month". Constants are the wire values.
 */
public enum Precision {
    year,
    month,
    day;

    /** Whether {@code date} is the first day of its period, as a date of this precision must be stored. */
    public boolean isAligned(LocalDate date) {
        return switch (this) {
            case year -> date.getDayOfYear() == 1;
            case month -> date.getDayOfMonth() == 1;
            case day -> true;
        };
    }

    /** {@code date} written as far as it is known: 2018, 2018-07 or 2018-07-03. */
    public String format(LocalDate date) {
        return switch (this) {
            case year -> String.valueOf(date.getYear());
            case month -> date.toString().substring(0, 7);
            case day -> date.toString();
        };
    }
}
