package com.dealradar.platform.http;

import com.dealradar.platform.json.Rfc3339;
import com.dealradar.platform.json.WireNames;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.text.CanonicalUuid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses query and path parameters with a 400 problem that names the parameter. (JAX-RS would answer a
 * badly typed query parameter with a bare 404, which tells the client nothing.)
 */
public final class QueryParams {

    /**
     * The most ids a comma-separated id filter takes: {@code ids=} of companies and deals, and {@code companyId=} of
     * certifications (the gateway's dossier asks for all participants at once). The platform's KnownIds asks that
     * many at a time, and its max-initial-line-length is sized for a request line holding them.
     */
    public static final int MAX_IDS = 200;

    private QueryParams() {}

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (wireName(constant).equals(raw.strip())) {
                return constant;
            }
        }
        throw ProblemException.badParameter(
                name,
                "'" + raw + "' is not one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(QueryParams::wireName)
                                .collect(Collectors.joining(", ")));
    }

    /** Like {@link #enumValue(Class, String, String)}; a missing or blank value is {@code whenAbsent} (a default order). */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw, E whenAbsent) {
        E value = enumValue(type, name, raw);
        return value == null ? whenAbsent : value;
    }

    /** The constant's JSON name: its {@code @JsonProperty} value if it has one, else its Java name. */
    public static String wireName(Enum<?> constant) {
        return WireNames.of(constant);
    }

    /**
     * {@code raw} as a UUID, null when blank; else 400 naming {@code name}. Parameters typed {@link UUID} are
     * converted by {@link ParameterConverters} with this rule: call it only for a value that is not a parameter (a
     * body field, a cursor's key).
     */
    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return CanonicalUuid.parse(raw.strip())
                .orElseThrow(() -> ProblemException.badParameter(name, "'" + raw + "' is not a UUID"));
    }

    /**
     * A comma-separated list of ids ({@code ?ids=a,b,c}): null when absent, 400 naming {@code name} when there are
     * more than {@code max} or one is not a UUID. Order kept, duplicates dropped.
     */
    public static Set<UUID> uuidSet(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        List<String> parts = Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (parts.size() > max) {
            throw ProblemException.badParameter(name, "at most " + max + " ids per request");
        }
        Set<UUID> set = new LinkedHashSet<>();
        parts.forEach(part -> set.add(uuid(name, part)));
        return set;
    }

    /** A path segment in its one spelling: a UUID in any case as the API writes it (lower case), anything else as is. */
    public static String canonicalId(String segment) {
        return CanonicalUuid.parse(segment).map(UUID::toString).orElse(segment);
    }

    /** Slugs as company-service makes them: lower-case words joined by hyphens, at most 80 characters. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * A company as a filter names it: by id, or by slug in any case ({@code Alibaba-Group} is {@code alibaba-group}).
     * Exactly one of the two is set; the slug still has to be looked up in company-service.
     */
    public record CompanyName(UUID id, String slug) {}

    /**
     * The company {@code raw} names (see {@link CompanyName}), null when it is absent or blank; anything else is a 400
     * problem naming {@code name}.
     */
    public static CompanyName companyName(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        Optional<UUID> id = CanonicalUuid.parse(text);
        if (id.isPresent()) {
            return new CompanyName(id.get(), null);
        }
        String slug = text.toLowerCase(Locale.ROOT);
        if (slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw ProblemException.badParameter(name, "'" + raw + "' is neither a company id nor a company slug");
        }
        return new CompanyName(null, slug);
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip(), Rfc3339.FULL_DATE);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static BigDecimal decimal(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a decimal number");
        }
        // 1e999999 is a BigDecimal but no PostgreSQL numeric: the query would fail. No amount needs this many digits.
        if (value.precision() - value.scale() > MAX_DECIMAL_DIGITS || value.scale() > MAX_DECIMAL_DIGITS) {
            throw ProblemException.badParameter(
                    name,
                    "'" + raw + "' is out of range: at most " + MAX_DECIMAL_DIGITS
                            + " digits before and after the decimal point");
        }
        return value;
    }

    /** The most digits a decimal parameter may have on either side of its point. */
    static final int MAX_DECIMAL_DIGITS = 40;

    public static String countryCode(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }
}
