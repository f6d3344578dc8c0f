package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deal-completion guard across the two packaged services: while region-service holds an open matter under
 * a mandatory, suspensory regime (UK NSIA) on a deal, deal-service refuses to complete it (409 naming the
 * matter); once the matter is cleared, completion succeeds.
 */
class ClearanceGuardEndToEndTest {

    /** company-service seed ids (company-service/src/main/resources/seed/companies.json). */
    private static final String ALIBABA_CLOUD = "9be747c1-fdf7-5317-8f6a-a66d8928c7f7";

    private static final String BT_GLOBAL_SERVICES = "3c0ad5e3-9a47-51c0-9be7-db3df3866cfb";

    @Test
    void aDealCompletesOnlyAfterItsSuspensoryMatterIsCleared() {
        String region = Services.region().url();
        String deals = Services.deal().url();

        String dealId = given().baseUri(deals)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"title": "Clearance guard test: Alibaba Cloud acquires a stake in BT Global Services",
                         "type": "acquisition", "status": "pending_approval", "confidence": "reported",
                         "announced": {"value": "2023-05", "precision": "month"},
                         "stakePercent": 30, "regions": ["GB"],
                         "participants": [{"companyId": "%s", "role": "acquirer"}, {"companyId": "%s", "role": "target"}],
                         "description": "Made up by the end-to-end test of the completion guard",
                         "sources": [{"kind": "general_knowledge", "note": "test data"}]}
                        """.formatted(ALIBABA_CLOUD, BT_GLOBAL_SERVICES))
                .post("/deals")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("status", equalTo("pending_approval"))
                .extract()
                .path("id");

        Response opened = given().baseUri(region)
                .contentType(ContentType.JSON)
                .body("""
                        {"dealId": "%s", "regimeCode": "UK-NSIA", "title": "NSIA mandatory notification",
                         "status": "anticipated", "openedOn": "2023-05-15", "basis": "inferred",
                         "sources": [{"kind": "general_knowledge", "note": "test data"}]}
                        """.formatted(dealId))
                .post("/regulatory-matters");
        opened.then().log().ifValidationFails().statusCode(201).body("blocking", equalTo(true));
        String matterId = opened.path("id");

        given().baseUri(region)
                .get("/clearances/" + dealId)
                .then()
                .statusCode(200)
                .body("clear", equalTo(false))
                .body("blockingMatters[0].id", equalTo(matterId));

        String dealTag = given().baseUri(deals)
                .get("/deals/" + dealId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().baseUri(deals)
                .contentType(ContentType.JSON)
                .header("If-Match", dealTag)
                .body("{\"status\": \"completed\", \"note\": \"closing attempted before clearance\"}")
                .post("/deals/" + dealId + "/status-changes")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("UK-NSIA"))
                .body("errors.message", hasItem(containsString(matterId)));
        given().baseUri(deals)
                .get("/deals/" + dealId)
                .then()
                .statusCode(200)
                .body("status", equalTo("pending_approval"));

        String etag = opened.header("ETag");
        for (String[] step : new String[][] {
            {"notified", "2023-05-16"}, {"accepted", "2023-05-22"}, {"phase1", "2023-05-22"}, {"cleared", "2023-06-20"}
        }) {
            etag = given().baseUri(region)
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body("{\"status\": \"" + step[0] + "\", \"on\": \"" + step[1] + "\"}")
                    .post("/regulatory-matters/" + matterId + "/transitions")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("status", equalTo(step[0]))
                    .extract()
                    .header("ETag");
        }
        given().baseUri(region)
                .get("/clearances/" + dealId)
                .then()
                .statusCode(200)
                .body("clear", equalTo(true));

        given().baseUri(deals)
                .contentType(ContentType.JSON)
                .header("If-Match", dealTag)
                .body("{\"status\": \"completed\", \"note\": \"closed after NSIA approval\"}")
                .post("/deals/" + dealId + "/status-changes")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("completed"));
    }
}
