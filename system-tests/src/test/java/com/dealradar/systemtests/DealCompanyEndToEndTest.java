package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged deal-service and company-service jars, each on its own PostgreSQL database: deal-service
 * checks participants against the real company-service (its REST client, not a mock) and refuses an
 * unknown company with 422.
 */
class DealCompanyEndToEndTest {

    private static String companyId(String slug) {
        return given().baseUri(Services.company().url())
                .get("/companies/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static String deal(String acquirer, String target) {
        return """
                {
                  "title": "End-to-end test: Alibaba Cloud acquires a stake in BT Global Services",
                  "type": "minority_investment",
                  "status": "rumored",
                  "confidence": "rumored",
                  "announced": {"value": "2018-07", "precision": "month"},
                  "value": {"amount": "500000000", "currency": "GBP", "amountUsd": "660000000", "estimated": true},
                  "stakePercent": 10,
                  "regions": ["GB"],
                  "participants": [
                    {"companyId": "%s", "role": "investor"},
                    {"companyId": "%s", "role": "investee"}
                  ],
                  "sources": [{"kind": "general_knowledge", "note": "made up by DealCompanyEndToEndTest"}]
                }""".formatted(acquirer, target);
    }

    @Test
    void dealWithRealCompanyServiceParticipants() {
        String alibabaCloud = companyId("alibaba-cloud");
        String btGlobalServices = companyId("bt-global-services");
        String deals = Services.deal().url();

        String id = given().baseUri(deals)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(deal(alibabaCloud, btGlobalServices))
                .post("/deals")
                .then()
                .statusCode(201)
                .body("participants.companyId", hasItem(alibabaCloud))
                .body("valueUsd", equalTo("660000000"))
                .extract()
                .path("id");

        List<String> investments = given().baseUri(deals)
                .queryParam("company", alibabaCloud)
                .queryParam("role", "investor")
                .get("/deals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(investments).contains(id);
        // The same list by the company's slug: deal-service asks company-service which company it names.
        List<String> bySlug = given().baseUri(deals)
                .queryParam("company", "Alibaba-Cloud")
                .queryParam("role", "investor")
                .get("/deals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(bySlug).isEqualTo(investments);
        given().baseUri(deals)
                .queryParam("company", "no-company-has-this-slug")
                .get("/deals")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());

        given().baseUri(deals)
                .get("/deals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items[0].to", equalTo("rumored"));
    }

    @Test
    void unknownCompanyIsRefusedWith422() {
        String alibabaCloud = companyId("alibaba-cloud");
        String unknown = UUID.randomUUID().toString();
        given().baseUri(Services.deal().url())
                .contentType(ContentType.JSON)
                .body(deal(alibabaCloud, unknown))
                .post("/deals")
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString(unknown))
                .body("errors[0].field", equalTo("participants[1].companyId"));
    }

    @Test
    void seedDealsReferToSeedCompanies() {
        String alibabaGroup = companyId("alibaba-group");
        given().baseUri(Services.deal().url())
                .get("/deals/973a4522-3530-5077-b71c-a59a70f0ce3f")
                .then()
                .statusCode(200)
                .body("title", containsString("ZTEsoft"))
                .body("participants.companyId", hasItem(alibabaGroup))
                .body("participants.companyId", hasItem(companyId("ztesoft")));
    }
}
