package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.dealradar.platform.seed.Uuid5;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seed deals: fixed name-based ids (UUIDv5 of deal/<slug>), their facts and histories. */
@QuarkusTest
class DealSeedTest {

    @Test
    void seedDealsAreLoadedWithFixedUuid5Ids() throws Exception {
        JsonNode seed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/deals.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        UUID namespace = UUID.fromString(seed.get("namespace").asText());
        assertThat(seed.get("deals").size()).isGreaterThanOrEqualTo(15);
        for (JsonNode deal : seed.get("deals")) {
            String slug = deal.get("slug").asText();
            assertThat(deal.get("id").asText())
                    .as(slug)
                    .isEqualTo(Uuid5.of(namespace, "deal/" + slug).toString());
            assertThat(seed.get("ids").get(slug).asText())
                    .isEqualTo(deal.get("id").asText());
            given().get("/deals/" + deal.get("id").asText())
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(deal.get("title").asText()))
                    .body("sources", org.hamcrest.Matchers.not(hasSize(0)));
        }
        String ztesoft = seed.get("ids").get("alibaba-ztesoft-acquisition").asText();
        given().get("/deals/" + ztesoft)
                .then()
                .body("type", equalTo("acquisition"))
                .body("status", equalTo("rumored"))
                .body("confidence", equalTo("rumored"))
                .body("announced.precision", equalTo("year"))
                .body("value.currency", equalTo("CNY"))
                .body("value.amountMin", equalTo("2000000000"))
                .body("value.amountUsdMax", equalTo("442000000"))
                .body("value.estimated", equalTo(true))
                .body("participants.role", contains("acquirer", "target", "seller"))
                .body("participants.companyId", hasItem("f604e41d-8f8e-54e2-9294-c78fee942a96"))
                .body("sources[0].note", containsString("440 million"));
        String vodafone = seed.get("ids")
                .get("alibaba-cloud-vodafone-germany-partnership")
                .asText();
        given().get("/deals/" + vodafone)
                .then()
                .body("status", equalTo("active"))
                .body("regions", contains("DE"))
                .body("completed.value", equalTo("2016"));
        given().get("/deals/" + vodafone + "/history")
                .then()
                .body("items.to", contains("announced", "completed", "active"));
        // Alibaba - China Unicom: rumoured in the summer of 2017, stake of about 2% agreed on 16 August 2017
        String unicom = seed.get("ids").get("alibaba-china-unicom-investment").asText();
        Object stake = given().get("/deals/" + unicom)
                .then()
                .statusCode(200)
                .body("status", equalTo("announced"))
                .body("announced.value", equalTo("2017-08-16"))
                .body("announced.precision", equalTo("day"))
                .body("regions", contains("CN"))
                .extract()
                .path("stakePercent");
        assertThat(new java.math.BigDecimal(stake.toString())).isEqualByComparingTo("2");
        given().get("/deals/" + unicom + "/history")
                .then()
                .statusCode(200)
                .body("items.to", contains("rumored", "announced"));
        // AsiaInfo: the analyst's "secondary target" (article 000), a rumour with no price
        given().get("/deals/"
                        + seed.get("ids")
                                .get("alibaba-asiainfo-possible-acquisition")
                                .asText())
                .then()
                .statusCode(200)
                .body("status", equalTo("rumored"))
                .body("type", equalTo("acquisition"))
                .body("announced.precision", equalTo("year"))
                .body("participants.companyId", hasItem("96ac2994-79fe-5a71-bb39-6809d88576f7"))
                .body("description", containsString("'secondary target'"));
        // the seed's companies: Alibaba Group takes part in several seed deals
        given().queryParam("company", "0ac5b527-f0f8-5f43-be35-bdfe16ff147a")
                .get("/deals")
                .then()
                .body("items.id", hasItem(ztesoft));
    }
}
