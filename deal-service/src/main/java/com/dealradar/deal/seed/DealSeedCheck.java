package com.dealradar.deal.seed;

import com.dealradar.platform.seed.SeedCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.util.Set;

/**
 * The seed consistency rules (see {@link SeedCheck}) applied to {@code seed/deals.json}: a deal's status is the
 * last entry of its history; its regions exist; its sources and the sources of its history entries name a
 * publisher or say why not; its dates (announced, completed, each history entry) carry their true precision; its
 * dates agree with its history: {@code announced} is the date of the history's {@code announced} entry when there
 * is one (otherwise the first report) and is not earlier than the history's first entry, and {@code completed} is
 * the date of its {@code completed} entry.
 */
public final class DealSeedCheck {

    private DealSeedCheck() {}

    /** {@code regions}: the codes of region-service's regions (this service knows ISO 3166-1 plus EU). */
    public static SeedCheck check(JsonNode seed, Set<String> regions) {
        SeedCheck check = new SeedCheck("deal-service (seed/deals.json)");
        for (JsonNode deal : seed.path("deals")) {
            String where = "deal " + deal.path("slug").asText();
            JsonNode history = deal.get("history");
            check.statusIsLastOfHistory(where, deal.get("status"), history, "status");
            for (JsonNode region : deal.path("regions")) {
                check.regionExists(where, region.asText(), regions);
            }
            JsonNode sources = deal.get("sources");
            check.sources(where, sources);
            date(check, where + ".announced", deal.get("announced"), sources);
            date(check, where + ".completed", deal.get("completed"), sources);
            if (history != null) {
                for (int i = 0; i < history.size(); i++) {
                    JsonNode entry = history.get(i);
                    check.sources(where + ".history[" + i + "]", entry.get("source"));
                    ArrayNode cited = JsonNodeFactory.instance.arrayNode();
                    if (entry.hasNonNull("source")) {
                        cited.add(entry.get("source"));
                    }
                    if (sources != null && sources.isArray()) {
                        sources.forEach(cited::add);
                    }
                    date(check, where + ".history[" + i + "].effectiveDate", entry.get("effectiveDate"), cited);
                }
                datesAgreeWithHistory(check, where, deal, history);
            }
        }
        return check;
    }

    private static void date(SeedCheck check, String where, JsonNode partial, JsonNode sources) {
        if (partial == null || partial.isNull()) {
            return;
        }
        check.factDate(
                where,
                partial.path("value").asText(null),
                partial.path("precision").asText(null),
                sources);
    }

    /** announced / completed against the history's entries of those statuses, and announced not before the first entry. */
    private static void datesAgreeWithHistory(SeedCheck check, String where, JsonNode deal, JsonNode history) {
        if (!history.isArray() || history.isEmpty()) {
            return;
        }
        for (String status : new String[] {"announced", "completed"}) {
            for (JsonNode entry : history) {
                if (entry.path("status").asText().equals(status) && entry.hasNonNull("effectiveDate")) {
                    String expected = show(entry.get("effectiveDate"));
                    String given = show(deal.get(status));
                    if (!expected.equals(given)) {
                        check.fail(
                                where + "." + status,
                                given + " but the history's " + status + " entry says " + expected
                                        + " (value and precision must be the same)");
                    }
                }
            }
        }
        LocalDate first = firstDay(history.get(0).get("effectiveDate"));
        LocalDate announced = firstDay(deal.get("announced"));
        if (first != null && announced != null && announced.isBefore(first)) {
            check.fail(
                    where + ".announced",
                    show(deal.get("announced")) + " is before the history's first entry ("
                            + show(history.get(0).get("effectiveDate")) + ")");
        }
    }

    /** A partial date's first day, or null when absent or unreadable (the precision check reports those). */
    private static LocalDate firstDay(JsonNode node) {
        if (node == null || node.isNull() || !node.hasNonNull("value")) {
            return null;
        }
        String value = node.get("value").asText();
        try {
            return switch (value.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
                case 7 -> LocalDate.parse(value + "-01");
                default -> LocalDate.parse(value);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String show(JsonNode node) {
        if (node == null || node.isNull()) {
            return "absent";
        }
        return node.path("value").asText() + " (" + node.path("precision").asText("day") + ")";
    }
}
