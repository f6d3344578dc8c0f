package com.dealradar.region.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed consistency check on the shipped seed (it must pass: a broken seed fails this build) and on seeds
 * broken one rule at a time (each must be named). The seeder runs the same check before loading, so a broken
 * seed also stops the service's start.
 */
class RegionSeedCheckTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    JsonNode regions;
    JsonNode matters;

    static JsonNode load(String resource) throws Exception {
        try (InputStream in = RegionSeedCheckTest.class.getClassLoader().getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        }
    }

    @BeforeEach
    void loadSeed() throws Exception {
        regions = load("seed/regions.json");
        matters = load("seed/matters.json");
    }

    ObjectNode matter(String slug) {
        for (JsonNode m : matters.get("matters")) {
            if (m.get("slug").asText().equals(slug)) {
                return (ObjectNode) m;
            }
        }
        throw new IllegalArgumentException(slug);
    }

    List<String> problems() {
        List<String> problems = RegionSeedCheck.check(regions, matters).problems();
        System.out.println(problems);
        return problems;
    }

    @Test
    void theShippedSeedIsConsistent() {
        assertThat(RegionSeedCheck.check(regions, matters).problems()).isEmpty();
    }

    @Test
    void aStatusThatIsNotTheLastHistoryEntryIsRefused() {
        matter("alibaba-vodafone-germany-bsi-c5").put("status", "anticipated");
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("matter alibaba-vodafone-germany-bsi-c5")
                .contains("status is anticipated but the last history entry is cleared");
        assertThatThrownBy(() -> RegionSeedCheck.check(regions, matters).throwIfAny())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 problem");
    }

    @Test
    void anAuthorInThePublisherFieldIsRefused() {
        ObjectNode source = (ObjectNode)
                matter("alibaba-ztesoft-cn-merger-control").get("sources").get(0);
        source.put("publisher", "Ron Westfall, Research Director, Service Provider Infrastructure");
        assertThat(problems()).anyMatch(p -> p.contains("reads as a person or a job title"));
    }

    @Test
    void aSourceWithoutPublisherMustSaySo() {
        ObjectNode source = (ObjectNode)
                matter("vodafone-china-market-access").get("sources").get(0);
        source.remove("notStated");
        assertThat(problems()).anyMatch(p -> p.contains("names no publisher"));
    }

    @Test
    void anInventedDayIsRefused() {
        ObjectNode bt = matter("alibaba-bt-uk-security-scrutiny");
        bt.remove("openedPrecision");
        ((ObjectNode) bt.get("history").get(0)).remove("precision");
        assertThat(problems())
                .anyMatch(p -> p.contains("openedOn: 2018-07-01 is day-precise on the first of a month"))
                .anyMatch(p -> p.contains("history[0].on: 2018-07-01 is day-precise"));
    }

    @Test
    void anUnknownRegionIsRefused() {
        ((ObjectNode) matters.get("certifications").get(0)).put("regionCode", "XX");
        ArrayNode domestic = (ArrayNode) regions.get("regimes")
                .get(4)
                .get("versions")
                .get(0)
                .get("triggerRules")
                .get(0)
                .get("domesticCountries");
        domestic.add("QQ");
        assertThat(problems())
                .anyMatch(p -> p.contains("refers to region XX"))
                .anyMatch(p -> p.contains("QQ is neither a country nor a supranational region"));
    }

    @Test
    void aClockWithoutCitationAndTwoDatesForOneAuthoritySwitchAreRefused() {
        for (JsonNode regime : regions.get("regimes")) {
            if (regime.get("code").asText().equals("UK-NSIA")) {
                ((ObjectNode) regime.get("clocks").get(0)).put("note", "thirty working days");
            }
            if (regime.get("code").asText().equals("CN-AML")) {
                ((ObjectNode) regime.get("authorities").get(1)).put("from", "2018-03-21");
            }
        }
        assertThat(problems())
                .anyMatch(p -> p.contains("regime UK-NSIA clock review") && p.contains("must cite"))
                .anyMatch(p -> p.contains("regime CN-AML authorities[1]") && p.contains("2018-03-16 -> 2018-03-21"));
    }

    ObjectNode regime(String code) {
        for (JsonNode r : regions.get("regimes")) {
            if (r.get("code").asText().equals(code)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalArgumentException(code);
    }

    @Test
    void everyShippedClockStatesItsFirstCountedDay() {
        int clocks = 0;
        for (JsonNode regime : regions.get("regimes")) {
            List<JsonNode> all = new java.util.ArrayList<>();
            regime.path("clocks").forEach(all::add);
            regime.path("versions").forEach(v -> v.path("clocks").forEach(all::add));
            for (JsonNode clock : all) {
                clocks++;
                assertThat(clock.path("firstCountedDay").asText())
                        .as(regime.get("code").asText() + " "
                                + clock.get("code").asText())
                        .isIn("next_day", "same_day");
            }
        }
        assertThat(clocks).isEqualTo(43);
    }

    @Test
    void aClockWithoutItsFirstCountedDayIsRefused() {
        ((ObjectNode) regime("DE-BSIG-9B").get("clocks").get(0)).remove("firstCountedDay");
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("regime DE-BSIG-9B clock review")
                .contains("must state its first counted day");
    }

    @Test
    void aUkWorkingDayClockMustSayWhoseBankHolidaysCount() {
        // The Enterprise Act counts England and Wales bank holidays (s. 129(1)), the NSIA those of every part of the
        // UK:
        // the region's default calendar cannot be right for both.
        ((ObjectNode) regime("UK-NSIA").get("clocks").get(0)).remove("holidayRegions");
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("regime UK-NSIA clock review")
                .contains("holidayRegions");
    }

    @Test
    void aLegalBasisADescriptionOrAThresholdWithoutCitationIsRefused() {
        regime("UK-NSIA").put("legalBasis", "National Security and Investment Act 2021");
        regime("UK-NSIA").put("description", "Review period: 30 working days; assessment period: 30 working days.");
        ObjectNode listed = (ObjectNode)
                regime("DE-AWV").get("versions").get(4).get("triggerRules").get(1);
        assertThat(listed.get("code").asText()).isEqualTo("listed_sector_20");
        listed.put("description", "20% of a company in a newer listed sector");
        assertThat(problems())
                .hasSize(3)
                .anyMatch(p -> p.contains("regime UK-NSIA legalBasis") && p.contains("must cite"))
                .anyMatch(p -> p.contains("regime UK-NSIA description") && p.contains("must cite"))
                .anyMatch(p ->
                        p.contains("regime DE-AWV version AWV-2021 rule listed_sector_20") && p.contains("must cite"));
    }

    @Test
    void theBsiC5MatterIsClearedAsItsHistoryEndsAndZteOnlyClaimsItsSecurityCertification() {
        ObjectNode c5 = matter("alibaba-vodafone-germany-bsi-c5");
        JsonNode history = c5.get("history");
        assertThat(c5.get("status").asText()).isEqualTo("cleared");
        assertThat(history.get(history.size() - 1).get("status").asText()).isEqualTo("cleared");
        JsonNode zte = null;
        for (JsonNode c : matters.get("certifications")) {
            if (c.get("slug").asText().equals("zte-security-certification")) {
                zte = c;
            }
        }
        assertThat(zte).isNotNull();
        // seed 002 reports only ZTE's own word ("says it has relevant security certificated"): claimed, not attested
        assertThat(zte.get("status").asText()).isEqualTo("claimed");
        assertThat(zte.get("basisNote").asText()).contains("ZTE's own claim");
        assertThat(zte.has("auditor")).isFalse();
    }
}
