package com.dealradar.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.dealradar.platform.testing.LocalH2Profile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The run command's path: the "local" profile on an embedded H2 file database, migrated by the same
 * Flyway scripts and seeded. Keeps the zero-install default from rotting.
 */
@QuarkusTest
@TestProfile(LocalH2Profile.class)
class LocalProfileH2Test {

    /** Health and metrics are on the management interface (a random port in tests), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true) // relative to the management root, /q
    URL ready;

    @Test
    void seededAndWritableOnH2() {
        given().get(ready).then().statusCode(200);
        given().get("/companies/ztesoft").then().statusCode(200).body("parents[0].company.slug", equalTo("zte"));
        given().queryParam("q", "bollo").get("/companies").then().body("items.slug", hasItem("bollore"));
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\": \"H2 Telecom\", \"country\": \"DE\", \"kind\": \"group\"}")
                .post("/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"headquartersCity\": \"Köln\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        given().get("/companies/h2-telecom").then().body("headquartersCity", equalTo("Köln"));
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("dealradar.data-dir", String.class));
        org.assertj.core.api.Assertions.assertThat(dataDir.resolve("company-service.mv.db"))
                .exists();
    }
}
