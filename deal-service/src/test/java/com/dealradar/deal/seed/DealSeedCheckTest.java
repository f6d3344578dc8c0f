package com.dealradar.deal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.deal.domain.DealService;
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
        assertThat(DealSeedCheck.check(seed, DealService.REGIONS).problems()).isEmpty();
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
}
