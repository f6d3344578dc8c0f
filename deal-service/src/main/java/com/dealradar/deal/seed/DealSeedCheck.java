package com.dealradar.deal.seed;

import com.dealradar.platform.seed.SeedCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;

/**
 * The seed consistency rules (see {@link SeedCheck}) applied to {@code seed/deals.json}: a deal's status is the
 * last entry of its history; its regions exist; its sources and the sources of its history entries name a
 * publisher or say why not; its dates (announced, completed, each history entry) carry their true precision.
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
}
