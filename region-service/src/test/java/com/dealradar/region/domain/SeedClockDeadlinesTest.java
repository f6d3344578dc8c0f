package com.dealradar.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.region.holidays.ChinaHolidayFile;
import com.dealradar.region.holidays.HolidayCalendars;
import com.dealradar.region.holidays.JollydayCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A worked deadline for every statutory clock of the shipped seed: the clock is taken from the regime version in
 * force on the day it starts (as a matter's deadline is), counted with the region's holiday data from the first
 * counted day its statute gives, and the due date is asserted to the day. Each expected date was counted by hand
 * from the statute's rule (the comments say how). A clock added to the seed without a worked example here fails
 * {@link #everySeededClockHasAWorkedDeadline()}.
 */
class SeedClockDeadlinesTest {

    static final Map<String, Regime> REGIMES = SeedRegimes.regimes();

    /** As the service configures them (application.properties: gb=eng,wls,sct,nir; CN from holidays/cn.json). */
    static final Map<String, WorkingCalendar> CALENDARS = Map.of(
            "GB", new JollydayCalendar("GB", List.of("eng", "wls", "sct", "nir")),
            "DE", new JollydayCalendar("DE", List.of()),
            "CN", ChinaHolidayFile.load("holidays/cn.json"));

    /** The calendar a clock counts with, as HolidayCalendars.forClock chooses it: its own holiday regions, else the region's. */
    static WorkingCalendar calendarOf(Regime regime, StatutoryClock clock) {
        if (clock.holidayRegions() == null || clock.holidayRegions().isEmpty()) {
            return CALENDARS.get(regime.regionCode);
        }
        return new JollydayCalendar(
                regime.regionCode, HolidayCalendars.subdivisions(regime.regionCode, clock.holidayRegions()));
    }

    /** One worked example: the clock of {@code version} ("single" for a regime without versions) started on {@code start}. */
    record Worked(String regime, String version, String clock, FirstCountedDay first, String start, String due) {
        String key() {
            return regime + "/" + version + "/" + clock;
        }
    }

    static final List<Worked> WORKED = List.of(
            // Calendar days from the day after receipt (Civil Code art. 201): 27 Mar 2017 + 60 days.
            new Worked("CN-MIIT-VATS", "single", "licence", FirstCountedDay.next_day, "2017-03-27", "2017-05-26"),
            // CAC 2020: working days from the day after, with China's holidays and make-up working days.
            // Filing Mon 2 Nov 2020: 3-6 Nov (4), 9-13 (9), 16 Nov (10).
            new Worked("CN-CAC-CSR", "CSRM-2020", "filing", FirstCountedDay.next_day, "2020-11-02", "2020-11-16"),
            // Accepted Mon 16 Nov 2020: 17 Nov to 28 Dec, no holiday in between: 30 working days.
            new Worked("CN-CAC-CSR", "CSRM-2020", "initial", FirstCountedDay.next_day, "2020-11-16", "2020-12-28"),
            // Special review from Mon 14 Dec 2020: New Year (1 Jan) and the Spring Festival (11-17 Feb 2021) are off,
            // Sun 7 Feb and Sat 20 Feb 2021 are make-up working days: the 45th working day is Saturday 20 Feb.
            new Worked("CN-CAC-CSR", "CSRM-2020", "special", FirstCountedDay.next_day, "2020-12-14", "2021-02-20"),
            // CAC 2022: filing Tue 1 Mar 2022: 2-4 Mar (3), 7-11 (8), 14-15 (10).
            new Worked("CN-CAC-CSR", "CSRM-2022", "filing", FirstCountedDay.next_day, "2022-03-01", "2022-03-15"),
            // Accepted Tue 15 Mar 2022: Sat 2 Apr works, Qingming 3-5 Apr is off, Sun 24 Apr works: due Tue 26 Apr.
            new Worked("CN-CAC-CSR", "CSRM-2022", "initial", FirstCountedDay.next_day, "2022-03-15", "2022-04-26"),
            // Special review (90 working days since 15 Feb 2022) from Mon 6 Jun 2022, across Mid-Autumn (10-12 Sep)
            // and National Day (1-7 Oct, make-up 8-9 Oct): due Fri 14 Oct 2022.
            new Worked("CN-CAC-CSR", "CSRM-2022", "special", FirstCountedDay.next_day, "2022-06-06", "2022-10-14"),
            // AML: calendar days from the day after receipt of a complete notification; a last day that is a rest
            // day or a public holiday gives way to the first working day after it (Civil Code art. 203).
            // 1 Sep 2017 + 30 days is Sun 1 Oct, inside National Day (1-8 Oct): due Mon 9 Oct.
            new Worked("CN-AML", "AML-2008", "phase1", FirstCountedDay.next_day, "2017-09-01", "2017-10-09"),
            // 2 Oct 2017 + 90 days is Sun 31 Dec, inside New Year (30 Dec - 1 Jan): due Tue 2 Jan 2018.
            new Worked("CN-AML", "AML-2008", "phase2", FirstCountedDay.next_day, "2017-10-02", "2018-01-02"),
            // Fri 31 Mar 2023, a working day: stays.
            new Worked("CN-AML", "AML-2022", "phase1", FirstCountedDay.next_day, "2023-03-01", "2023-03-31"),
            // Sun 2 Jul 2023: Mon 3 Jul.
            new Worked("CN-AML", "AML-2022", "phase2", FirstCountedDay.next_day, "2023-04-03", "2023-07-03"),
            // 2024 is a leap year: 1 Feb + 30 days is Sat 2 Mar: Mon 4 Mar.
            new Worked("CN-AML", "AML-2024-THRESHOLDS", "phase1", FirstCountedDay.next_day, "2024-02-01", "2024-03-04"),
            // Sun 2 Jun 2024: Mon 3 Jun.
            new Worked("CN-AML", "AML-2024-THRESHOLDS", "phase2", FirstCountedDay.next_day, "2024-03-04", "2024-06-03"),
            // AWV/AWG months: BGB § 187(1) and § 188(2): the period ends on the day with the event's number; when the
            // last month has no such day, on its last day (§ 188(3)).
            new Worked("DE-AWV", "AWV-2013", "phase1", FirstCountedDay.next_day, "2016-03-15", "2016-06-15"),
            new Worked("DE-AWV", "AWV-2013", "phase2", FirstCountedDay.next_day, "2016-06-20", "2016-08-20"),
            // 30 Nov 2017 + 3 months: February 2018 has no 30th, so 28 Feb.
            new Worked("DE-AWV", "AWV-2017", "phase1", FirstCountedDay.next_day, "2017-11-30", "2018-02-28"),
            new Worked("DE-AWV", "AWV-2017", "phase2", FirstCountedDay.next_day, "2018-03-01", "2018-07-01"),
            new Worked("DE-AWV", "AWV-2018", "phase1", FirstCountedDay.next_day, "2019-05-10", "2019-08-10"),
            // 31 Oct 2019 + 4 months: 29 Feb 2020 (leap year).
            new Worked("DE-AWV", "AWV-2018", "phase2", FirstCountedDay.next_day, "2019-10-31", "2020-02-29"),
            // Two months since 17 July 2020: 31 Dec 2020 + 2 months is 28 Feb 2021.
            new Worked("DE-AWV", "AWG-2020", "phase1", FirstCountedDay.next_day, "2020-12-31", "2021-02-28"),
            new Worked("DE-AWV", "AWG-2020", "phase2", FirstCountedDay.next_day, "2020-09-15", "2021-01-15"),
            new Worked("DE-AWV", "AWV-2021", "phase1", FirstCountedDay.next_day, "2022-05-05", "2022-07-05"),
            new Worked("DE-AWV", "AWV-2021", "phase2", FirstCountedDay.next_day, "2022-07-06", "2022-11-06"),
            // § 9b(3) BSIG: two months from the notification of 31 Jan 2022: 31 Mar.
            new Worked("DE-BSIG-9B", "single", "review", FirstCountedDay.next_day, "2022-01-31", "2022-03-31"),
            // GWB § 40(1)-(2): one month (first phase) and four, since 2021 five, months (second phase), both from
            // receipt
            // of the complete notification; BGB §§ 187(1), 188(2)-(3) as for the AWV.
            new Worked("DE-GWB", "GWB-2013", "phase1", FirstCountedDay.next_day, "2016-03-15", "2016-04-15"),
            new Worked("DE-GWB", "GWB-2013", "phase2", FirstCountedDay.next_day, "2016-01-29", "2016-05-29"),
            // 31 Jan 2018 + 1 month: February has no 31st, so 28 Feb; 31 Oct 2018 + 4 months: 28 Feb 2019.
            new Worked("DE-GWB", "GWB-2017", "phase1", FirstCountedDay.next_day, "2018-01-31", "2018-02-28"),
            new Worked("DE-GWB", "GWB-2017", "phase2", FirstCountedDay.next_day, "2018-10-31", "2019-02-28"),
            new Worked("DE-GWB", "GWB-2021", "phase1", FirstCountedDay.next_day, "2021-03-15", "2021-04-15"),
            // 30 Sep 2021 + 5 months: 28 Feb 2022.
            new Worked("DE-GWB", "GWB-2021", "phase2", FirstCountedDay.next_day, "2021-09-30", "2022-02-28"),
            // Enterprise Act s. 39(1): 24 weeks beginning with the date of the reference, so that day is day 1 and
            // the period ends the day before the same weekday 24 weeks on: reference Tue 15 Jan 2008, due Mon 30 Jun.
            new Worked("UK-EA02", "EA02-OFT", "phase2", FirstCountedDay.same_day, "2008-01-15", "2008-06-30"),
            // s. 34ZA(3): 40 working days beginning with the first working day after; Sep-Oct has no UK bank
            // holiday: Tue 1 Sep 2015 -> 2-4 Sep (3) + 7 full weeks (38) + 26-27 Oct (40).
            new Worked("UK-EA02", "EA02-CMA", "phase1", FirstCountedDay.next_day, "2015-09-01", "2015-10-27"),
            new Worked("UK-EA02", "EA02-CMA", "phase2", FirstCountedDay.same_day, "2016-05-10", "2016-10-24"),
            new Worked("UK-EA02", "EA02-2018", "phase1", FirstCountedDay.next_day, "2018-09-03", "2018-10-29"),
            new Worked("UK-EA02", "EA02-2018", "phase2", FirstCountedDay.same_day, "2019-03-12", "2019-08-26"),
            new Worked("UK-EA02", "EA02-2020", "phase1", FirstCountedDay.next_day, "2021-09-01", "2021-10-27"),
            new Worked("UK-EA02", "EA02-2020", "phase2", FirstCountedDay.same_day, "2020-09-08", "2021-02-22"),
            // s. 129(1): only England and Wales bank holidays. From Wed 2 Mar 2022: Good Friday (15 Apr) and Easter
            // Monday
            // (18 Apr) are skipped, Northern Ireland's St Patrick's Day (Thu 17 Mar) is a working day: Thu 28 Apr (a
            // count
            // with every UK nation's holidays gives 29 Apr).
            new Worked("UK-EA02", "EA02-2022", "phase1", FirstCountedDay.next_day, "2022-03-01", "2022-04-28"),
            new Worked("UK-EA02", "EA02-2022", "phase2", FirstCountedDay.same_day, "2023-01-10", "2023-06-26"),
            // From Tue 4 Mar 2025: Mon 17 Mar (Northern Ireland) counts, Good Friday (18 Apr) and Easter Monday (21
            // Apr) do
            // not: Wed 30 Apr.
            new Worked("UK-EA02", "EA02-DMCC", "phase1", FirstCountedDay.next_day, "2025-03-03", "2025-04-30"),
            new Worked("UK-EA02", "EA02-DMCC", "phase2", FirstCountedDay.same_day, "2025-06-10", "2025-11-24"),
            // NSIA s. 14: notice accepted Wed 20 Mar 2024, day 1 is Thu 21 Mar; Good Friday (29 Mar) and Easter
            // Monday (1 Apr) are not working days: due Fri 3 May 2024.
            new Worked("UK-NSIA", "single", "review", FirstCountedDay.next_day, "2024-03-20", "2024-05-03"),
            // NSIA s. 23(2)-(3)(a), the worked example: call-in notice given Wed 20 Mar 2024 is working day 1:
            // 20-28 Mar = 7, 2-30 Apr = 21 (28), 1-2 May = 30. Due Thu 2 May 2024, one working day before a
            // count from the day after would give.
            new Worked("UK-NSIA", "single", "assessment", FirstCountedDay.same_day, "2024-03-20", "2024-05-02"));

    static StatutoryClock clockOf(Regime regime, String version, String code, LocalDate start) {
        RegimeVersion inForce = regime.versionOn(start);
        assertThat(inForce.code())
                .as("the version in force on %s in %s", start, regime.code)
                .isEqualTo(version);
        assertThat(inForce.covers(start)).isTrue();
        return inForce.clocksOrEmpty().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(regime.code + " " + version + " has no clock " + code));
    }

    @TestFactory
    Stream<DynamicTest> everySeededClockGivesItsStatutoryDueDate() {
        return WORKED.stream()
                .map(w -> DynamicTest.dynamicTest(w.key() + " from " + w.start(), () -> {
                    Regime regime = REGIMES.get(w.regime());
                    LocalDate start = LocalDate.parse(w.start());
                    StatutoryClock clock = clockOf(regime, w.version(), w.clock(), start);
                    assertThat(clock.firstCountedDay()).as("stated in the seed").isEqualTo(w.first());
                    Deadline deadline =
                            DeadlineCalculator.compute(clock, start, List.of(), List.of(), calendarOf(regime, clock));
                    assertThat(deadline.dueOn()).as(w.key()).isEqualTo(LocalDate.parse(w.due()));
                    assertThat(deadline.firstCountedDay()).isEqualTo(w.first());
                    assertThat(deadline.warnings())
                            .as("holiday data covers the period")
                            .isEmpty();
                }));
    }

    @Test
    void everySeededClockHasAWorkedDeadline() {
        Set<String> seeded = new TreeSet<>();
        for (Regime regime : REGIMES.values()) {
            if (regime.versions.isEmpty()) {
                regime.clocks.forEach(c -> seeded.add(regime.code + "/single/" + c.code()));
            } else {
                regime.versions.forEach(
                        v -> v.clocksOrEmpty().forEach(c -> seeded.add(regime.code + "/" + v.code() + "/" + c.code())));
            }
        }
        Set<String> asked = WORKED.stream().map(Worked::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(asked).isEqualTo(seeded);
        assertThat(seeded).hasSize(43);
    }

    @Test
    void theEnterpriseActCountsEnglandAndWalesBankHolidaysTheNsiaThoseOfEveryPartOfTheUk() {
        // Enterprise Act 2002 s. 129(1): a working day is not a bank holiday "in England and Wales". Phase 1 accepted
        // Thu
        // 20 Jun 2019: 40 working days end Thu 15 Aug; Northern Ireland's 12 Jul and Scotland's 5 Aug are working days
        // (a count with every nation's holidays gave 19 Aug).
        Regime ea = REGIMES.get("UK-EA02");
        StatutoryClock phase1 = clockOf(ea, "EA02-2018", "phase1", LocalDate.parse("2019-06-20"));
        assertThat(phase1.holidayRegions()).containsExactly("GB-ENG", "GB-WLS");
        assertThat(DeadlineCalculator.compute(
                                phase1, LocalDate.parse("2019-06-20"), List.of(), List.of(), calendarOf(ea, phase1))
                        .dueOn())
                .isEqualTo("2019-08-15");
        assertThat(DeadlineCalculator.compute(
                                phase1, LocalDate.parse("2019-06-20"), List.of(), List.of(), CALENDARS.get("GB"))
                        .dueOn())
                .isEqualTo("2019-08-19");
        // Across New Year 2017/18 (Scotland's 2 Jan and St Andrew's Day 30 Nov do not count): 10 Jan 2018, not 12 Jan.
        StatutoryClock cma = clockOf(ea, "EA02-CMA", "phase1", LocalDate.parse("2017-11-10"));
        assertThat(DeadlineCalculator.compute(
                                cma, LocalDate.parse("2017-11-10"), List.of(), List.of(), calendarOf(ea, cma))
                        .dueOn())
                .isEqualTo("2018-01-10");
        for (String version : List.of("EA02-CMA", "EA02-2018", "EA02-2020", "EA02-2022", "EA02-DMCC")) {
            assertThat(ea.versions.stream()
                            .filter(v -> v.code().equals(version))
                            .flatMap(v -> v.clocksOrEmpty().stream())
                            .filter(c -> c.unit() == ClockUnit.working_days)
                            .map(StatutoryClock::holidayRegions))
                    .as(version)
                    .isNotEmpty()
                    .allSatisfy(parts -> assertThat(parts).containsExactly("GB-ENG", "GB-WLS"));
        }
        assertThat(REGIMES.get("UK-NSIA").clocks)
                .allSatisfy(
                        c -> assertThat(c.holidayRegions()).containsExactly("GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR"));
    }

    @Test
    void theNsiaCallInAssessmentEndsOneWorkingDayBeforeACountFromTheDayAfter() {
        StatutoryClock assessment =
                clockOf(REGIMES.get("UK-NSIA"), "single", "assessment", LocalDate.parse("2024-03-20"));
        StatutoryClock countedFromTheDayAfter = new StatutoryClock(
                assessment.code(),
                assessment.label(),
                assessment.length(),
                assessment.unit(),
                assessment.startsAt(),
                assessment.runsIn(),
                assessment.extensions(),
                assessment.clockStopsAllowed(),
                assessment.endsOnWorkingDay(),
                assessment.note(),
                FirstCountedDay.next_day,
                null);
        WorkingCalendar gb = CALENDARS.get("GB");
        LocalDate notice = LocalDate.parse("2024-03-20");
        assertThat(DeadlineCalculator.compute(assessment, notice, List.of(), List.of(), gb)
                        .dueOn())
                .isEqualTo("2024-05-02");
        assertThat(DeadlineCalculator.compute(countedFromTheDayAfter, notice, List.of(), List.of(), gb)
                        .dueOn())
                .isEqualTo("2024-05-03");
        assertThat(assessment.note()).contains("beginning with the day on which the call-in notice is given");
    }
}
