package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.dealradar.platform.testing.InternalTokens;
import org.junit.jupiter.api.Test;

/** The packaged company-service jar (as deployed) starts on PostgreSQL, migrates, seeds, and answers only the gateway's callers. */
class CompanyServiceProcessTest {

    @Test
    void packagedServiceServesSeedData() {
        given().baseUri(Services.company().url())
                .header("Authorization", InternalTokens.viewer())
                .get("/companies/zte")
                .then().statusCode(200)
                .body("name", equalTo("ZTE"))
                .body("subsidiaries.company.slug", hasItem("ztesoft"));
        given().baseUri(Services.company().url()).get("/companies/zte").then().statusCode(401);
    }
}
