package com.dealradar.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Body dates and timestamps through the services' mapper (Java's time module first, as Quarkus registers it). */
class Rfc3339Test {

    record Dated(LocalDate on, OffsetDateTime at, Instant instant) {}

    private static final ObjectMapper MAPPER = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        new Rfc3339().customize(mapper);
        return mapper;
    }

    private static Dated read(String on, String at, String instant) throws Exception {
        return MAPPER.readValue("{\"on\":" + on + ",\"at\":" + at + ",\"instant\":" + instant + "}", Dated.class);
    }

    @Test
    void rfc3339DatesAndTimestampsAreRead() throws Exception {
        Dated dated = read("\"2024-02-29\"", "\"2027-01-01T00:00:00.5+14:00\"", "\"2026-12-03T07:58:53.803Z\"");
        assertThat(dated.on()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(dated.at()).isEqualTo(OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 500_000_000, ZoneOffset.ofHours(14)));
        assertThat(dated.instant()).isEqualTo(Instant.parse("2026-12-03T07:58:53.803Z"));
        assertThat(read("\"0000-01-01\"", "\"9999-12-31T23:59:59Z\"", "null").on())
                .isEqualTo(LocalDate.of(0, 1, 1));
    }

    @Test
    void yearsOutsideFourDigitsAndLooseFormsAreRefusedNamingTheField() {
        List<String> dates = List.of(
                "\"+99999-01-01\"",
                "\"-0001-01-01\"",
                "\"2023-02-29\"",
                "\"2023-1-5\"",
                "\"20230105\"",
                "\"2023-01-05T00:00:00Z\"");
        for (String date : dates) {
            assertThatThrownBy(() -> read(date, "null", "null"))
                    .as(date)
                    .isInstanceOf(InvalidFormatException.class)
                    .satisfies(e -> assertThat(((InvalidFormatException) e)
                                    .getPath()
                                    .getFirst()
                                    .getFieldName())
                            .isEqualTo("on"));
        }
        List<String> timestamps = List.of(
                "\"+99999-01-01T00:00:00Z\"",
                "\"-0001-01-01T00:00:00Z\"",
                "\"2027-01-01T00:00:00\"",
                "\"2027-01-01\"",
                "\"2027-01-01 00:00:00Z\"");
        for (String timestamp : timestamps) {
            assertThatThrownBy(() -> read("null", timestamp, "null"))
                    .as(timestamp)
                    .isInstanceOf(InvalidFormatException.class);
            assertThatThrownBy(() -> read("null", "null", timestamp))
                    .as(timestamp)
                    .isInstanceOf(InvalidFormatException.class);
        }
        assertThatThrownBy(() -> read("20230105", "null", "null")).isInstanceOf(MismatchedInputException.class);
        System.out.printf("RFC 3339: %d dates and %d timestamps refused%n", dates.size(), timestamps.size() * 2);
    }

    record Overlap(Duration overlap) {}

    @Test
    void durationsAreIso8601StringsAndABareNumberIsRefusedNamingTheField() throws Exception {
        assertThat(MAPPER.readValue("{\"overlap\":\"PT1H30M\"}", Overlap.class).overlap())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(MAPPER.readValue("{\"overlap\":\"P1D\"}", Overlap.class).overlap())
                .isEqualTo(Duration.ofDays(1));
        List<String> refused = List.of("5", "5.5", "true", "\"5\"", "\"1 hour\"", "\"P1M\"");
        for (String overlap : refused) {
            assertThatThrownBy(() -> MAPPER.readValue("{\"overlap\":" + overlap + "}", Overlap.class))
                    .as(overlap)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(e -> assertThat(((MismatchedInputException) e)
                                    .getPath()
                                    .getFirst()
                                    .getFieldName())
                            .isEqualTo("overlap"));
        }
        System.out.printf("durations: %d refused (a bare number was read as seconds)%n", refused.size());
    }
}
