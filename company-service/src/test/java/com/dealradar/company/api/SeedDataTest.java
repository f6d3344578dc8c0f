package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedDataTest {

    private static final List<String> NAMED_IN_THE_ARTICLES = List.of(
            "alibaba-group",
            "alibaba-cloud",
            "zte",
            "ztesoft",
            "china-unicom",
            "china-mobile",
            "china-telecom",
            "asiainfo",
            "vodafone-group",
            "vodafone-germany",
            "bt-group",
            "bt-global-services",
            "bollore",
            "amazon",
            "amazon-web-services",
            "microsoft",
            "alphabet",
            "google",
            "cisco",
            "telefonica",
            "deutsche-telekom",
            "t-systems",
            "huawei",
            "taobao",
            "tmall",
            "synergy-research-group",
            "forrester-research");

    @Test
    void everyCompanyOfTheArticlesIsThereWithItsSources() {
        for (String slug : NAMED_IN_THE_ARTICLES) {
            given().get("/companies/" + slug)
                    .then()
                    .statusCode(200)
                    .body("sources", not(empty()))
                    .body("sources.kind", everyItem(org.hamcrest.Matchers.in(List.of("article", "general_knowledge"))));
        }
    }

    @Test
    void ownershipOfTheArticlesIsLinked() {
        given().get("/companies/ztesoft")
                .then()
                .body("parents[0].company.slug", equalTo("zte"))
                .body("parents[0].type", equalTo("subsidiary"));
        given().get("/companies/bt-global-services")
                .then()
                .body("parents[0].company.slug", equalTo("bt-group"))
                .body("parents[0].type", equalTo("division"));
        given().get("/companies/t-systems").then().body("parents[0].company.slug", equalTo("deutsche-telekom"));
        given().get("/companies/alibaba-group").then().body("subsidiaries.company.slug", hasItem("alibaba-cloud"));
    }

    @Test
    void seedIdsAreStableForOtherServices() {
        String id = given().get("/companies/alibaba-group").path("id");
        assertThat(id).isEqualTo("0ac5b527-f0f8-5f43-be35-bdfe16ff147a");
        given().get("/companies/ztesoft")
                .then()
                .body(
                        "sources[0].title",
                        equalTo(
                                "Alibaba: Potential ZTEsoft Acquisition Ambitions Signal Competitive Upheaval in Telco Software Market"));
    }
}
