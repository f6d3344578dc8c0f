package com.dealradar.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.region.holidays.ChinaHolidayFile;
import com.dealradar.region.holidays.JollydayCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statutory deadline arithmetic with the real holiday data of each region. */
class DeadlineCalculatorTest {

    static final WorkingCalendar GB = new JollydayCalendar("GB", List.of("eng", "wls", "sct", "nir"));
    static final WorkingCalendar DE = new JollydayCalendar("DE", List.of());
    static final WorkingCalendar CN = ChinaHolidayFile.load("holidays/cn.json");
    static final WorkingCalendar WEEKENDS = WorkingCalendar.weekendsOnly("weekends only");

    static StatutoryClock clock(int length, ClockUnit unit) {
        return clock(length, unit, null);
    }

    static StatutoryClock clock(int length, ClockUnit unit, Boolean endsOnWorkingDay) {
        return clock(length, unit, endsOnWorkingDay, null);
    }

    static StatutoryClock clock(int length, ClockUnit unit, Boolean endsOnWorkingDay, FirstCountedDay first) {
        return new StatutoryClock(
                "assessment",
                "Assessment period",
                length,
                unit,
                MatterStatus.phase2,
                Set.of(MatterStatus.phase2),
                List.of(new ClockExtension("additional", "Additional period", 45, ClockUnit.working_days)),
                true,
                endsOnWorkingDay,
                null,
                first,
                null);
    }

    static LocalDate due(StatutoryClock clock, String start, WorkingCalendar calendar) {
        return DeadlineCalculator.compute(clock, LocalDate.parse(start), List.of(), List.of(), calendar)
                .dueOn();
    }

    @Test
    void nsiaCallInAssessmentCountsFromTheDayOfTheNoticeThenTheAdditionalPeriod() {
        // NSIA s.23(2)-(3)(a): 30 working days "beginning with the day on which the call-in notice is given".
        // Call-in notice on Wed 20 March 2024 = working day 1. Good Friday (29 Mar) and Easter Monday (1 Apr) are not
        // working days: 20-28 Mar = 7, 2-30 Apr = 21 (28), 1-2 May = 30. Due Thu 2 May 2024.
        StatutoryClock assessment = clock(30, ClockUnit.working_days, null, FirstCountedDay.same_day);
        Deadline first =
                DeadlineCalculator.compute(assessment, LocalDate.parse("2024-03-20"), List.of(), List.of(), GB);
        assertThat(first.dueOn()).isEqualTo(LocalDate.parse("2024-05-02"));
        assertThat(first.firstCountedDay()).isEqualTo(FirstCountedDay.same_day);
        assertThat(first.warnings()).isEmpty();
        // s.23(3)(b): + 45 working days "beginning with the first working day after the day on which the initial period
        // ends" (Fri 3 May), skipping the early May (6 May) and spring (27 May) bank holidays.
        Deadline extended = DeadlineCalculator.compute(
                assessment,
                LocalDate.parse("2024-03-20"),
                List.of(new DeadlineCalculator.Segment("Additional period", 45, ClockUnit.working_days)),
                List.of(),
                GB);
        assertThat(extended.dueOn()).isEqualTo(LocalDate.parse("2024-07-08"));
        assertThat(extended.extensions()).containsExactly("Additional period: 45 working_days");
    }

    @Test
    void nsiaReviewPeriodCountsFromTheFirstWorkingDayAfterAcceptance() {
        // s.14: accepted Wed 20 March 2024; day 1 is Thu 21 March, so the due date is one working day after the
        // call-in clock's: Fri 3 May 2024.
        StatutoryClock review = clock(30, ClockUnit.working_days, null, FirstCountedDay.next_day);
        assertThat(due(review, "2024-03-20", GB)).isEqualTo("2024-05-03");
        assertThat(due(clock(30, ClockUnit.working_days), "2024-03-20", GB))
                .as("next_day is the default")
                .isEqualTo("2024-05-03");
    }

    @Test
    void aSameDayClockStartingOnANonWorkingDayBeginsOnTheNextWorkingDay() {
        // A notice given on Sat 23 March 2024: the Saturday is not a working day, so Mon 25 March is day 1.
        StatutoryClock assessment = clock(1, ClockUnit.working_days, null, FirstCountedDay.same_day);
        assertThat(due(assessment, "2024-03-23", GB)).isEqualTo("2024-03-25");
        assertThat(due(assessment, "2024-03-22", GB)).isEqualTo("2024-03-22");
    }

