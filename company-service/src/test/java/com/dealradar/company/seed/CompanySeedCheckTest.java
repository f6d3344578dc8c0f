package com.dealradar.company.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed consistency check on the shipped companies (must pass) and on a seed broken one rule at a time. */
class CompanySeedCheckTest {

    JsonNode seed;

    @BeforeEach
    void load() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/companies.json")) {
            seed = new ObjectMapper().readTree(in);
        }
    }

    ObjectNode company(String slug) {
        for (JsonNode c : seed.get("companies")) {
            if (c.get("slug").asText().equals(slug)) {
                return (ObjectNode) c;
            }
        }
        throw new IllegalArgumentException(slug);
    }

    @Test
    void theShippedSeedIsConsistent() {
        assertThat(CompanySeedCheck.check(seed).problems()).isEmpty();
    }

    @Test
    void authorsInThePublisherFieldAndUnmarkedMissingPublishersAreRefused() {
        ObjectNode westfall =
                (ObjectNode) company("alibaba-group").get("sources").get(0);
        westfall.put("publisher", "Ron Westfall, Research Director, Service Provider Infrastructure");
        ObjectNode leuschner =
                (ObjectNode) company("alibaba-group").get("sources").get(1);
        leuschner.remove("notStated");
        List<String> problems = CompanySeedCheck.check(seed).problems();
        System.out.println(problems);
        assertThat(problems)
                .hasSize(2)
                .anyMatch(p -> p.contains("company alibaba-group.sources[0]") && p.contains("job title"))
                .anyMatch(p -> p.contains("company alibaba-group.sources[1]") && p.contains("names no publisher"));
    }

    @Test
    void theSeedRecordsWhatTheArticlesAndGeneralKnowledgeSay() {
        assertThat(company("alibaba-group").get("listings").findValuesAsText("exchange"))
                .contains("NYSE", "HKEX");
        assertThat(company("asiainfo").get("listings").findValuesAsText("ticker"))
                .containsExactly("1675");
        assertThat(company("china-unicom-listed").get("listings").findValuesAsText("ticker"))
                .containsExactly("600050");
        assertThat(company("zte").get("description").asText())
                .contains("CNY 500-750 m")
                .contains("7-8%");
        for (JsonNode source : company("alibaba-group").get("sources")) {
            if (source.has("author")) {
                assertThat(source.path("publisher").asText())
                        .doesNotContain(source.get("author").asText());
            }
        }
    }
}
