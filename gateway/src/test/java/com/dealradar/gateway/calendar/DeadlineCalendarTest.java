package com.dealradar.gateway.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** The iCalendar writing on its own: what a calendar client reads back with an independent parse. */
class DeadlineCalendarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEAL = "0c049119-0caf-5496-a4b8-018a0642ac37";

    private static JsonNode matter(String id, String dueOn, String updatedAt, String title) throws Exception {
        return JSON.readTree("""
                {"id": "%s", "dealId": "%s", "regionCode": "GB", "title": %s, "status": "phase1",
                 "regime": {"code": "UK-NSIA", "name": "National Security and Investment Act 2021"},
                 "deadline": {"clock": "assessment", "label": "Assessment period after a call-in notice", "startsOn": "2024-03-20",
                   "length": 30, "unit": "working_days", "extensions": ["Additional period: 45 working_days"], "stoppedDays": 0,
                   "dueOn": %s, "calendar": "Jollyday GB", "firstCountedDay": "next_day", "regimeVersion": "NSIA-2021",
                   "regimeVersionLabel": "as enacted"},
                 "updatedAt": "%s"}""".formatted(
                id, DEAL, JSON.writeValueAsString(title), dueOn == null ? "null" : "\"" + dueOn + "\"", updatedAt));
    }

    @Test
    void aCalendarWithoutDeadlinesIsStillAValidCalendar() throws Exception {
        // RFC 5545 3.6: a calendar has at least one component; strict readers (ical4j's validator) refuse one without.
        String ics = DeadlineCalendar.write(
                List.of(),
                Map.of(),
                new CalendarFilters("DE", null, null).publicQuery(),
                Duration.ofHours(1),
                null,
                false);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        System.out.println("a calendar without deadlines:\n" + ics);
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).isEmpty();
        assertThat(calendar.getComponentList().getAll().stream().map(Component::getName))
                .containsExactly(Component.VTIMEZONE);
    }

    @Test
    void oneAllDayEventPerDueDateWithStableUidsAndTheMattersRevisionAsDtstamp() throws Exception {
        List<JsonNode> matters = List.of(
                matter(
                        "7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10",
                        "2024-05-02",
                        "2026-03-15T10:15:00Z",
                        "NSIA call-in; \"quoted\", comma"),
                matter("8e1d2d63-3c8b-4c74-8e1f-7c2f4f4f3b21", null, "2026-03-16T10:15:00Z", "clock stopped"));
        String ics = DeadlineCalendar.write(
                matters,
                Map.of(DEAL, "Alibaba Cloud / BT Global Services"),
                new CalendarFilters("GB", null, null).publicQuery(),
                Duration.ofHours(1),
                "https://api.example",
                false);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.getFirst();
        assertThat(event.getProperty(Property.UID).map(Property::getValue))
                .contains("7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10-assessment@dealradar");
        assertThat(event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow().getDate())
                .isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(event.<DtEnd<?>>getProperty(Property.DTEND).orElseThrow().getDate())
                .isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(event.getProperty(Property.DTSTAMP).map(Property::getValue)).contains("20260315T101500Z");
        assertThat(event.getProperty(Property.SUMMARY).map(Property::getValue))
                .contains(
                        "Deadline: Alibaba Cloud / BT Global Services - UK-NSIA Assessment period after a call-in notice");
        assertThat(event.getProperty(Property.DESCRIPTION)
                        .map(Property::getValue)
                        .orElseThrow())
                .contains("NSIA call-in; \"quoted\", comma")
                .contains("Rule version: NSIA-2021 (as enacted)")
                .contains("Extensions: Additional period: 45 working_days")
                .contains("Working days: Jollyday GB");
        assertThat(event.getProperty(Property.URL).map(Property::getValue))
                .contains("https://api.example/api/v1/regulatory-matters/7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10");
        assertThat(ics)
                .contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H")
                .contains("X-PUBLISHED-TTL:PT1H")
                .doesNotContain("X-DEALRADAR-TRUNCATED");

        // Same data, same bytes: clients and caches see no change where there is none.
        assertThat(DeadlineCalendar.write(
                        matters,
                        Map.of(DEAL, "Alibaba Cloud / BT Global Services"),
                        new CalendarFilters("GB", null, null).publicQuery(),
                        Duration.ofHours(1),
                        "https://api.example",
                        false))
                .isEqualTo(ics);
    }

    @Test
    void aDealWhoseTitleCouldNotBeReadIsNamedByIdAndACutCalendarSaysSo() throws Exception {
        String ics = DeadlineCalendar.write(
                List.of(matter("7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10", "2024-05-02", "2026-03-15T10:15:00Z", "t")),
                Map.of(),
                new CalendarFilters(null, null, null).publicQuery(),
                Duration.ofMinutes(30),
                null,
                true);
        VEvent event = new CalendarBuilder()
                .build(new StringReader(ics))
                .<VEvent>getComponents(Component.VEVENT)
                .getFirst();
        assertThat(event.getProperty(Property.SUMMARY).map(Property::getValue).orElseThrow())
                .contains("deal " + DEAL);
        assertThat(event.getProperty(Property.URL)).isEmpty();
        assertThat(ics).contains("X-DEALRADAR-TRUNCATED").contains("REFRESH-INTERVAL;VALUE=DURATION:PT30M");
    }

    /** A title with control characters (a bare CR that would start a line of its own) is one event still. */
    @Test
    void controlCharactersInATitleNeverReachTheCalendar() throws Exception {
        String title = "X\rBEGIN:VEVENT\rSUMMARY:injected\u0007\u001b[31m";
        String ics = DeadlineCalendar.write(
                List.of(matter("7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10", "2024-05-02", "2026-03-15T10:15:00Z", title)),
                Map.of(DEAL, "Deal\rEND:VCALENDAR"),
                new CalendarFilters(null, null, null).publicQuery(),
                Duration.ofHours(1),
                null,
                false);
        String withoutLineEnds = ics.replace("\r\n", "");
        assertThat(withoutLineEnds).doesNotContainPattern("[\\p{Cntrl}]");
        assertThat(new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents(Component.VEVENT))
                .hasSize(1);
    }

    @Test
    void linesLongerThan75OctetsAreFoldedBetweenCharactersAndReadBackWhole() throws Exception {
        String title = "国家市场监督管理总局 经营者集中审查 阿里巴巴 收购 中兴软创 (ZTEsoft) 股权 🚀 Übernahme § 55 AWV, "
                + "Prüfverfahren des Bundesministeriums für Wirtschaft und Energie; 审查期限 延长";
        String ics = DeadlineCalendar.write(
                List.of(matter("7d0c1c52-2b7a-5b63-9d0e-6b1f3f3f2a10", "2024-05-02", "2026-03-15T10:15:00Z", title)),
                Map.of(DEAL, "阿里巴巴云 / 中兴软创 ".repeat(8)),
                new CalendarFilters(null, null, null).publicQuery(),
                Duration.ofHours(1),
                null,
                false);
        byte[] utf8 = ics.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = List.of(ics.split("\r\n"));
        int longest = lines.stream()
                .mapToInt(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .max()
                .orElseThrow();
        long continuations = lines.stream().filter(l -> l.startsWith(" ")).count();
        System.out.printf(
                "calendar folding: %d lines (%d continuations), longest %d octets, %d bytes%n",
                lines.size(), continuations, longest, utf8.length);

        assertThat(longest).isLessThanOrEqualTo(75);
        assertThat(continuations).isPositive();
        // Valid UTF-8 (no character split), and a parser unfolds every property to what was written.
        assertThat(new String(utf8, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(ics);
        assertThat(ics).doesNotContain("\uFFFD");
        VEvent event = new CalendarBuilder()
                .build(new StringReader(ics))
                .<VEvent>getComponents(Component.VEVENT)
                .getFirst();
        assertThat(event.getProperty(Property.SUMMARY).map(Property::getValue).orElseThrow())
                .isEqualTo("Deadline: " + "阿里巴巴云 / 中兴软创 ".repeat(8)
                        + " - UK-NSIA Assessment period after a call-in notice");
        assertThat(event.getProperty(Property.DESCRIPTION)
                        .map(Property::getValue)
                        .orElseThrow())
                .contains(title);
    }
}
