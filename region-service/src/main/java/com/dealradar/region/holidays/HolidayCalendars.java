package com.dealradar.region.holidays;

import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.WorkingCalendar;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working-day calendars. Which days off count is the statute's choice, so a clock names the parts of its region
 * whose holidays count ({@link StatutoryClock#holidayRegions()}: the Enterprise Act 2002 excludes only bank holidays in
 * England and Wales, the NSIA those of any part of the UK); a clock that names none, and the region's own view, use
 * the region's calendar: Jollyday where it covers the region, China's data file, else weekends only.
 */
@ApplicationScoped
public class HolidayCalendars {

    @ConfigMapping(prefix = "dealradar.holidays")
    public interface Config {
        /** Classpath resource with China's holidays and make-up working days. */
        @WithDefault("holidays/cn.json")
        String chinaResource();

        /**
         * Jollyday subdivisions whose days off count for a region's own calendar, e.g. {@code gb=eng,wls,sct,nir}.
         * Without an entry only nationwide holidays count. Clocks that name their holiday regions do not use it.
         */
        Map<String, List<String>> subdivisions();
    }

    private final Config config;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    HolidayCalendars(Config config) {
        this.config = config;
    }

    /** The region's calendar: for its view, and for clocks that do not name their holiday regions. */
    public WorkingCalendar forRegion(String regionCode) {
        return calendars.computeIfAbsent(regionCode, this::create);
    }

    /** The calendar {@code clock} of a regime of {@code regionCode} counts its working days with. */
    public WorkingCalendar forClock(String regionCode, StatutoryClock clock) {
        List<String> parts = clock.holidayRegions();
        if (parts == null || parts.isEmpty()) {
            return forRegion(regionCode);
        }
        return calendars.computeIfAbsent(
                regionCode + ":" + String.join(",", parts),
                key -> new JollydayCalendar(regionCode, subdivisions(regionCode, parts)));
    }

    /**
     * Jollyday's subdivision ids for ISO 3166-2 codes of {@code regionCode} ({@code GB-ENG} is {@code eng}), in the order
     * given.
     */
    public static List<String> subdivisions(String regionCode, List<String> parts) {
        return parts.stream()
                .map(p -> p.substring(regionCode.length() + 1).toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * Why {@code part} cannot name a calendar of {@code regionCode}, if it cannot: it must be an ISO 3166-2 code of the
     * region whose holidays the holiday data knows.
     */
    public static Optional<String> problemWith(String regionCode, String part) {
        if (!part.startsWith(regionCode + "-")) {
            return Optional.of(part + " is not a part of " + regionCode + " (" + regionCode + "-...)");
        }
        if (!hasParts(regionCode)) {
            return Optional.of("there is no holiday data per part of " + regionCode);
        }
        String id = subdivisions(regionCode, List.of(part)).getFirst();
        List<String> known = JollydayCalendar.subdivisionsOf(regionCode);
        if (!known.contains(id)) {
            return Optional.of("the holiday data has no " + part + "; parts of " + regionCode + ": "
                    + String.join(
                            ", ",
                            known.stream()
                                    .map(k -> regionCode + "-" + k.toUpperCase(Locale.ROOT))
                                    .sorted()
                                    .toList()));
        }
        return Optional.empty();
    }

    /**
     * Whether the holidays of {@code regionCode} differ between its parts in the holiday data (the UK's nations, the
     * German states): then a clock may, and in the seed a working-day clock must, name the parts whose holidays count.
     * China's calendar is the State Council's, one for the whole country.
     */
    public static boolean hasParts(String regionCode) {
        return !regionCode.equals("CN")
                && JollydayCalendar.supports(regionCode)
                && !JollydayCalendar.subdivisionsOf(regionCode).isEmpty();
    }

    private WorkingCalendar create(String code) {
        if (code.equals("CN")) {
            return ChinaHolidayFile.load(config.chinaResource());
        }
        if (JollydayCalendar.supports(code)) {
            return new JollydayCalendar(
                    code, config.subdivisions().getOrDefault(code.toLowerCase(Locale.ROOT), List.of()));
        }
        return WorkingCalendar.weekendsOnly("weekends only: no public-holiday data for " + code);
    }
}
