package com.dealradar.region.holidays;

import com.dealradar.region.domain.WorkingCalendar;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's public holidays and make-up working days, from a data file transcribed from the State Council's
 * yearly notices (no maintained library covers them). Years not in the file are not covered: working-day
 * answers that reach them say so.
 */
public final class ChinaHolidayFile {

    record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> workdays) {}

    record YearData(List<Holiday> holidays) {}

    record FileData(String region, String description, JsonNode source, Map<Integer, YearData> years) {}

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ChinaHolidayFile() {}

    public static WorkingCalendar load(String resource) {
        FileData data;
        try (InputStream in = ChinaHolidayFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("holiday data file " + resource + " is not on the classpath");
            }
            data = MAPPER.readValue(in, FileData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable holiday data file " + resource, e);
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        data.years()
                .values()
                .forEach(year -> year.holidays().forEach(h -> {
                    for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                        holidays.add(d);
                    }
                    if (h.workdays() != null) {
                        workdays.addAll(h.workdays());
                    }
                }));
        TreeSet<Integer> years = new TreeSet<>(data.years().keySet());
        String description =
                "China's official holidays and make-up working days for " + years.first() + "-" + years.last() + " ("
                        + data.source().path("publisher").asText("State Council") + ", yearly holiday notices)";
        return WorkingCalendar.of(description, Set.copyOf(holidays), Set.copyOf(workdays), years::contains);
    }
}
