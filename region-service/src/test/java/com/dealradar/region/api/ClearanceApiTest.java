package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.dealradar.region.seed.RegionSeeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
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

    /**
     * A matter may name the trigger rule it is under; a rule with its own flags decides whether it blocks. The AWV's
     * cross-sector review (opened by the ministry of its own motion) never held up completion, though a notifiable
     * acquisition under the same version does. The rule must be one of the version that governs the matter: a code it
     * lacks is a 422 naming the version's rules, on the write and on a transition that moves the matter's day into
     * such a version.
     */
    @Test
    void aMattersTriggerRuleDecidesWhetherItBlocks() {
        UUID deal = UUID.randomUUID();
        String crossSector = MatterApiTest.create(deal, "DE-AWV", "2021-06-01", "cross_sector")
                .then()
                .statusCode(201)
                .body("triggerRule", equalTo("cross_sector"))
                .extract()
                .path("id");
        MatterApiTest.move(crossSector, "notified", "2021-06-01")
                .then()
                .statusCode(200)
                .body("blocking", equalTo(false))
                .body("regime.mandatory", equalTo(false))
                .body("regime.suspensory", equalTo(false));
        given().get("/clearances/" + deal).then().statusCode(200).body("clear", equalTo(true));

        String critical = MatterApiTest.create(deal, "DE-AWV", "2021-06-01", "critical_sector")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.move(critical, "notified", "2021-06-01")
                .then()
                .statusCode(200)
                .body("blocking", equalTo(true))
                .body("regime.suspensory", equalTo(true));
        given().get("/clearances/" + deal)
                .then()
                .body("clear", equalTo(false))
                .body("blockingMatters.id", equalTo(List.of(critical)));

        MatterApiTest.create(UUID.randomUUID(), "DE-AWV", "2021-06-01", "no_such_rule")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("triggerRule"))
                .body("errors[0].message", containsString("version AWV-2021"))
                .body("errors[0].message", containsString("critical_sector, listed_sector_20, cross_sector"));

        // A rule the version of the matter's opening has and the version of its notification does not: the
        // transition that records the notification (which moves the matter's day) is refused, the matter unchanged.
        // (In the EU region, as AssessmentApiTest's own regime, so that no list of a country's regimes sees it.)
        String code = "EU-TEST-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String rule = "{\"code\": \"%s\", \"description\": \"test rule\", \"foreignParty\": true, "
                + "\"mandatory\": %s, \"suspensory\": %s}";
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"name\": \"test regime\", \"regionCode\": \"EU\", "
                        + "\"kind\": \"foreign_investment_screening\", \"authorities\": [{\"name\": \"Ministry\"}], "
                        + "\"mandatory\": true, \"suspensory\": true, \"inForceFrom\": \"1990-01-01\", "
                        + "\"inForceTo\": \"1991-12-31\", \"versions\": ["
                        + "{\"code\": \"V1990\", \"label\": \"first\", \"validFrom\": \"1990-01-01\", "
                        + "\"validTo\": \"1990-12-31\", \"triggerRules\": ["
                        + rule.formatted("notifiable", "true", "true") + ", "
                        + rule.formatted("own_motion", "false", "false")
                        + "]}, {\"code\": \"V1991\", \"label\": \"second\", \"validFrom\": \"1991-01-01\", "
                        + "\"triggerRules\": [" + rule.formatted("notifiable", "true", "true") + "]}], "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regimes")
                .then()
                .statusCode(201);
        String ownMotion = given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID() + "\", \"regimeCode\": \"" + code
                        + "\", \"triggerRule\": \"own_motion\", \"status\": \"anticipated\", "
                        + "\"openedOn\": \"1990-11-01\", \"basis\": \"inferred\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .body("blocking", equalTo(false))
                .extract()
                .path("id");
        MatterApiTest.move(ownMotion, "notified", "1991-02-01")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("no rule 'own_motion' in version V1991"))
                .body("errors[0].message", containsString("its rules: notifiable"));
        given().get("/regulatory-matters/" + ownMotion)
                .then()
                .statusCode(200)
                .body("status", equalTo("anticipated"))
                .body("blocking", equalTo(false));
        MatterApiTest.move(ownMotion, "notified", "1990-12-01")
                .then()
                .statusCode(200)
                .body("blocking", equalTo(false));

        // Nor may the regime lose the rule while a matter is under it: the matter would silently block.
        String etag =
                given().get("/regimes/" + code).then().statusCode(200).extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"versions\": [{\"code\": \"V1990\", \"label\": \"first\", \"validFrom\": \"1990-01-01\", "
                        + "\"validTo\": \"1990-12-31\", \"triggerRules\": ["
                        + rule.formatted("notifiable", "true", "true")
                        + "]}, {\"code\": \"V1991\", \"label\": \"second\", \"validFrom\": \"1991-01-01\", "
                        + "\"triggerRules\": [" + rule.formatted("notifiable", "true", "true") + "]}]}")
                .patch("/regimes/" + code)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("versions"))
                .body("detail", containsString("matter " + ownMotion + " (rule own_motion, version V1990)"));
        given().get("/regulatory-matters/" + ownMotion).then().statusCode(200).body("blocking", equalTo(false));
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
