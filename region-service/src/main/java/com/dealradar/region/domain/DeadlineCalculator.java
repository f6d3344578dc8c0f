package com.dealradar.region.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Statutory deadline arithmetic, pure. A period starts on the day of the triggering event; by default it is
 * counted from the next day (NSIA s.14(8): "beginning with the first working day after the day on which..."),
 * or from that day itself when the clock says so (NSIA s.23(3): "beginning with the day on which the call-in
 * notice is given"; a month period then ends the day before the same day number, BGB § 188(2)). Calendar
 * days count every day; working days skip weekends and the region's holidays; months land on the same
 * day number of the target month, or its last day. Days inside a clock-stop do not count (for months:
 * the period is pushed back by the stopped calendar days), and only for a clock whose statute lets it be
 * stopped ({@link StatutoryClock#stoppable()}). Extensions continue counting from the end of the period
 * before them, in their own unit.
 */
public final class DeadlineCalculator {

    /** No statutory period is this long; guards against a calendar that has no working days. */
    private static final int MAX_DAYS = 366 * 30;

    /** The last due date computed: ISO 8601 dates in JSON and iCalendar have four-digit years. */
    static final LocalDate LATEST_DUE = LocalDate.of(9999, 12, 31);

    private DeadlineCalculator() {}

    /** A segment that does not end within {@link #MAX_DAYS}. */
    private static final class TooLong extends RuntimeException {
        TooLong() {
            super("no end of period within " + MAX_DAYS + " days", null, false, false);
        }
    }

    /** One segment to count: the base period or an extension. */
    public record Segment(String label, int length, ClockUnit unit) {}

    public static Deadline compute(
            StatutoryClock clock,
            LocalDate start,
            List<Segment> extensions,
            List<ClockStop> stops,
            WorkingCalendar calendar) {
        List<String> warnings = new ArrayList<>();
        List<String> extensionLabels = extensions.stream()
                .map(s -> s.label() + ": " + s.length() + " " + s.unit())
                .toList();
        if (start == null) {
            warnings.add("the day this clock started is not recorded (no dated '" + clock.startsAt()
                    + "' in the status history)");
            return deadline(clock, null, extensionLabels, 0, false, null, calendar, warnings);
        }
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(clock.label(), clock.length(), clock.unit()));
        segments.addAll(extensions);
        boolean sameDay = clock.firstCountedDayOrDefault() == FirstCountedDay.same_day;
        List<ClockStop> recorded = stops == null ? List.of() : stops;
        // A clock the statute gives no stop (NSIA s. 14 review, the AML before 2022) runs through every recorded stop.
        List<ClockStop> counted = clock.stoppable() ? recorded : List.of();
        LocalDate firstCounted = sameDay ? start : start.plusDays(1);
        List<ClockStop> ignored = clock.stoppable()
                ? List.of()
                : recorded.stream()
                        .filter(s -> s.to() == null || !s.to().isBefore(firstCounted))
                        .toList();
        if (!ignored.isEmpty()) {
            warnings.add("clock " + clock.code() + " cannot be stopped (its statute provides no clock-stop): the "
                    + "clock-stops recorded from " + ignored.getFirst().from() + " do not count");
        }
        // Counting starts after counter.day: for a same-day clock that is the day before the start.
        Counter counter = new Counter(sameDay ? start.minusDays(1) : start, counted, calendar);
        counter.monthOrigin = sameDay ? start : null;
        for (Segment segment : segments) {
            boolean runs;
            try {
                runs = counter.advance(segment);
            } catch (TooLong e) {
                warnings.add("no due date: a period of " + segment.length() + " " + segment.unit() + " ("
                        + segment.label() + ") does not end within " + (MAX_DAYS / 366) + " years of counting");
                return deadline(clock, start, extensionLabels, counter.stoppedDays, false, null, calendar, warnings);
            }
            if (!runs) {
                warnings.add("the clock is stopped since " + counter.stoppedSince
                        + " with no end recorded; the deadline moves when the stop ends");
                return deadline(clock, start, extensionLabels, counter.stoppedDays, true, null, calendar, warnings);
            }
        }
        LocalDate due = counter.day;
        if (Boolean.TRUE.equals(clock.endsOnWorkingDay())) {
            // Every day looked at counts, the last one too: a period that ends on a weekday of a year without holiday
            // data may end on a holiday nobody knows of (1 January 2027 in China) and must say so.
            counter.touch(due);
            while (!calendar.isWorkingDay(due)) {
                due = due.plusDays(1);
                counter.touch(due);
            }
        }
        if (due.isAfter(LATEST_DUE)) {
            warnings.add("no due date: it would fall after " + LATEST_DUE
                    + "; check the start day, extensions and clock-stops");
            return deadline(clock, start, extensionLabels, counter.stoppedDays, false, null, calendar, warnings);
        }
        if (!counter.uncovered.isEmpty()) {
            warnings.add("public holidays of " + counter.uncovered + " are not in the holiday data ("
                    + calendar.description() + "): only weekends were skipped in "
                    + (counter.uncovered.size() == 1 ? "that year" : "those years")
                    + ", so the due date may be too early");
        }
        return deadline(clock, start, extensionLabels, counter.stoppedDays, false, due, calendar, warnings);
    }

    /** The clock's deadline as counted: due on {@code due} (null: none), stopped or not; the version is named later. */
    private static Deadline deadline(
            StatutoryClock clock,
            LocalDate start,
            List<String> extensionLabels,
            int stoppedDays,
            boolean stopped,
            LocalDate due,
            WorkingCalendar calendar,
            List<String> warnings) {
        return new Deadline(
                clock.code(),
                clock.label(),
                start,
                clock.length(),
                clock.unit(),
                extensionLabels,
                stoppedDays,
                stopped,
                due,
                calendar.description(),
                warnings,
                clock.firstCountedDayOrDefault(),
                null,
                null);
    }

    /** Counts segments one after the other from a start day. */
    private static final class Counter {
        private final List<ClockStop> stops;
        private final WorkingCalendar calendar;
        private final TreeSet<Integer> uncovered = new TreeSet<>();
        private LocalDate day;
        private int stoppedDays;
        private LocalDate stoppedSince;
        /** For a same-day clock: its start day, from which its first month period is measured; then null. */
        private LocalDate monthOrigin;

        Counter(LocalDate start, List<ClockStop> stops, WorkingCalendar calendar) {
            this.day = start;
            this.stops = stops;
            this.calendar = calendar;
        }

        /** Moves {@link #day} to the end of the segment; false when an open-ended stop halts the clock. */
        boolean advance(Segment segment) {
            int toCount = segment.length();
            boolean workingDays = segment.unit() == ClockUnit.working_days;
            if (segment.unit() == ClockUnit.months) {
                LocalDate end = monthOrigin != null
                        ? endOfSameDayMonths(monthOrigin, segment.length())
                        : day.plusMonths(segment.length());
                toCount = (int) ChronoUnit.DAYS.between(day, end);
            }
            monthOrigin = null;
            int guard = 0;
            while (toCount > 0) {
                if (++guard > MAX_DAYS) {
                    throw new TooLong();
                }
                LocalDate next = day.plusDays(1);
                ClockStop stop = stopOn(next);
                if (stop != null && stop.to() == null) {
                    stoppedSince = stop.from();
                    return false;
                }
                day = next;
                boolean counts = !workingDays || isWorkingDay(next);
                if (stop != null) {
                    if (counts) {
                        stoppedDays++;
                    }
                    continue;
                }
                if (counts) {
                    toCount--;
                }
            }
            return true;
        }

        /**
         * The last day of {@code months} months beginning with {@code first}: the day before the day of the last month
         * with {@code first}'s day number (BGB § 188(2), second case: beginning 1 March, one month ends 31 March); when
         * the last month has no such day, its last day (§ 188(3): beginning 31 March, one month ends 30 April, not 29).
         */
        private static LocalDate endOfSameDayMonths(LocalDate first, int months) {
            LocalDate sameNumber = first.plusMonths(months); // the month's last day when it has no such number
            return sameNumber.getDayOfMonth() < first.getDayOfMonth() ? sameNumber : sameNumber.minusDays(1);
        }

        private boolean isWorkingDay(LocalDate d) {
            touch(d);
            return calendar.isWorkingDay(d);
        }

        void touch(LocalDate d) {
            if (!calendar.covers(d.getYear())) {
                uncovered.add(d.getYear());
            }
        }

        private ClockStop stopOn(LocalDate d) {
            for (ClockStop stop : stops) {
                if (!d.isBefore(stop.from()) && (stop.to() == null || !d.isAfter(stop.to()))) {
                    return stop;
                }
            }
            return null;
        }
    }
}
