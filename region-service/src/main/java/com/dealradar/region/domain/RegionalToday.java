package com.dealradar.region.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Today in every region at one instant ({@link Today#everywhere()}): the date in each region's time zone, and UTC's
 * for a row with no region or an unknown one. Lists that filter on "today" (a certification's status) ask the database
 * with it, one date per group of regions.
 */
public record RegionalToday(Map<String, LocalDate> byRegion, LocalDate elsewhere) {

    public RegionalToday {
        byRegion = Map.copyOf(byRegion);
    }

    /** Today in {@code regionCode}'s time zone. */
    public LocalDate in(String regionCode) {
        return regionCode == null ? elsewhere : byRegion.getOrDefault(regionCode, elsewhere);
    }

    /** The regions where today is not {@link #elsewhere()}'s date, by their date (at most two or three dates). */
    public Map<LocalDate, Set<String>> differing() {
        Map<LocalDate, Set<String>> dates = new TreeMap<>();
        byRegion.forEach((code, day) -> {
            if (!day.equals(elsewhere)) {
                dates.computeIfAbsent(day, d -> new TreeSet<>()).add(code);
            }
        });
        return dates;
    }

    /** The earliest of the regions' todays. */
    public LocalDate earliest() {
        return byRegion.values().stream().reduce(elsewhere, (a, b) -> a.isBefore(b) ? a : b);
    }
}