    @Test
    void awvMonthPeriodsBeforeAndAfterJuly2020() {
        // Knowledge of the signing on Wed 15 July 2020 (AWV § 55(3), three months, BGB § 187(1)/188(2)): ends 15 Oct
        // 2020.
        assertThat(due(clock(3, ClockUnit.months), "2020-07-15", DE)).isEqualTo("2020-10-15");
        // Knowledge on Fri 17 July 2020 (§ 14a(1) no. 1 AWG, two months): ends 17 Sep 2020.
        assertThat(due(clock(2, ClockUnit.months), "2020-07-17", DE)).isEqualTo("2020-09-17");
        // A same-day month period ends the day before the same day number (BGB § 188(2) second case).
        assertThat(due(clock(2, ClockUnit.months, null, FirstCountedDay.same_day), "2020-07-17", DE))
                .isEqualTo("2020-09-16");
        assertThat(due(clock(1, ClockUnit.months, null, FirstCountedDay.same_day), "2021-03-01", DE))
                .isEqualTo("2021-03-31");
    }

    @Test
    void chinaSpecialReviewWas45WorkingDaysUnderThe2020MeasuresAnd90Since2022() {
        // Special review started Mon 7 June 2021 (2020 measures): 45 working days from 8 June, Dragon Boat (Mon 14 Jun)
        // off: June 16, July 22, 2-10 August 7 -> Tue 10 Aug 2021.
        // Started Mon 5 June 2023 (2022 measures): 90 working days; Dragon Boat 22-23 Jun off, Sun 25 Jun worked;
        // 29 Sep-6 Oct off, Sat 7 and Sun 8 Oct worked: June 18, July 21, August 23, September 20, October 8 -> Mon 16
        // Oct.
        LocalDate due45 = DeadlineCalculator.compute(
                        clock(45, ClockUnit.working_days), LocalDate.parse("2021-06-07"), List.of(), List.of(), CN)
                .dueOn();
        LocalDate due90 = DeadlineCalculator.compute(
                        clock(90, ClockUnit.working_days), LocalDate.parse("2023-06-05"), List.of(), List.of(), CN)
                .dueOn();
        System.out.println(
                "CN special review: 45 wd from 2021-06-07 -> " + due45 + "; 90 wd from 2023-06-05 -> " + due90);
        assertThat(due45).isEqualTo("2021-08-10");
        assertThat(due90).isEqualTo("2023-10-16");
    }

    @Test
    void weekendsAreSkipped() {
        // Fri 5 Jan 2024 + 1 working day = Mon 8 Jan; + 5 = Fri 12 Jan.
        assertThat(due(clock(1, ClockUnit.working_days), "2024-01-05", WEEKENDS))
                .isEqualTo("2024-01-08");
        assertThat(due(clock(5, ClockUnit.working_days), "2024-01-05", WEEKENDS))
                .isEqualTo("2024-01-12");
    }

    @Test
    void ukHolidaysOfEveryNationCount() {
        // 5 Aug 2024 is Scotland's summer bank holiday (England's is 26 Aug): a day off under the NSIA definition.
        assertThat(GB.isWorkingDay(LocalDate.parse("2024-08-05"))).isFalse();
        assertThat(GB.isWorkingDay(LocalDate.parse("2024-08-26"))).isFalse();
        // 12 July (Battle of the Boyne, Northern Ireland); 25 and 26 Dec 2024; substitute day for Boxing Day 2021 (Tue
        // 28 Dec).
        assertThat(GB.isWorkingDay(LocalDate.parse("2024-07-12"))).isFalse();
        assertThat(GB.isWorkingDay(LocalDate.parse("2021-12-28"))).isFalse();
        assertThat(GB.isWorkingDay(LocalDate.parse("2024-08-06"))).isTrue();
        // Fri 2 Aug 2024 + 1 working day = Tue 6 Aug.
        assertThat(due(clock(1, ClockUnit.working_days), "2024-08-02", GB)).isEqualTo("2024-08-06");
    }

    @Test
    void germanHolidays() {
        // German Unity Day (Thu 3 Oct 2024): Wed 2 Oct + 1 working day = Fri 4 Oct.
        assertThat(due(clock(1, ClockUnit.working_days), "2024-10-02", DE)).isEqualTo("2024-10-04");
        // Christmas: Mon 23 Dec 2024 + 3 working days = Mon 30 Dec (24 and 27 Dec are working days, 25/26 not).
        assertThat(due(clock(3, ClockUnit.working_days), "2024-12-23", DE)).isEqualTo("2024-12-30");
        assertThat(DE.isWorkingDay(LocalDate.parse("2024-12-24"))).isTrue();
        assertThat(DE.isWorkingDay(LocalDate.parse("2024-05-01"))).isFalse();
    }

