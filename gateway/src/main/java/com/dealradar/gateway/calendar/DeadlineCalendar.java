package com.dealradar.gateway.calendar;

import com.dealradar.platform.http.PublicLocations;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes statutory deadlines as an iCalendar object (RFC 5545) with ical4j: one all-day event per deadline, on the day
 * the matter's own clock computed ({@code deadline.dueOn} of the matters API; nothing is recomputed here).
 *
 * <p>UIDs are stable per deadline ({@code <matter id>-<clock>@dealradar}): when an extension or a clock-stop moves a
 * deadline, subscribers see the same event move instead of a second one; a new clock of the matter (phase 2 after
 * phase 1) is a new event. DTSTAMP and LAST-MODIFIED are the matter's last change (RFC 5545 3.8.7.2: without a METHOD,
 * DTSTAMP is when the information was last revised), so the same data gives the same bytes.
 */
public final class DeadlineCalendar {

    static final String PRODID = "-//DealRadar//Statutory deadlines 1.0//EN";

    private DeadlineCalendar() {}

    /**
     * @param matters   matters as the matters API returns them (those without a due date are left out)
     * @param dealNames deal id to its title (missing ones are named by id)
     * @param filters   the filters as query parameters ({@link CalendarFilters#publicQuery()}), for the calendar's name
     * @param publicUrl the public base URL for event links, or null to put only the path into the description
     */
    public static String write(
            List<JsonNode> matters,
            Map<String, String> dealNames,
            String filters,
            Duration refresh,
            String publicUrl,
            boolean truncated) {
        Calendar calendar = new Calendar();
        String name = plainText(
                "DealRadar statutory deadlines" + (filters.isEmpty() ? "" : " (" + filters.replace('&', ' ') + ")"));
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        // Refresh hints: RFC 7986 REFRESH-INTERVAL, and the older X-PUBLISHED-TTL that Outlook reads.
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), refresh));
        calendar.add(new XProperty("X-PUBLISHED-TTL", refresh.toString()));
        if (truncated) {
            calendar.add(new XProperty(
                    "X-DEALRADAR-TRUNCATED",
                    "only the first " + matters.size() + " open matters are listed; narrow the filters"));
        }
        for (JsonNode matter : matters) {
            event(matter, dealNames, publicUrl).ifPresent(calendar::add);
        }
        if (calendar.getComponents().isEmpty()) {
            calendar.add(utcZone());
        }
        return fold(calendar.toString());
    }

    /**
     * RFC 5545 3.6 requires at least one component in a calendar, and a calendar without deadlines has no event: it
     * carries the definition of UTC instead, a component no calendar application shows (the events are all-day dates,
     * which need no time zone).
     */
    private static VTimeZone utcZone() {
        return new VTimeZone(
                new PropertyList(List.of(new TzId("Etc/UTC"))),
                new ComponentList<>(List.of(new Standard(new PropertyList(List.of(
                        new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)),
                        new TzOffsetFrom(ZoneOffset.UTC),
                        new TzOffsetTo(ZoneOffset.UTC),
                        new TzName("UTC")))))));
    }

    /** Control characters but the line feed (which TEXT escapes as \\n): RFC 5545 3.3.11 allows none of them. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

    /**
     * A title or note as a TEXT value may hold it: each control character but the line feed becomes a space. ical4j
     * escapes only line feeds, so a title with a bare carriage return ("X\\rBEGIN:VEVENT...") reached every subscriber
     * raw: an invalid calendar, or events a lenient reader made of it.
     */
    static String plainText(String text) {
        return CONTROL.matcher(text).replaceAll(" ");
    }

    /** RFC 5545 3.1: a content line is at most this many octets, without its CRLF; longer ones are folded. */
    static final int MAX_LINE_OCTETS = 75;

    /**
     * Folds every content line longer than {@value #MAX_LINE_OCTETS} octets of UTF-8 (CRLF and a space before each
     * continuation), never inside a character. ical4j's own FoldingWriter counts UTF-16 chars, not octets: a line of
     * Chinese or German names came out up to three times too long, and it can split a surrogate pair into invalid UTF-8.
     */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n", -1)) {
            if (!folded.isEmpty()) {
                folded.append("\r\n");
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > MAX_LINE_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
        }
        return folded.toString();
    }

    /** Whether the matter has a deadline with a due date (an event). */
    public static boolean hasDueDate(JsonNode matter) {
        return matter.path("deadline").hasNonNull("dueOn");
    }

    private static Optional<VEvent> event(JsonNode matter, Map<String, String> dealNames, String publicUrl) {
        if (!hasDueDate(matter)) {
            return Optional.empty();
        }
        JsonNode deadline = matter.path("deadline");
        LocalDate due;
        try {
            due = LocalDate.parse(deadline.path("dueOn").asText());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        String id = matter.path("id").asText();
        String clock = deadline.path("clock").asText("deadline");
        String regime = matter.path("regime").path("code").asText("");
        String dealId = matter.path("dealId").asText(null);
        String subject = dealId != null
                ? dealNames.getOrDefault(dealId, "deal " + dealId)
                : matter.path("title")
                        .asText("company " + matter.path("companyId").asText(""));
        String clockLabel = deadline.path("label").asText(clock);
        Instant revised = instant(matter.path("updatedAt").asText(null));
        String path = "/api/v1/regulatory-matters/" + id;

        VEvent event = new VEvent(false);
        event.add(new Uid(id + "-" + clock + "@dealradar"));
        event.add(new DtStamp(revised));
        event.add(new LastModified(revised));
        event.add(new DtStart<>(due));
        event.add(new DtEnd<>(due.plusDays(1)));
        event.add(new Summary(plainText("Deadline: " + subject + " - " + regime + " " + clockLabel)));
        event.add(new Description(plainText(description(matter, deadline, dealId, subject, path))));
        event.add(new Categories(new TextList(
                List.of("DealRadar", regime, matter.path("regionCode").asText("")))));
        event.add(ImmutableTransp.TRANSPARENT);
        if (publicUrl != null && !publicUrl.isBlank()) {
            event.add(new Url(URI.create(PublicLocations.at(publicUrl, path))));
        }
        return Optional.of(event);
    }

    private static String description(JsonNode matter, JsonNode deadline, String dealId, String subject, String path) {
        List<String> lines = new ArrayList<>();
        if (dealId != null) {
            lines.add("Deal: " + subject + " (" + dealId + ")");
        } else {
            lines.add("Company: " + matter.path("companyId").asText(""));
        }
        lines.add("Matter: " + matter.path("title").asText("") + " (status "
                + matter.path("status").asText("") + ")");
        JsonNode regime = matter.path("regime");
        lines.add("Regime: " + regime.path("code").asText("") + " - "
                + regime.path("name").asText("") + ", region "
                + matter.path("regionCode").asText(""));
        lines.add("Clock: " + deadline.path("label").asText("") + " ("
                + deadline.path("clock").asText("") + "): "
                + deadline.path("length").asText("") + " "
                + deadline.path("unit").asText("") + " from "
                + deadline.path("startsOn").asText("?") + " (first counted day: "
                + deadline.path("firstCountedDay").asText("?") + ")");
        List<String> extensions = new ArrayList<>();
        deadline.path("extensions").forEach(e -> extensions.add(e.asText()));
        if (!extensions.isEmpty()) {
            lines.add("Extensions: " + String.join("; ", extensions));
        }
        if (deadline.path("stoppedDays").asInt(0) > 0) {
            lines.add("Clock stopped for " + deadline.path("stoppedDays").asInt() + " days");
        }
        lines.add("Rule version: " + deadline.path("regimeVersion").asText("?") + " ("
                + deadline.path("regimeVersionLabel").asText("") + ")");
        lines.add("Working days: " + deadline.path("calendar").asText(""));
        deadline.path("warnings").forEach(w -> lines.add("Warning: " + w.asText()));
        lines.add("Due on: " + deadline.path("dueOn").asText());
        lines.add(path);
        return String.join("\n", lines);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
