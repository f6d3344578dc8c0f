package com.dealradar.platform.json;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.YEAR;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.function.Function;

/**
 * Dates and timestamps as the contract's {@code format: date} and {@code format: date-time} mean them (RFC 3339): a
 * year of exactly four digits. Java's ISO parsers also take {@code +99999-01-01} and {@code -0001-01-01}, which were
 * stored and served back as they came, and which no client's date type reads (JavaScript's Date among them): an
 * API key could be given such an expiry, a filter such a bound.
 *
 * <p>Durations ({@code format: duration}) are ISO 8601 strings only: Java's time module also reads a bare number as
 * seconds, so a secret rotation's {@code "overlap": 5}, meant as hours or days, was 5 seconds.
 *
 * <p>As a customizer it runs after Quarkus' own (the lowest priority), which register Java's time module: a
 * deserializer registered later wins.
 */
@Singleton
public class Rfc3339 implements ObjectMapperCustomizer {

    /** {@code full-date}: YYYY-MM-DD, a real day. */
    public static final DateTimeFormatter FULL_DATE = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4)
            .appendLiteral('-')
            .appendValue(MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    /** {@code date-time}: a full date, T, a time with optional fraction, Z or an offset. */
    public static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(FULL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffsetId()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("dealradar-rfc3339")
                .addDeserializer(LocalDate.class, Deserializer.date())
                .addDeserializer(OffsetDateTime.class, Deserializer.offsetDateTime())
                .addDeserializer(Instant.class, Deserializer.instant())
                .addDeserializer(Duration.class, Deserializer.duration()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Body fields of these types are read with the formats above; anything else is the usual 400 naming the field. */
    static final class Deserializer<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;

        Deserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        static Deserializer<LocalDate> date() {
            return new Deserializer<>(LocalDate.class, text -> FULL_DATE.parse(text, LocalDate::from));
        }

        static Deserializer<OffsetDateTime> offsetDateTime() {
            return new Deserializer<>(OffsetDateTime.class, text -> DATE_TIME.parse(text, OffsetDateTime::from));
        }

        static Deserializer<Instant> instant() {
            return new Deserializer<>(Instant.class, text -> DATE_TIME.parse(text, Instant::from));
        }

        static Deserializer<Duration> duration() {
            return new Deserializer<>(Duration.class, Duration::parse);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText().strip();
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                throw context.weirdStringException(text, handledType(), e.getMessage());
            }
        }
    }
}
