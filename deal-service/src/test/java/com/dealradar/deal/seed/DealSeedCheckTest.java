package com.dealradar.deal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.geo.CountryCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed consistency check on the shipped deals (which must pass: a broken seed fails this build) and on
 * seeds broken one rule at a time. The regions come from region-service's own seed file, so a deal region that
 * region-service does not have (EU before it became a supranational region there) fails here too.
 */
class DealSeedCheckTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    JsonNode seed;

    @BeforeEach
    void load() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/deals.json")) {
            seed = MAPPER.readTree(in);
        }
    }

    /** Region codes of region-service's seed (the module next to this one). */
    static Set<String> regionServiceRegions() throws Exception {
        JsonNode regions = MAPPER.readTree(new File("../region-service/src/main/resources/seed/regions.json"));
        Set<String> codes = new HashSet<>();
        regions.get("regions").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    ObjectNode deal(String slug) {
        for (JsonNode d : seed.get("deals")) {
            if (d.get("slug").asText().equals(slug)) {
                return (ObjectNode) d;
            }
        }
        throw new IllegalArgumentException(slug);
    }

    List<String> problems() throws Exception {
        List<String> problems =
                DealSeedCheck.check(seed, regionServiceRegions()).problems();
        System.out.println(problems);
        return problems;
    }

    @Test
    void theShippedSeedIsConsistentAndEveryRegionExistsInRegionService() throws Exception {
        assertThat(DealSeedCheck.check(seed, regionServiceRegions()).problems()).isEmpty();
        assertThat(DealSeedCheck.check(seed, CountryCodes.DEAL_REGIONS).problems())
                .isEmpty();
    }

    @Test
    void aStatusThatContradictsTheHistoryIsRefused() throws Exception {
        deal("alibaba-cloud-vodafone-germany-partnership").put("status", "announced");
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("status is announced but the last history entry is active");
        assertThatThrownBy(
                        () -> DealSeedCheck.check(seed, regionServiceRegions()).throwIfAny())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deal alibaba-cloud-vodafone-germany-partnership");
    }

    @Test
    void aRegionThatRegionServiceDoesNotHaveIsRefused() throws Exception {
        ((ArrayNode) deal("zte-european-cloud-expansion").get("regions"))
                .removeAll()
                .add("EA");
        assertThat(problems()).anyMatch(p -> p.contains("refers to region EA"));
    }

    @Test
    void anAuthorAsPublisherAndAnUndatedArticleWithoutMarkAreRefused() throws Exception {
        ObjectNode source =
                (ObjectNode) deal("alibaba-ztesoft-acquisition").get("sources").get(0);
        source.put("publisher", "Charlie Osborne (contributing writer)");
        source.remove("notStated");
        assertThat(problems())
                .anyMatch(p -> p.contains("reads as a person or a job title"))
                .anyMatch(p -> p.contains("without publishedOn must list publishedOn in notStated"));
    }

    @Test
    void aDayTheSourcesDoNotGiveIsRefused() throws Exception {
        ObjectNode bt = deal("alibaba-cloud-bt-partnership");
        bt.set("announced", MAPPER.createObjectNode().put("value", "2018-07-01").put("precision", "day"));
        assertThat(problems())
                .anyMatch(p -> p.contains("announced: 2018-07-01 is day-precise on the first of a month"));
    }

    @Test
    void anAnnouncedDateThatDisagreesWithTheHistoryIsRefused() throws Exception {
        ObjectNode unicom = deal("alibaba-china-unicom-investment");
        unicom.set("announced", MAPPER.createObjectNode().put("value", "2017").put("precision", "year"));
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("deal alibaba-china-unicom-investment.announced")
                .contains("2017 (year) but the history's announced entry says 2017-08-16 (day)");
    }

    @Test
    void anAnnouncedDateBeforeTheFirstHistoryEntryIsRefused() throws Exception {
        ObjectNode vodafone = deal("alibaba-cloud-vodafone-germany-partnership");
        ((ObjectNode) vodafone.get("history").get(0))
                .set(
                        "effectiveDate",
                        MAPPER.createObjectNode().put("value", "2015").put("precision", "year"));
        ((ObjectNode) vodafone.get("history").get(0)).put("status", "rumored");
        vodafone.set("announced", MAPPER.createObjectNode().put("value", "2014").put("precision", "year"));
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("deal alibaba-cloud-vodafone-germany-partnership.announced")
                .contains("2014 (year) is before the history's first entry (2015 (year))");
    }

    @Test
    void theChinaUnicomInvestmentAsTheSourcesGiveIt() {
        ObjectNode unicom = deal("alibaba-china-unicom-investment");
        // speculation "throughout the summer of 2017" (article 000), the stake agreed on 16 August 2017
        assertThat(unicom.get("status").asText()).isEqualTo("announced");
        assertThat(unicom.get("announced").get("value").asText()).isEqualTo("2017-08-16");
        assertThat(unicom.get("announced").get("precision").asText()).isEqualTo("day");
        JsonNode history = unicom.get("history");
        assertThat(history.findValuesAsText("status")).containsExactly("rumored", "announced");
        assertThat(history.get(0).get("effectiveDate").get("precision").asText())
                .isEqualTo("year");
        assertThat(history.get(history.size() - 1).get("status").asText())
                .isEqualTo(unicom.get("status").asText());
        assertThat(unicom.get("type").asText()).isEqualTo("minority_investment");
        assertThat(unicom.get("stakePercent").decimalValue()).isEqualByComparingTo("2");
        assertThat(unicom.get("title").asText()).contains("China United Network Communications Ltd");
        assertThat(unicom.get("participants").findValuesAsText("role"))
                .containsExactly("investor", "investee", "seller");
        assertThat(unicom.get("sources").get(0).get("note").asText()).contains("heavily invest in China Unicom");
        assertThat(unicom.get("sources").findValuesAsText("kind")).contains("general_knowledge");
    }

    @Test
    void theAsiaInfoSecondaryTargetAsArticle000GivesIt() {
        ObjectNode asiainfo = deal("alibaba-asiainfo-possible-acquisition");
        // "Completing the acquisition of ZTEsoft or a secondary target like AsiaInfo": an analyst's scenario
        assertThat(asiainfo.get("status").asText()).isEqualTo("rumored");
        assertThat(asiainfo.get("confidence").asText()).isEqualTo("rumored");
        assertThat(asiainfo.get("type").asText()).isEqualTo("acquisition");
        assertThat(asiainfo.get("title").asText()).contains("'secondary target'");
        assertThat(asiainfo.get("announced").get("value").asText()).isEqualTo("2017");
        assertThat(asiainfo.get("announced").get("precision").asText()).isEqualTo("year");
        assertThat(asiainfo.get("participants").findValuesAsText("role")).containsExactly("acquirer", "target");
        assertThat(asiainfo.get("participants").findValuesAsText("companyId"))
                .containsExactly("0ac5b527-f0f8-5f43-be35-bdfe16ff147a", "96ac2994-79fe-5a71-bb39-6809d88576f7");
        assertThat(asiainfo.has("value"))
                .as("the article gives no price for AsiaInfo")
                .isFalse();
        JsonNode source = asiainfo.get("sources").get(0);
        assertThat(source.get("publisher").asText()).isEqualTo("GlobalData");
        assertThat(source.get("author").asText()).isEqualTo("Ron Westfall");
        assertThat(source.get("note").asText()).contains("a secondary target like AsiaInfo");
    }
}
