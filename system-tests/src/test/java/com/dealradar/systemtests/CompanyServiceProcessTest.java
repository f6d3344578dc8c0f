package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.dealradar.platform.testing.InternalTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The packaged company-service jar (as deployed) starts on PostgreSQL, migrates, seeds, and answers only the gateway's callers. */
class CompanyServiceProcessTest {

    @Test
    void packagedServiceServesSeedData() throws Exception {
        given().baseUri(Services.company().url())
                .header("Authorization", InternalTokens.viewer())
                .get("/companies/zte")
                .then()
                .statusCode(200)
                .body("name", equalTo("ZTE"))
                .body("subsidiaries.company.slug", hasItem("ztesoft"));
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Services.company().url() + "/companies/zte"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
