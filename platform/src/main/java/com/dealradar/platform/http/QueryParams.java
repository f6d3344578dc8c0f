package com.dealradar.platform.http;

import com.dealradar.platform.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses query and path parameters with a 400 problem that names the parameter. (JAX-RS would answer a
 * badly typed query parameter with a bare 404, which tells the client nothing.)
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (wireName(constant).equals(raw.strip())) {
                return constant;
            }
        }
        throw ProblemException.badParameter(name, "'" + raw + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(QueryParams::wireName).collect(Collectors.joining(", ")));
    }

    /** The constant's JSON name: its {@code @JsonProperty} value if it has one, else its Java name. */
    public static String wireName(Enum<?> constant) {
        try {
            JsonProperty renamed = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return renamed == null || renamed.value().isEmpty() ? constant.name() : renamed.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return asUuid(raw.strip())
                .orElseThrow(() -> ProblemException.badParameter(name, "'" + raw + "' is not a UUID"));
    }

    /**
     * {@code text} as a UUID when it is one in canonical form, else empty: for "id or slug" look-ups, where a
     * non-UUID is a slug or code, not an error. ({@link UUID#fromString} alone accepts forms like "1-2-3-4-5".)
     */
    public static java.util.Optional<UUID> asUuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? java.util.Optional.of(id) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static java.math.BigDecimal decimal(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a decimal number");
        }
    }

    public static String countryCode(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }
}