    @Test
    void chineseHolidaysAndMakeUpWorkingDays() {
        // Fri 27 Sep 2024: Sun 29 Sep is a make-up working day, 1-7 Oct are National Day holidays.
        assertThat(CN.isWorkingDay(LocalDate.parse("2024-09-29"))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.parse("2024-10-04"))).isFalse();
        assertThat(due(clock(5, ClockUnit.working_days), "2024-09-27", CN)).isEqualTo("2024-10-10");
        // Spring Festival 2018 (15-21 Feb) with make-up Sat 24 Feb.
        assertThat(due(clock(2, ClockUnit.working_days), "2018-02-14", CN)).isEqualTo("2018-02-23");
        assertThat(due(clock(3, ClockUnit.working_days), "2018-02-14", CN)).isEqualTo("2018-02-24");
    }

    @Test
    void chinaOutsideTheCoveredYearsSaysSo() {
        // The data ends with 2026 (the State Council's notice of 4 November 2025); 2027's is not published yet.
        Deadline deadline = DeadlineCalculator.compute(
                clock(5, ClockUnit.working_days), LocalDate.parse("2027-01-04"), List.of(), List.of(), CN);
        assertThat(deadline.dueOn()).isEqualTo("2027-01-11");
        assertThat(deadline.warnings())
                .singleElement()
                .asString()
                .contains("[2027]")
                .contains("only weekends");
        Deadline covered = DeadlineCalculator.compute(
                clock(5, ClockUnit.working_days), LocalDate.parse("2026-03-02"), List.of(), List.of(), CN);
        assertThat(covered.warnings()).isEmpty();
        assertThat(CN.description()).contains("2017-2026");
    }

    @Test
    void china2026FromTheStateCouncilNotice() {
        // 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025): Spring Festival 15-23 Feb off, Sat 14 and Sat 28 Feb
        // worked; Mid-Autumn 25-27 Sep and National Day 1-7 Oct off, Sun 20 Sep and Sat 10 Oct worked.
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-01-02"))).isFalse();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-02-23"))).isFalse();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-05-05"))).isFalse();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-05-09"))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-06-19"))).isFalse();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse();
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        // The CAC's 30 working days from acceptance on Fri 18 Sep 2026: Sun 20 Sep (1), 21-24 Sep (5), 28-30 Sep (8),
        // 8-9 Oct (10), Sat 10 Oct (11), 12-16 (16), 19-23 (21), 26-30 (26), 2-5 Nov (30): Thu 5 Nov, not the 30 Oct a
        // weekends-only count gives.
        Deadline autumn = DeadlineCalculator.compute(
                clock(30, ClockUnit.working_days), LocalDate.parse("2026-09-18"), List.of(), List.of(), CN);
        assertThat(autumn.dueOn()).isEqualTo("2026-11-05");
        assertThat(autumn.warnings()).isEmpty();
        // Accepted Fri 6 Feb 2026: 9-13 Feb (5), Sat 14 (6), 24-27 (10), Sat 28 (11), then 19 more to Thu 26 Mar.
        assertThat(due(clock(30, ClockUnit.working_days), "2026-02-06", CN)).isEqualTo("2026-03-26");
    }

    @Test
    void calendarDays() {
        assertThat(due(clock(30, ClockUnit.days), "2024-01-15", WEEKENDS)).isEqualTo("2024-02-14");
        assertThat(due(clock(30, ClockUnit.days), "2017-12-20", CN)).isEqualTo("2018-01-19");
    }

    @Test
    void monthEnds() {
        assertThat(due(clock(1, ClockUnit.months), "2024-01-31", WEEKENDS)).isEqualTo("2024-02-29");
        assertThat(due(clock(1, ClockUnit.months), "2023-01-31", WEEKENDS)).isEqualTo("2023-02-28");
        assertThat(due(clock(2, ClockUnit.months), "2023-12-31", WEEKENDS)).isEqualTo("2024-02-29");
        assertThat(due(clock(4, ClockUnit.months), "2024-10-31", WEEKENDS)).isEqualTo("2025-02-28");
        assertThat(due(clock(2, ClockUnit.months), "2024-01-10", DE)).isEqualTo("2024-03-10");
    }

    @Test
    void clockStopsMoveTheDeadline() {
        // Stop Mon 8 - Fri 12 April 2024: five working days do not count; the deadline moves from 3 May past the 6 May
        // bank holiday.
        Deadline stopped = DeadlineCalculator.compute(
                clock(30, ClockUnit.working_days),
                LocalDate.parse("2024-03-20"),
                List.of(),
                List.of(new ClockStop(
                        LocalDate.parse("2024-04-08"), LocalDate.parse("2024-04-12"), "information notice")),
                GB);
        assertThat(stopped.dueOn()).isEqualTo("2024-05-13");
        assertThat(stopped.stoppedDays()).isEqualTo(5);
        assertThat(stopped.clockStopped()).isFalse();
        // Calendar months: a 5-day stop pushes a 2-month period by 5 days.
        Deadline months = DeadlineCalculator.compute(
                clock(2, ClockUnit.months),
                LocalDate.parse("2024-01-10"),
                List.of(),
                List.of(new ClockStop(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-05"), null)),
                DE);
        assertThat(months.dueOn()).isEqualTo("2024-03-15");
        // A stop after the deadline changes nothing.
        assertThat(DeadlineCalculator.compute(
                                clock(30, ClockUnit.working_days),
                                LocalDate.parse("2024-03-20"),
                                List.of(),
                                List.of(new ClockStop(
                                        LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30"), null)),
                                GB)
                        .dueOn())
                .isEqualTo("2024-05-03");
    }

    @Test
    void aClockTheStatuteGivesNoStopRunsThroughRecordedStops() {
        // NSIA s. 14: the review period cannot be stopped (s. 24 stops only the assessment period). Accepted Wed 6 Mar
        // 2024: 30 working days from Thu 7 Mar, Good Friday and Easter Monday off: Mon 22 Apr, stop or no stop.
        StatutoryClock review = new StatutoryClock(
                "review",
                "Review period",
                30,
                ClockUnit.working_days,
                MatterStatus.accepted,
                Set.of(MatterStatus.accepted),
                null,
                null,
                null,
                null,
                FirstCountedDay.next_day,
                null);
        Deadline deadline = DeadlineCalculator.compute(
                review,
                LocalDate.parse("2024-03-06"),
                List.of(),
                List.of(new ClockStop(LocalDate.parse("2024-03-11"), LocalDate.parse("2024-03-22"), "notice")),
                GB);
        assertThat(deadline.dueOn()).isEqualTo("2024-04-22");
        assertThat(deadline.stoppedDays()).isZero();
        assertThat(deadline.warnings())
                .singleElement()
                .asString()
                .contains("cannot be stopped")
                .contains("2024-03-11");
        // An open-ended stop does not halt it either.
        Deadline open = DeadlineCalculator.compute(
                review,
                LocalDate.parse("2024-03-06"),
                List.of(),
                List.of(new ClockStop(LocalDate.parse("2024-03-11"), null, "notice")),
                GB);
        assertThat(open.clockStopped()).isFalse();
        assertThat(open.dueOn()).isEqualTo("2024-04-22");
        // A stop that ended before the clock started is not mentioned.
        assertThat(DeadlineCalculator.compute(
                                review,
                                LocalDate.parse("2024-03-06"),
                                List.of(),
                                List.of(new ClockStop(
                                        LocalDate.parse("2024-02-01"), LocalDate.parse("2024-03-06"), null)),
                                GB)
                        .warnings())
                .isEmpty();
    }

    @Test
    void anOpenEndedStopHaltsTheClock() {
        Deadline halted = DeadlineCalculator.compute(
                clock(30, ClockUnit.working_days),
                LocalDate.parse("2024-03-20"),
                List.of(),
                List.of(new ClockStop(LocalDate.parse("2024-04-08"), null, "information notice")),
                GB);
        assertThat(halted.dueOn()).isNull();
        assertThat(halted.clockStopped()).isTrue();
        assertThat(halted.warnings()).singleElement().asString().contains("stopped since 2024-04-08");
    }

    @Test
    void extensionsInTheirOwnUnit() {
        // 4 months + 3 months + 1 month from 15 Jan 2024 = 15 Sep 2024.
        Deadline deadline = DeadlineCalculator.compute(
                clock(4, ClockUnit.months),
                LocalDate.parse("2024-01-15"),
                List.of(
                        new DeadlineCalculator.Segment("difficult", 3, ClockUnit.months),
                        new DeadlineCalculator.Segment("defence", 1, ClockUnit.months)),
                List.of(),
                DE);
        assertThat(deadline.dueOn()).isEqualTo("2024-09-15");
    }

    @Test
    void aPeriodEndingOnANonWorkingDayMayRollForward() {
        // 30 days from 1 March 2024 end on Easter Sunday 31 March; Easter Monday is a bank holiday, so Tue 2 April.
        assertThat(due(clock(30, ClockUnit.days), "2024-03-01", GB)).isEqualTo("2024-03-31");
        assertThat(due(clock(30, ClockUnit.days, true), "2024-03-01", GB)).isEqualTo("2024-04-02");
    }

    @Test
    void unknownStartGivesNoDate() {
        Deadline deadline =
                DeadlineCalculator.compute(clock(30, ClockUnit.working_days), null, List.of(), List.of(), GB);
        assertThat(deadline.dueOn()).isNull();
        assertThat(deadline.warnings()).singleElement().asString().contains("not recorded");
    }

    @Test
    void aSameDayMonthsClockEndsTheDayBeforeTheSameDateOfTheLastMonth() {
        // "A period of one month beginning with 15 January" ends on 14 February; counted from the day after, 15
        // February.
        assertThat(due(clock(1, ClockUnit.months, null, FirstCountedDay.same_day), "2024-01-15", WEEKENDS))
                .isEqualTo("2024-02-14");
        assertThat(due(clock(1, ClockUnit.months, null, FirstCountedDay.next_day), "2024-01-15", WEEKENDS))
                .isEqualTo("2024-02-15");
    }

    @Test
    void aSameDayMonthsClockThatBeginsLateInAMonthEndsOnTheLastDayOfAShorterMonth() {
        // BGB § 188(3): the last month has no day before the start's day number, so the period ends on its last day.
        // Beginning with 31 March, one month: April has no 31st, so the period ends on its last day, 30 April.
        assertThat(sameDayMonths(1, "2025-03-31")).isEqualTo("2025-04-30");
        // Beginning with 31 January or 30 January, one month: February has no 31st or 30th; it ends 28 Feb (29 in a
        // leap year).
        assertThat(sameDayMonths(1, "2025-01-31")).isEqualTo("2025-02-28");
        assertThat(sameDayMonths(1, "2025-01-30")).isEqualTo("2025-02-28");
        assertThat(sameDayMonths(1, "2024-01-30")).isEqualTo("2024-02-29");
        // Beginning with 29 January: February has a 29th only in a leap year; the day before it, or February's last.
        assertThat(sameDayMonths(1, "2024-01-29")).isEqualTo("2024-02-28");
        assertThat(sameDayMonths(1, "2025-01-29")).isEqualTo("2025-02-28");
        // Beginning with 31 August, six months: 28 February; beginning with 31 December, three months: 30 March
        // (March has a 31st).
        assertThat(sameDayMonths(6, "2025-08-31")).isEqualTo("2026-02-28");
        assertThat(sameDayMonths(3, "2025-12-31")).isEqualTo("2026-03-30");
        // The same starts counted from the next day (§ 188(2), first case) land on the start's day number or the
        // month's last day.
        assertThat(due(clock(1, ClockUnit.months), "2025-03-31", WEEKENDS)).isEqualTo("2025-04-30");
        assertThat(due(clock(1, ClockUnit.months), "2025-01-31", WEEKENDS)).isEqualTo("2025-02-28");
    }

    private static LocalDate sameDayMonths(int months, String start) {
        return due(clock(months, ClockUnit.months, null, FirstCountedDay.same_day), start, WEEKENDS);
    }

    @Test
    void aCalendarWithoutHolidayDataSaysSoInEveryWorkingDayAnswer() {
        // Wed 20 March 2024 + 5 working days (weekends skipped only) = Wed 27 March.
        Deadline deadline = DeadlineCalculator.compute(
                clock(5, ClockUnit.working_days), LocalDate.parse("2024-03-20"), List.of(), List.of(), WEEKENDS);
        assertThat(deadline.dueOn()).isEqualTo("2024-03-27");
        assertThat(deadline.calendar()).isEqualTo("weekends only");
        assertThat(deadline.warnings())
                .singleElement()
                .asString()
                .contains("public holidays of [2024] are not in the holiday data (weekends only)");
        // Across New Year: both years named; no clock-stops given (null) is the same as none.
        Deadline acrossTheYear = DeadlineCalculator.compute(
                clock(10, ClockUnit.working_days), LocalDate.parse("2024-12-20"), List.of(), null, WEEKENDS);
        assertThat(acrossTheYear.dueOn()).isEqualTo("2025-01-03");
        assertThat(acrossTheYear.warnings())
                .singleElement()
                .asString()
                .contains("public holidays of [2024, 2025] are not in the holiday data")
                .contains("in those years");
    }

    @Test
    void rollingADueDateForwardIntoAYearWithoutHolidayDataWarns() {
        // China's holiday data covers 2017-2026. 10 calendar days after Wed 26 Dec 2029 is Sat 5 Jan 2030; a period
        // that must end on a working day moves to Mon 7 Jan 2030, a year whose holidays are unknown.
        Deadline deadline = DeadlineCalculator.compute(
                clock(10, ClockUnit.days, true), LocalDate.parse("2029-12-26"), List.of(), List.of(), CN);
        assertThat(deadline.dueOn()).isEqualTo("2030-01-07");
        assertThat(deadline.warnings()).singleElement().asString().contains("public holidays of [2030]");
        // Inside the covered years the same rule gives no warning.
        assertThat(DeadlineCalculator.compute(
                                clock(10, ClockUnit.days, true),
                                LocalDate.parse("2024-03-20"),
                                List.of(),
                                List.of(),
                                CN)
                        .warnings())
                .isEmpty();
    }

    /**
     * A period that must end on a working day and ends on a weekday of a year without holiday data: the day may be a
     * holiday nobody knows of, and the answer says so. China's data covers 2017-2026; 30 calendar days after Wed 2 Dec
     * 2026 is Fri 1 Jan 2027, New Year's Day every year, which the data cannot show.
     */
    @Test
    void aPeriodEndingOnAWeekdayOfAYearWithoutHolidayDataWarns() {
        Deadline deadline = DeadlineCalculator.compute(
                clock(30, ClockUnit.days, true), LocalDate.parse("2026-12-02"), List.of(), List.of(), CN);
        assertThat(deadline.dueOn()).isEqualTo("2027-01-01");
        assertThat(deadline.warnings()).singleElement().asString().contains("public holidays of [2027]");
        // Before the data begins, the same: 30 days after 4 Sep 2016 is Tue 4 Oct 2016, inside National Day week.
        assertThat(DeadlineCalculator.compute(
                                clock(30, ClockUnit.days, true),
                                LocalDate.parse("2016-09-04"),
                                List.of(),
                                List.of(),
                                CN)
                        .warnings())
                .singleElement()
                .asString()
                .contains("public holidays of [2016]");
        // A calendar-day clock that may end on any day needs no holidays: no warning.
        assertThat(DeadlineCalculator.compute(
                                clock(30, ClockUnit.days), LocalDate.parse("2026-12-02"), List.of(), List.of(), CN)
                        .warnings())
                .isEmpty();
    }

    /** Probe-api item 4: a due date past 9999-12-31 would be written "+10000-..." in JSON and iCalendar. */
    @Test
    void aDueDateBeyondYear9999IsNotComputed() {
        Deadline deadline = DeadlineCalculator.compute(
                clock(30, ClockUnit.days), LocalDate.parse("9999-12-20"), List.of(), List.of(), WEEKENDS);
        assertThat(deadline.dueOn()).isNull();
        assertThat(deadline.clockStopped()).isFalse();
        assertThat(deadline.warnings()).anySatisfy(w -> assertThat(w).contains("after 9999-12-31"));
        assertThat(DeadlineCalculator.compute(
                                clock(11, ClockUnit.days),
                                LocalDate.parse("9999-12-20"),
                                List.of(),
                                List.of(),
                                WEEKENDS)
                        .dueOn())
                .isEqualTo(LocalDate.parse("9999-12-31"));
    }

    /** A period longer than any statute's (a regime may declare 3650 months) is answered without a due date, not a 500. */
    @Test
    void aPeriodThatDoesNotEndWithinTheGuardHasNoDueDate() {
        Deadline deadline = DeadlineCalculator.compute(
                clock(3650, ClockUnit.months), LocalDate.parse("2024-01-10"), List.of(), List.of(), WEEKENDS);
        assertThat(deadline.dueOn()).isNull();
        assertThat(deadline.startsOn()).isEqualTo(LocalDate.parse("2024-01-10"));
        assertThat(deadline.warnings()).anySatisfy(w -> assertThat(w).contains("3650 months"));
    }
}
