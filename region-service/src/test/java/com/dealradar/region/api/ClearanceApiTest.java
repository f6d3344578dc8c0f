package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.dealradar.region.seed.RegionSeeder;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClearanceApiTest {

    @Test
    void aDealWithoutMattersIsClear() {
        UUID deal = UUID.randomUUID();
        given().get("/clearances/" + deal)
                .then()
                .statusCode(200)
                .body("dealId", equalTo(deal.toString()))
                .body("clear", equalTo(true))
                .body("blockingMatters", empty());
    }

    @Test
    void openMandatorySuspensoryMattersBlockUntilCleared() {
        UUID deal = UUID.randomUUID();
        String nsia = MatterApiTest.create(deal, "UK-NSIA")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.create(deal, "DE-BSI-C5").then().statusCode(201); // not mandatory: never blocks
        MatterApiTest.create(deal, "UK-TSA").then().statusCode(201); // mandatory, not suspensory: never blocks
        given().get("/clearances/" + deal)
                .then()
                .statusCode(200)
                .body("clear", equalTo(false))
                .body("blockingMatters", hasSize(1))
                .body("blockingMatters[0].id", equalTo(nsia))
                .body("blockingMatters[0].regimeCode", equalTo("UK-NSIA"))
                .body("blockingMatters[0].regimeName", equalTo("National Security and Investment Act 2021"))
                .body("blockingMatters[0].regionCode", equalTo("GB"))
                .body("blockingMatters[0].status", equalTo("anticipated"))
                .body("blockingMatters[0].periodEndedOn", nullValue()); // no clock runs yet
        MatterApiTest.move(nsia, "notified", "2024-01-10").then().statusCode(200);
        MatterApiTest.move(nsia, "accepted", "2024-01-12").then().statusCode(200);
        MatterApiTest.move(nsia, "phase1", "2024-01-12").then().statusCode(200);
        // The review period (30 working days from 12 January 2024) ended long ago with no decision recorded: the
        // matter still blocks, and says so.
        String dueOn =
                given().get("/regulatory-matters/" + nsia).then().extract().path("deadline.dueOn");
        assertThat(dueOn).isNotNull();
        given().get("/clearances/" + deal)
                .then()
                .body("clear", equalTo(false))
                .body("blockingMatters[0].status", equalTo("phase1"))
                .body("blockingMatters[0].periodEndedOn", equalTo(dueOn));
        MatterApiTest.move(nsia, "cleared", "2024-02-20").then().statusCode(200);
        given().get("/clearances/" + deal)
                .then()
                .statusCode(200)
                .body("clear", equalTo(true))
                .body("blockingMatters", empty());
    }

    @Test
    void whetherAMatterBlocksIsDecidedByTheRegimeVersionInForceOnItsDay() {
        // The AWV became suspensory on 17 July 2020 (§ 15(3) AWG): a review notified in 2019 (AWV 2018: mandatory, not
        // suspensory) never held up completion, whatever the regime's rules are today.
        UUID deal = UUID.randomUUID();
        String in2019 = MatterApiTest.create(deal, "DE-AWV", "2019-05-02")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.move(in2019, "notified", "2019-05-10")
                .then()
                .statusCode(200)
                .body("blocking", equalTo(false))
                .body("regime.mandatory", equalTo(true))
                .body("regime.suspensory", equalTo(false));
        given().get("/clearances/" + deal).then().statusCode(200).body("clear", equalTo(true));
        UUID later = UUID.randomUUID();
        String in2021 = MatterApiTest.create(later, "DE-AWV", "2021-06-01")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.move(in2021, "notified", "2021-06-01")
                .then()
                .statusCode(200)
                .body("blocking", equalTo(true))
                .body("regime.suspensory", equalTo(true));
        given().get("/clearances/" + later)
                .then()
                .body("clear", equalTo(false))
                .body("blockingMatters[0].id", equalTo(in2021));
    }

    @Test
    void seededVodafoneChinaEntryIsBlockedByMarketAccessLicensing() {
        given().get("/clearances/" + RegionSeeder.dealId("vodafone-china-cloud-entry"))
                .then()
                .statusCode(200)
                .body("clear", equalTo(false))
                .body("blockingMatters[0].regimeCode", equalTo("CN-MIIT-VATS"));
        given().get("/clearances/" + RegionSeeder.dealId("alibaba-cloud-vodafone-germany-partnership"))
                .then()
                .body("clear", equalTo(true));
        given().get("/clearances/" + RegionSeeder.dealId("alibaba-cloud-bt-partnership"))
                .then()
                .body("clear", equalTo(true));
    }

    @Test
    void badDealIdIs400() {
        given().get("/clearances/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dealId"));
    }
}
