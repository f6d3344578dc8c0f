package com.dealradar.deal.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How precisely a date is known (news rarely gives a day). A date is stored as its first day plus its
 * precision: "2017-06" with month precision is stored as 2017-06-01 and filtered and sorted as that day.
 */
public enum DatePrecision {
    year(Pattern.compile("\\d{4}"), "YYYY"),
    month(Pattern.compile("\\d{4}-\\d{2}"), "YYYY-MM"),
    day(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), "YYYY-MM-DD");

    private final Pattern format;
    private final String formatName;

    DatePrecision(Pattern format, String formatName) {
        this.format = format;
        this.formatName = formatName;
    }

    public String formatName() {
        return formatName;
    }

    /** The first day of {@code value} when it is a real date written in this precision's format. */
    public Optional<LocalDate> firstDay(String value) {
        if (value == null || !format.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    switch (this) {
                        case year -> LocalDate.of(Integer.parseInt(value), 1, 1);
                        case month -> YearMonth.parse(value).atDay(1);
                        case day -> LocalDate.parse(value);
                    });
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last day of the period that begins on {@code firstDay}: its year's, its month's, or itself. */
    public LocalDate lastDay(LocalDate firstDay) {
        return switch (this) {
            case year -> firstDay.withDayOfYear(firstDay.lengthOfYear());
            case month -> YearMonth.from(firstDay).atEndOfMonth();
            case day -> firstDay;
        };
    }

    /** Writes a stored first day back in this precision's format. */
    public String format(LocalDate firstDay) {
        return switch (this) {
            case year -> String.format("%04d", firstDay.getYear());
            case month -> YearMonth.from(firstDay).toString();
            case day -> firstDay.toString();
        };
    }
}
