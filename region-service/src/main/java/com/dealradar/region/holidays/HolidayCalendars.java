package com.dealradar.region.holidays;

import com.dealradar.region.domain.WorkingCalendar;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The working-day calendar of each region: Jollyday where it covers the region, China's data file, else weekends only. */
@ApplicationScoped
public class HolidayCalendars {

    @ConfigMapping(prefix = "dealradar.holidays")
    public interface Config {
        /** Classpath resource with China's holidays and make-up working days. */
        @WithDefault("holidays/cn.json")
        String chinaResource();

        /**
         * Jollyday subdivisions whose days off count for a region, e.g. {@code gb=eng,wls,sct,nir}. Without an
         * entry only nationwide holidays count.
         */
        Map<String, List<String>> subdivisions();
    }

    private final Config config;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    HolidayCalendars(Config config) {
        this.config = config;
    }

    public WorkingCalendar forRegion(String regionCode) {
        return calendars.computeIfAbsent(regionCode, this::create);
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
