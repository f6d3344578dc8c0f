package com.dealradar.platform.seed;

import com.dealradar.platform.provenance.Precision;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Consistency rules every service's seed data must keep (issue 15), checked on the raw JSON before anything is
 * loaded, at start-up and in each service's tests, so a broken seed fails the build and never starts:
 * <ul>
 * <li>a record's status equals the last entry of its history;</li>
 * <li>every region it refers to exists;</li>
 * <li>every source names its publisher (not its author: a person's name or job title is an author), or is general
 * knowledge, or marks the publisher inferred or not stated; an article without a date marks the date not stated;</li>
 * <li>dates carry their true precision: a date of month or year precision is the first day of that period, and a
 * day-precise date on the first of a month (how an unknown day gets invented) must be a day a cited source gives.</li>
 * </ul>
 * Problems are collected, so one run names all of them.
 */
public final class SeedCheck {

    private final String seed;
    private final List<String> problems = new ArrayList<>();

    public SeedCheck(String seed) {
        this.seed = seed;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Stops the start (or fails the test) naming every problem found. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Seed " + seed + " is inconsistent (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        }
    }

    public void fail(String where, String problem) {
        problems.add(where + ": " + problem);
    }

    /** {@code status} must equal the {@code field} of the last entry of {@code history} (when there is a history). */
    public void statusIsLastOfHistory(String where, JsonNode status, JsonNode history, String field) {
        if (history == null || history.isNull()) {
            return;
        }
        if (!history.isArray() || history.isEmpty()) {
            fail(where, "history must be a non-empty list");
            return;
        }
        String last = history.get(history.size() - 1).path(field).asText(null);
        String current = status == null || status.isNull() ? null : status.asText();
        if (current == null || !current.equals(last)) {
            fail(
                    where,
                    "status is " + current + " but the last history entry is " + last
                            + " (status must equal the last entry)");
        }
    }

    public void regionExists(String where, String code, Set<String> regions) {
        if (code != null && !regions.contains(code)) {
            fail(
                    where,
                    "refers to region " + code + ", which is not in the region seed ("
                            + String.join(", ", regions.stream().sorted().toList()) + ")");
        }
    }

    /** Every entry of a source list. */
    public void sources(String where, JsonNode sources) {
        if (sources == null || sources.isNull()) {
            return;
        }
        if (sources.isArray()) {
            for (int i = 0; i < sources.size(); i++) {
                source(where + ".sources[" + i + "]", sources.get(i));
            }
        } else {
            source(where + ".source", sources);
        }
    }

    public void source(String where, JsonNode source) {
        String kind = source.path("kind").asText("");
        Set<String> inferred = names(source.get("inferred"));
        Set<String> notStated = names(source.get("notStated"));
        String publisher = text(source, "publisher");
        String author = text(source, "author");
        if (kind.equals("general_knowledge")) {
            if (text(source, "note") == null) {
                fail(where, "a general-knowledge source must say in its note what is general knowledge");
            }
            return;
        }
        if (publisher == null && !notStated.contains("publisher")) {
            fail(
                    where,
                    "names no publisher: give it, or list publisher in notStated (or inferred, with the inferred name)");
        }
        if (publisher != null && notStated.contains("publisher")) {
            fail(where, "gives a publisher and also says it is not stated");
        }
        if (publisher != null && (publisher.equals(author) || publisher.contains(",") || publisher.contains("("))) {
            fail(where, "publisher '" + publisher + "' reads as a person or a job title: put the writer in author");
        }
        JsonNode published = source.get("publishedOn");
        if (published == null || published.isNull()) {
            if (kind.equals("article") && !notStated.contains("publishedOn")) {
                fail(where, "an article without publishedOn must list publishedOn in notStated");
            }
            if (source.hasNonNull("publishedPrecision")) {
                fail(where, "publishedPrecision without publishedOn");
            }
        } else {
            Precision precision = source.hasNonNull("publishedPrecision")
                    ? precision(where, source.get("publishedPrecision").asText())
                    : Precision.day;
            LocalDate day = date(where + ".publishedOn", published.asText());
            if (day != null && precision != null && !precision.isAligned(day)) {
                fail(
                        where + ".publishedOn",
                        published.asText() + " has precision " + precision + " but is not the first day of its "
                                + precision);
            }
            if (inferred.contains("publishedOn") && !source.hasNonNull("publishedPrecision")) {
                fail(where, "an inferred publication date must say its precision (publishedPrecision)");
            }
        }
    }

    /**
     * A fact's date ({@code value} with {@code precision}, null meaning day): aligned to its precision, and when
     * day-precise on the first of a month, given by one of {@code sources}.
     */
    public void factDate(String where, String value, String precision, JsonNode sources) {
        if (value == null) {
            return;
        }
        Precision p = precision == null ? Precision.day : precision(where, precision);
        if (p == null) {
            return;
        }
        LocalDate day = switch (p) {
            case year -> value.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(value), 1, 1) : date(where, value);
            case month -> value.matches("\\d{4}-\\d{2}") ? date(where, value + "-01") : date(where, value);
            case day -> date(where, value);
        };
        if (day == null) {
            return;
        }
        if (!p.isAligned(day)) {
            fail(where, value + " has precision " + p + " but is not the first day of its " + p);
        }
        if (p == Precision.day && day.getDayOfMonth() == 1 && !givenBySource(day, sources)) {
            fail(
                    where,
                    value
                            + " is day-precise on the first of a month, a day no cited source gives: use month (or year) precision");
        }
    }

    private static boolean givenBySource(LocalDate day, JsonNode sources) {
        if (sources == null || !sources.isArray()) {
            return false;
        }
        for (JsonNode source : sources) {
            if (source.hasNonNull("publishedOn")
                    && source.get("publishedOn").asText().equals(day.toString())
                    && (!source.hasNonNull("publishedPrecision")
                            || source.get("publishedPrecision").asText().equals("day"))) {
                return true;
            }
        }
        return false;
    }

    private Precision precision(String where, String text) {
        try {
            return Precision.valueOf(text);
        } catch (IllegalArgumentException e) {
            fail(where, "unknown precision " + text + " (year, month or day)");
            return null;
        }
    }

    private LocalDate date(String where, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            fail(where, "'" + text + "' is not a date");
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Set<String> names(JsonNode list) {
        if (list == null || !list.isArray()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }
}
