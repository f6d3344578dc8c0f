package com.dealradar.region.seed;

import com.dealradar.platform.geo.CountryCodes;
import com.dealradar.platform.seed.SeedCheck;
import com.dealradar.region.domain.FirstCountedDay;
import com.dealradar.region.holidays.HolidayCalendars;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The seed consistency rules of region-service (see {@link SeedCheck}) plus its own: every regime's legal basis and
 * description, every trigger rule (its threshold), every clock and every regime version cites the provision its
 * numbers come from or says it is general knowledge; every clock states its first counted day (the statutes differ:
 * NSIA s. 23 counts the day of the call-in notice, most periods start the day after); a regime's authority periods
 * follow each other without gap or overlap (one date per switch, e.g. MOFCOM to SAMR); a working-day clock in a region
 * whose parts have different holidays says whose count (holidayRegions); rules name only countries
 * or supranational regions of the seed; matters start in an entry status.
 */
public final class RegionSeedCheck {

    /** A provision (art. 11, s. 23(3), § 14a, reg. 4, section 2) or an explicit general-knowledge mark. */
    static final Pattern CITES = Pattern.compile(
            "(?i)(\\bart\\.|\\barts\\.|\\bs\\.\\s?\\d|\\bss\\.\\s?\\d|§|\\bsection\\b|\\breg\\.|general knowledge)");

    private RegionSeedCheck() {}

    public static SeedCheck check(JsonNode reference, JsonNode facts) {
        SeedCheck check = new SeedCheck("region-service (seed/regions.json, seed/matters.json)");
        Set<String> regions = new HashSet<>();
        Set<String> unions = new HashSet<>();
        for (JsonNode region : reference.path("regions")) {
            String code = region.path("code").asText();
            regions.add(code);
            if ("supranational".equals(region.path("kind").asText())) {
                unions.add(code);
            }
            check.sources("region " + code, region.get("sources"));
        }
        Set<String> regimeCodes = new HashSet<>();
        for (JsonNode regime : reference.path("regimes")) {
            String where = "regime " + regime.path("code").asText();
            regimeCodes.add(regime.path("code").asText());
            check.regionExists(where, regime.path("regionCode").asText(null), regions);
            check.sources(where, regime.get("sources"));
            for (String field : new String[] {"legalBasis", "description"}) {
                if (!CITES.matcher(regime.path(field).asText("")).find()) {
                    check.fail(
                            where + " " + field,
                            "must cite the article or section its facts come from (art./s./§/section) or say general knowledge");
                }
            }
            authorities(check, where, regime.path("authorities"));
            String regionCode = regime.path("regionCode").asText("");
            clocks(check, where, regionCode, regime.path("clocks"));
            rules(check, where, regime.path("triggerRules"), unions);
            for (JsonNode version : regime.path("versions")) {
                String vwhere = where + " version " + version.path("code").asText();
                if (!CITES.matcher(version.path("note").asText("")).find()) {
                    check.fail(
                            vwhere,
                            "its note must cite the provision it comes from (art./s./§/section) or say general knowledge");
                }
                clocks(check, vwhere, regionCode, version.path("clocks"));
                rules(check, vwhere, version.path("triggerRules"), unions);
            }
        }
        for (JsonNode matter : facts.path("matters")) {
            String where = "matter " + matter.path("slug").asText();
            JsonNode history = matter.get("history");
            check.statusIsLastOfHistory(where, matter.get("status"), history, "status");
            if (history != null
                    && history.isArray()
                    && !history.isEmpty()
                    && !Set.of("anticipated", "not_assessed")
                            .contains(history.get(0).path("status").asText())) {
                check.fail(where, "history must start with anticipated or not_assessed");
            }
            if (!regimeCodes.contains(matter.path("regimeCode").asText())) {
                check.fail(
                        where, "refers to regime " + matter.path("regimeCode").asText() + ", which is not in the seed");
            }
            JsonNode sources = matter.get("sources");
            check.sources(where, sources);
            check.factDate(where + ".openedOn", text(matter, "openedOn"), text(matter, "openedPrecision"), sources);
            if (history != null) {
                for (int i = 0; i < history.size(); i++) {
                    check.factDate(
                            where + ".history[" + i + "].on",
                            text(history.get(i), "on"),
                            text(history.get(i), "precision"),
                            sources);
                }
            }
        }
        for (JsonNode certification : facts.path("certifications")) {
            String where = "certification " + certification.path("slug").asText();
            check.regionExists(where, text(certification, "regionCode"), regions);
            check.sources(where, certification.get("sources"));
        }
        return check;
    }

    private static void clocks(SeedCheck check, String where, String regionCode, JsonNode clocks) {
        // Where holidays differ between parts of the region (the UK's nations), a working-day clock says whose count:
        // its statute's definition of a working day, not the region's default.
        boolean parts = HolidayCalendars.hasParts(regionCode);
        for (JsonNode clock : clocks) {
            if (parts
                    && "working_days".equals(clock.path("unit").asText())
                    && clock.path("holidayRegions").isEmpty()) {
                check.fail(
                        where + " clock " + clock.path("code").asText(),
                        "counts working days in " + regionCode
                                + ", whose parts have different holidays: it must say whose"
                                + " holidays count as its statute defines a working day (holidayRegions)");
            }
            if (!CITES.matcher(clock.path("note").asText("")).find()) {
                check.fail(
                        where + " clock " + clock.path("code").asText(),
                        "its note must cite the provision its length comes from (art./s./§/section) or say general knowledge");
            }
            String first = text(clock, "firstCountedDay");
            if (first == null
                    || Arrays.stream(FirstCountedDay.values())
                            .noneMatch(f -> f.name().equals(first))) {
                check.fail(
                        where + " clock " + clock.path("code").asText(),
                        "must state its first counted day as the statute does (firstCountedDay: next_day or same_day)");
            }
        }
    }

    private static void rules(SeedCheck check, String where, JsonNode rules, Set<String> unions) {
        for (JsonNode rule : rules) {
            String said = rule.path("description").asText("") + " "
                    + rule.path("thresholds").asText("");
            if (!CITES.matcher(said).find()) {
                check.fail(
                        where + " rule " + rule.path("code").asText(),
                        "its description or thresholds must cite the provision its threshold comes from (art./s./§/section) or say general knowledge");
            }
            for (JsonNode code : rule.path("domesticCountries")) {
                if (!CountryCodes.isCountry(code.asText()) && !unions.contains(code.asText())) {
                    check.fail(
                            where + " rule " + rule.path("code").asText(),
                            code.asText() + " is neither a country nor a supranational region of the seed");
                }
            }
        }
    }

    /** Authority periods in order, each starting the day after the previous one ends: one date per switch. */
    private static void authorities(SeedCheck check, String where, JsonNode authorities) {
        for (int i = 1; i < authorities.size(); i++) {
            String previousTo = text(authorities.get(i - 1), "to");
            String from = text(authorities.get(i), "from");
            if (previousTo == null
                    || from == null
                    || !LocalDate.parse(previousTo).plusDays(1).equals(LocalDate.parse(from))) {
                check.fail(
                        where + " authorities[" + i + "]",
                        "must start the day after the previous authority's period ends (" + previousTo + " -> " + from
                                + ")");
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
