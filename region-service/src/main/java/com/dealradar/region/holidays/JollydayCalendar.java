package com.dealradar.region.holidays;

import com.dealradar.region.domain.WorkingCalendar;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days from Jollyday (de.focus-shift), a maintained holiday library: public and bank holidays
 * (observances excluded), both on their date and on their substitute ("observed") weekday. With
 * subdivisions, a day off in any of them is a day off (the UK NSIA counts a bank holiday "in any part of
 * the United Kingdom"; the Enterprise Act 2002 s. 129(1) only one "in England and Wales").
 */
public final class JollydayCalendar implements WorkingCalendar {

    private final String country;
    private final List<String> subdivisions;
    private final HolidayManager manager;
    private final Map<Integer, Set<LocalDate>> daysOffByYear = new ConcurrentHashMap<>();

    public JollydayCalendar(String country, List<String> subdivisions) {
        this.country = country;
        this.subdivisions = List.copyOf(subdivisions);
        this.manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    }

    public static boolean supports(String country) {
        return HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
    }

    /** The ids of the country's subdivisions in Jollyday's data ({@code eng}, {@code wls}, {@code sct}, {@code nir} for GB). */
    public static List<String> subdivisionsOf(String country) {
        return List.copyOf(HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)))
                .getCalendarHierarchy()
                .getChildren()
                .keySet());
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return !WorkingCalendar.isWeekend(day) && !daysOff(day.getYear()).contains(day);
    }

    public Set<LocalDate> daysOff(int year) {
        return daysOffByYear.computeIfAbsent(year, y -> {
            Set<LocalDate> days = new HashSet<>();
            add(days, manager.getHolidays(Year.of(y)));
            for (String subdivision : subdivisions) {
                add(days, manager.getHolidays(Year.of(y), subdivision));
            }
            return Set.copyOf(days);
        });
    }

    private static void add(Set<LocalDate> days, Set<Holiday> holidays) {
        for (Holiday holiday : holidays) {
            if (holiday.getType() != HolidayType.OBSERVANCE) {
                days.add(holiday.getDate());
                holiday.getObservedDate().ifPresent(days::add);
            }
        }
    }

    @Override
    public boolean covers(int year) {
        return true;
    }

    @Override
    public String description() {
        return "Jollyday (de.focus-shift) public holidays of " + country
                + (subdivisions.isEmpty() ? " (nationwide)" : " (" + String.join(", ", subdivisions) + ")");
    }
}
