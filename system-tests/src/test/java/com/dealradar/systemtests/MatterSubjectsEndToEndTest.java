package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged region-service asks the packaged deal-service and company-service whether what a regulatory matter or
 * a certification is about exists, and writes nothing about an unknown deal or company (422 naming the field).
 */
class MatterSubjectsEndToEndTest {

    /** company-service seed ids (company-service/src/main/resources/seed/companies.json). */
    private static final String ALIBABA_CLOUD = "9be747c1-fdf7-5317-8f6a-a66d8928c7f7";

    /** deal-service seed id of the Alibaba Cloud / BT Global Services partnership. */
    private static final String ALIBABA_BT_PARTNERSHIP = "0c049119-0caf-5496-a4b8-018a0642ac37";

    private static Response openMatter(String region, String subject) {
        return given().baseUri(region)
                .contentType(ContentType.JSON)
                .body("""
                        {%s, "regimeCode": "uk-nsia", "title": "Subject check", "status": "anticipated",
                         "openedOn": "2024-03-01", "basis": "inferred",
                         "sources": [{"kind": "general_knowledge", "note": "test data"}]}
                        """.formatted(subject))
                .post("/regulatory-matters");
    }

    @Test
    void mattersAndCertificationsAreOnlyAboutDealsAndCompaniesThatExist() {
        String region = Services.region().url();
        String unknownDeal = UUID.randomUUID().toString();
        openMatter(region, "\"dealId\": \"" + unknownDeal + "\"")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dealId"))
                .body("detail", containsString("does not exist in deal-service"));
        given().baseUri(region)
                .queryParam("dealId", unknownDeal)
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", empty());
        openMatter(region, "\"dealId\": \"" + ALIBABA_BT_PARTNERSHIP + "\"")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("dealId", equalTo(ALIBABA_BT_PARTNERSHIP))
                .body("regime.code", equalTo("UK-NSIA"));

        openMatter(region, "\"companyId\": \"" + UUID.randomUUID() + "\"")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("companyId"))
                .body("detail", containsString("does not exist in company-service"));
        openMatter(region, "\"companyId\": \"" + ALIBABA_CLOUD + "\"").then().statusCode(201);

        String certification = """
                {"companyId": "%s", "regionCode": "DE", "scheme": "bsi_c5_2020", "status": "claimed",
                 "basis": "inferred", "sources": [{"kind": "general_knowledge", "note": "test data"}]}""";
        given().baseUri(region)
                .contentType(ContentType.JSON)
                .body(certification.formatted(UUID.randomUUID()))
                .post("/certifications")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("companyId"));
        given().baseUri(region)
                .contentType(ContentType.JSON)
                .body(certification.formatted(ALIBABA_CLOUD))
                .post("/certifications")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
    }
}
