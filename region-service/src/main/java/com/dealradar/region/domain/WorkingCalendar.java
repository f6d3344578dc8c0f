package com.dealradar.region.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.IntPredicate;

/** Which days of a region are working days, and for which years its holiday data is known. */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /** Whether the public holidays of {@code year} are known; when not, only weekends are skipped in that year. */
    boolean covers(int year);

    /** What the holidays come from, for the answer. */
    String description();

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Weekends only: for regions without holiday data. Covers no year, so every working-day answer carries a warning. */
    static WorkingCalendar weekendsOnly(String description) {
        return new WorkingCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate day) {
                return !isWeekend(day);
            }

            @Override
            public boolean covers(int year) {
                return false;
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** Weekends and fixed holidays, with weekend days declared working (China's make-up working days). */
    static WorkingCalendar of(
            String description, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays, IntPredicate coveredYears) {
        return new WorkingCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate day) {
                if (makeUpWorkingDays.contains(day)) {
                    return true;
                }
                return !isWeekend(day) && !holidays.contains(day);
            }

            @Override
            public boolean covers(int year) {
                return coveredYears.test(year);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
