package com.dealradar.platform.provenance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How much of a date is known: news rarely gives a day. A date stored with month precision is the first day
 * of that month and means "some day in that month"; it is filtered and sorted as that day. Constants are the
 * wire values; one vocabulary for every service (a deal's dates, a source's publication, a matter's dates).
 */
public enum Precision {
    year(Pattern.compile("\\d{4}"), "YYYY"),
    month(Pattern.compile("\\d{4}-\\d{2}"), "YYYY-MM"),
    day(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), "YYYY-MM-DD");

    private final Pattern written;
    private final String formatName;

    Precision(Pattern written, String formatName) {
        this.written = written;
        this.formatName = formatName;
    }

    /** How a date of this precision is written, for error messages: YYYY, YYYY-MM or YYYY-MM-DD. */
    public String formatName() {
        return formatName;
    }

    /** The first day of {@code value} when it is a real date written in this precision's format. */
    public Optional<LocalDate> firstDay(String value) {
        if (value == null || !written.matcher(value).matches()) {
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
            case year -> String.format("%04d", date.getYear());
            case month -> YearMonth.from(date).toString();
            case day -> date.toString();
        };
    }
}
