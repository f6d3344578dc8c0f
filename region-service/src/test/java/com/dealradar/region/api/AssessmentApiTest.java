package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One or more assessment cases per seeded regime, evaluated from the regimes' trigger rules (data). */
@QuarkusTest
class AssessmentApiTest {

    static ValidatableResponse assess(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/regulatory-assessments")
                .then()
                .statusCode(200);
    }

    static String ukAcquisition(String date) {
        return "{\"dealType\": \"acquisition\", \"date\": \"" + date
                + "\", \"regions\": [\"GB\"], \"stakePercent\": 60, \"thresholdsMet\": true, "
                + "\"parties\": [{\"name\": \"Alibaba Cloud\", \"role\": \"acquirer\", \"country\": \"CN\", \"sectors\": [\"cloud_provider\"]}, "
                + "{\"name\": \"BT Global Services\", \"role\": \"target\", \"country\": \"GB\", \"sectors\": [\"telecom_operator\", \"it_services\"]}]}";
    }

    @Test
    void a2018UkDealFallsUnderTheEnterpriseActA2023OneUnderTheNsia() {
        assess(ukAcquisition("2018-07-03"))
                .body("triggered", hasItem("UK-EA02"))
                .body("triggered", not(hasItem("UK-NSIA")))
                .body("regimes.find { it.regimeCode == 'UK-NSIA' }.outcome", equalTo("not_triggered"))
                .body(
                        "regimes.find { it.regimeCode == 'UK-NSIA' }.reasons[0]",
                        containsString("in force from 2022-01-04"))
                .body("regimes.find { it.regimeCode == 'UK-EA02' }.mandatory", equalTo(false));
        // In 2023 the NSIA reviews national security; CMA merger control under the Enterprise Act goes on beside it.
        assess(ukAcquisition("2023-05-10"))
                .body("triggered", hasItem("UK-NSIA"))
                .body("triggered", hasItem("UK-EA02"))
                .body("completionMustWait", equalTo(true))
                .body("regimes.find { it.regimeCode == 'UK-NSIA' }.ruleCode", equalTo("mandatory_notification"))
                .body(
                        "regimes.find { it.regimeCode == 'UK-NSIA' }.reasons",
                        hasItem(containsString("stake 60% is more than 25%")))
                .body(
                        "regimes.find { it.regimeCode == 'UK-NSIA' }.clocks.code",
                        equalTo(List.of("review", "assessment")))
                .body("regimes.find { it.regimeCode == 'UK-EA02' }.regimeVersion.code", equalTo("EA02-2022"))
                .body("regimes.find { it.regimeCode == 'UK-EA02' }.mandatory", equalTo(false))
                .body("regionsWithoutRegimes", equalTo(List.of()));
        // A 20% stake is below the NSIA's "more than 25%".
        assess(ukAcquisition("2023-05-10").replace("\"stakePercent\": 60", "\"stakePercent\": 20"))
                .body("regimes.find { it.regimeCode == 'UK-NSIA' }.outcome", equalTo("not_triggered"));
    }

    @Test
    void theNsiaCatchesAnyStakeOfMoreThan25Percent() {
        // NSIA s. 8(2)(a): "more than 25%". The review's probe: 25.005% was not_triggered against a stored 25.01.
        String probe =
                "{\"dealType\":\"acquisition\",\"date\":\"2023-05-10\",\"stakePercent\":25.005,\"thresholdsMet\":true,"
                        + "\"parties\":[{\"role\":\"acquirer\",\"country\":\"US\",\"sectors\":[\"telecom_software\"]},"
                        + "{\"role\":\"target\",\"country\":\"GB\",\"sectors\":[\"telecom_operator\"]}]}";
        assess(probe)
                .body("regimes.find { it.regimeCode == 'UK-NSIA' }.outcome", equalTo("triggered"))
                .body(
                        "regimes.find { it.regimeCode == 'UK-NSIA' }.reasons",
                        hasItem(containsString("stake 25.005% is more than 25%")));
        assess(probe.replace("25.005", "25"))
                .body("regimes.find { it.regimeCode == 'UK-NSIA' }.outcome", equalTo("not_triggered"))
                .body(
                        "regimes.find { it.regimeCode == 'UK-NSIA' }.reasons[0]",
                        containsString("stake 25% is not more than 25%"));
    }

    @Test
    void ukMergerControlContinuesAfterTheNsiaWithTheDmccThresholdsFrom2025() {
        // The review's probe: a US acquirer of a UK IT services company. Before the fix nothing was triggered from
        // 4 January 2022, as if the Enterprise Act had ended with the NSIA's start.
        String probe = "{\"dealType\":\"acquisition\",\"date\":\"DAY\",\"stakePercent\":100,\"thresholdsMet\":true,"
                + "\"parties\":[{\"role\":\"acquirer\",\"country\":\"US\",\"sectors\":[\"it_services\"]},"
                + "{\"role\":\"target\",\"country\":\"GB\",\"sectors\":[\"it_services\"]}]}";
        for (String[] c : new String[][] {
            {"2022-01-03", "EA02-2020"},
            {"2022-01-04", "EA02-2022"},
            {"2024-12-31", "EA02-2022"},
            {"2025-01-01", "EA02-DMCC"}
        }) {
            assess(probe.replace("DAY", c[0]))
                    .body("triggered", hasItem("UK-EA02"))
                    .body("regimes.find { it.regimeCode == 'UK-EA02' }.regimeVersion.code", equalTo(c[1]))
                    .body("regimes.find { it.regimeCode == 'UK-EA02' }.kind", equalTo("merger_control"))
                    .body(
                            "regimes.find { it.regimeCode == 'UK-EA02' }.clocks.code",
                            equalTo(List.of("phase1", "phase2")))
                    .body(
                            "regimes.find { it.regimeCode == 'UK-EA02' }.authority",
                            containsString("Competition and Markets Authority"));
        }
        assess(probe.replace("DAY", "2025-01-01"))
                .body("regimes.find { it.regimeCode == 'UK-EA02' }.reasons", hasItem(containsString("GBP 100 m")));
    }

    @Test
    void germanMergerControlIsAssessed() {
        // The review's probe: a French operator buys a German one, thresholds met. Before the fix no German regime
        // was triggered and nothing had to wait.
        String probe =
                "{\"dealType\":\"acquisition\",\"date\":\"2023-05-10\",\"stakePercent\":100,\"thresholdsMet\":true,"
                        + "\"parties\":[{\"role\":\"acquirer\",\"country\":\"FR\",\"sectors\":[\"telecom_operator\"]},"
                        + "{\"role\":\"target\",\"country\":\"DE\",\"sectors\":[\"telecom_operator\"]}]}";
        assess(probe)
                .body("triggered", hasItem("DE-GWB"))
                .body("completionMustWait", equalTo(true))
                .body("regimes.find { it.regimeCode == 'DE-GWB' }.kind", equalTo("merger_control"))
                .body("regimes.find { it.regimeCode == 'DE-GWB' }.authority", containsString("Bundeskartellamt"))
                .body("regimes.find { it.regimeCode == 'DE-GWB' }.regimeVersion.code", equalTo("GWB-2021"))
                .body(
                        "regimes.find { it.regimeCode == 'DE-GWB' }.clocks.find { it.code == 'phase2' }.length",
                        equalTo(5));
        assess(probe.replace("2023-05-10", "2019-05-10"))
                .body("regimes.find { it.regimeCode == 'DE-GWB' }.regimeVersion.code", equalTo("GWB-2017"))
                .body(
                        "regimes.find { it.regimeCode == 'DE-GWB' }.clocks.find { it.code == 'phase2' }.length",
                        equalTo(4));
    }

    @Test
    void ukPartnershipsAndTelecomSecurity() {
        String btTalks = "{\"dealType\": \"partnership\", \"date\": \"2018-07-03\", \"regions\": [\"GB\"], "
                + "\"parties\": [{\"name\": \"Alibaba Cloud\", \"role\": \"partner\", \"country\": \"CN\", \"sectors\": [\"cloud_provider\"]}, "
                + "{\"name\": \"BT Global Services\", \"role\": \"partner\", \"country\": \"GB\", \"sectors\": [\"telecom_operator\", \"it_services\"]}]}";
        // Partners' countries are not where a partnership's activity is: the deal names GB only, so China's rules
        // that need the activity there are not triggered.
        assess(btTalks)
                .body("possiblyTriggered", equalTo(List.of("UK-EA02")))
                .body("regimes.find { it.regimeCode == 'UK-EA02' }.ruleCode", equalTo("partnership_as_merger"))
                .body("regimes.find { it.regimeCode == 'UK-EA02' }.authority", containsString("Secretary of State"))
                .body("completionMustWait", equalTo(false))
                .body("regionsWithoutRegimes", equalTo(List.of()));
        assess(btTalks.replace("2018-07-03", "2023-03-01")).body("triggered", equalTo(List.of("UK-TSA")));
    }

    @Test
    void chinaMarketEntryNeedsMiitLicensing() {
        assess(
                        "{\"dealType\": \"market_entry\", \"date\": \"2017-03-27\", \"regions\": [\"CN\"], "
                                + "\"parties\": [{\"name\": \"Vodafone Group\", \"role\": \"investor\", \"country\": \"GB\", \"sectors\": [\"telecom_operator\", \"cloud_provider\"]}]}")
                .body("triggered", equalTo(List.of("CN-MIIT-VATS")))
                .body("regimes.find { it.regimeCode == 'CN-MIIT-VATS' }.authority", containsString("MIIT"))
                .body(
                        "regimes.find { it.regimeCode == 'CN-MIIT-VATS' }.reasons",
                        hasItem(containsString("foreign party: Vodafone Group")))
                .body("completionMustWait", equalTo(true));
        // A Chinese company expanding at home is not foreign.
        assess(
                        "{\"dealType\": \"market_entry\", \"date\": \"2017-03-27\", \"regions\": [\"CN\"], "
                                + "\"parties\": [{\"role\": \"investor\", \"country\": \"CN\", \"sectors\": [\"cloud_provider\"]}]}")
                .body("regimes.find { it.regimeCode == 'CN-MIIT-VATS' }.outcome", equalTo("not_triggered"));
    }

    /**
     * Review M3: {@code regions} lists the countries a deal touches besides the parties' own, so leaving out the
     * target's country must not turn rules that need the activity there into "not triggered".
     */
    @Test
    void aPartysCountryNeedNotBeRepeatedInRegions() {
        String usInvestsInChineseCloud = "{\"dealType\":\"acquisition\",\"date\":\"2023-05-10\",\"stakePercent\":30,"
                + "\"parties\":[{\"role\":\"acquirer\",\"country\":\"US\",\"sectors\":[\"cloud_provider\"]},"
                + "{\"role\":\"target\",\"country\":\"CN\",\"sectors\":[\"cloud_provider\"]}]}";
        String withRegions =
                usInvestsInChineseCloud.replace("\"stakePercent\"", "\"regions\":[\"CN\"],\"stakePercent\"");
        for (String body : List.of(usInvestsInChineseCloud, withRegions)) {
            assess(body)
                    .body("regimes.find { it.regimeCode == 'CN-MIIT-VATS' }.outcome", equalTo("triggered"))
                    .body("regimes.find { it.regimeCode == 'CN-CAC-CSR' }.outcome", equalTo("possibly_triggered"))
                    .body(
                            "regimes.find { it.regimeCode == 'CN-MIIT-VATS' }.reasons",
                            hasItem(containsString("the deal takes place in CN (country of a party (target, CN))")));
        }
        assess("{\"dealType\":\"acquisition\",\"date\":\"2023-05-10\",\"stakePercent\":30,"
                        + "\"parties\":[{\"role\":\"acquirer\",\"country\":\"US\",\"sectors\":[\"telecom_software\"]},"
                        + "{\"role\":\"target\",\"country\":\"GB\",\"sectors\":[\"telecom_operator\"]}]}")
                .body("regimes.find { it.regimeCode == 'UK-TSA' }.outcome", equalTo("triggered"));
    }

    @Test
    void chinaMergerControlAuthorityDependsOnTheDate() {
        String ztesoft =
                "{\"dealType\": \"acquisition\", \"date\": \"2017-08-01\", \"stakePercent\": 100, \"thresholdsMet\": true, "
                        + "\"parties\": [{\"name\": \"Alibaba Group\", \"role\": \"acquirer\", \"country\": \"CN\", \"sectors\": [\"e_commerce\"]}, "
                        + "{\"name\": \"ZTEsoft\", \"role\": \"target\", \"country\": \"CN\", \"sectors\": [\"telecom_software\"]}, "
                        + "{\"name\": \"ZTE\", \"role\": \"seller\", \"country\": \"CN\"}]}";
        assess(ztesoft)
                .body("triggered", hasItem("CN-AML"))
                .body("regimes.find { it.regimeCode == 'CN-AML' }.authority", containsString("MOFCOM"));
        assess(ztesoft.replace("2017-08-01", "2019-08-01"))
                .body("regimes.find { it.regimeCode == 'CN-AML' }.authority", containsString("SAMR"));
        assess(ztesoft.replace("\"thresholdsMet\": true", "\"thresholdsMet\": false"))
                .body("regimes.find { it.regimeCode == 'CN-AML' }.outcome", equalTo("not_triggered"));
        assess(ztesoft.replace(", \"thresholdsMet\": true", ""))
                .body("possiblyTriggered", hasItem("CN-AML"))
                .body(
                        "regimes.find { it.regimeCode == 'CN-AML' }.reasons",
                        hasItem(containsString("thresholds not checked")));
    }

    @Test
    void chinaCybersecurityReviewIsPossibleForOperators() {
        String unicom = "{\"dealType\": \"partnership\", \"date\": \"2018-01-10\", \"regions\": [\"CN\"], "
                + "\"parties\": [{\"name\": \"China Unicom\", \"role\": \"partner\", \"country\": \"CN\", \"sectors\": [\"telecom_operator\"]}, "
                + "{\"name\": \"Alibaba Cloud\", \"role\": \"partner\", \"country\": \"CN\", \"sectors\": [\"cloud_provider\"]}]}";
        assess(unicom).body("possiblyTriggered", hasItem("CN-CAC-CSR"));
        assess(unicom.replace("2018-01-10", "2016-05-01"))
                .body("regimes.find { it.regimeCode == 'CN-CAC-CSR' }.outcome", equalTo("not_triggered"));
    }

    @Test
    void germany() {
        String vodafone = "{\"dealType\": \"hosting_reseller\", \"date\": \"2016-11-01\", \"regions\": [\"DE\"], "
                + "\"parties\": [{\"name\": \"Alibaba Cloud\", \"role\": \"vendor\", \"country\": \"CN\", \"sectors\": [\"cloud_provider\"]}, "
                + "{\"name\": \"Vodafone Germany\", \"role\": \"host\", \"country\": \"DE\", \"sectors\": [\"telecom_operator\"]}]}";
        assess(vodafone).body("triggered", equalTo(List.of("DE-BSI-C5"))).body("completionMustWait", equalTo(false));
        String stake = "{\"dealType\": \"minority_investment\", \"date\": \"2019-06-01\", \"stakePercent\": 12, "
                + "\"parties\": [{\"role\": \"investor\", \"country\": \"CN\"}, {\"role\": \"investee\", \"country\": \"DE\", \"sectors\": [\"telecom_operator\"]}]}";
        assess(stake)
                .body("triggered", equalTo(List.of("DE-AWV")))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.ruleCode", equalTo("critical_sector"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.authority", containsString("BMWi"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.regimeVersion.code", equalTo("AWV-2018"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.suspensory", equalTo(false))
                .body(
                        "regimes.find { it.regimeCode == 'DE-AWV' }.clocks.find { it.code == 'phase1' }.length",
                        equalTo(3));
        // The same deal after the July 2020 AWG amendment: suspensory, phase 1 of two months; the answer names the
        // version.
        assess(stake.replace("2019-06-01", "2020-08-01"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.regimeVersion.code", equalTo("AWG-2020"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.regimeVersion.note", containsString("§ 15(3) AWG"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.suspensory", equalTo(true))
                .body("completionMustWait", equalTo(true))
                .body(
                        "regimes.find { it.regimeCode == 'DE-AWV' }.clocks.find { it.code == 'phase1' }.length",
                        equalTo(2));
        // A UK investor was an EU investor for the AWV until the end of 2020.
        assess(stake.replace("\"country\": \"CN\"", "\"country\": \"GB\"").replace("2019-06-01", "2020-12-31"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.outcome", equalTo("not_triggered"));
        assess(stake.replace("\"country\": \"CN\"", "\"country\": \"GB\"").replace("2019-06-01", "2021-01-01"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.outcome", equalTo("triggered"));
        // An EU investor is not foreign for the AWV; a non-critical target needs 25%.
        assess(stake.replace("\"country\": \"CN\"", "\"country\": \"FR\""))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.outcome", equalTo("not_triggered"))
                .body("regionsWithoutRegimes", equalTo(List.of("FR")));
        assess(stake.replace("telecom_operator", "media"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.outcome", equalTo("not_triggered"));
        // The cross-sector review (AWV § 55) is the ministry's own: a 30% stake in a German IT company triggers it, but
        // nothing has to be notified and completion need not wait (§ 15(3) AWG bans completion of notifiable
        // acquisitions only). A telecom target is a notifiable acquisition, which decides. (Merger control's turnover
        // thresholds are stated as not met, so that no other regime makes completion wait.)
        String crossSector = stake.replace("2019-06-01", "2023-03-01")
                .replace("12,", "30, \"thresholdsMet\": false,")
                .replace("telecom_operator", "it_services");
        assess(crossSector)
                .body("triggered", equalTo(List.of("DE-AWV")))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.ruleCode", equalTo("cross_sector"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.regimeVersion.code", equalTo("AWV-2021"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.mandatory", equalTo(false))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.suspensory", equalTo(false))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.completionMustWait", equalTo(false))
                .body(
                        "regimes.find { it.regimeCode == 'DE-AWV' }.reasons",
                        hasItem(containsString("under this rule filing is not mandatory and completion need not wait")))
                .body("completionMustWait", equalTo(false));
        assess(crossSector.replace("it_services", "telecom_operator"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.ruleCode", equalTo("critical_sector"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.mandatory", equalTo(true))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.suspensory", equalTo(true))
                .body(
                        "regimes.find { it.regimeCode == 'DE-AWV' }.reasons",
                        hasItem(
                                "rule cross_sector also triggered: under it filing is not mandatory and completion need not"
                                        + " wait"))
                .body("completionMustWait", equalTo(true));
        // The investee's sectors not given: the cross-sector review applies for certain, a listed sector possibly,
        // so completion may have to wait.
        assess(crossSector.replace(", \"sectors\": [\"it_services\"]", ""))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.outcome", equalTo("triggered"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.ruleCode", equalTo("cross_sector"))
                .body("regimes.find { it.regimeCode == 'DE-AWV' }.completionMustWait", equalTo(true))
                .body("completionMustWait", equalTo(true));
        String huawei = "{\"dealType\": \"partnership\", \"date\": \"2022-06-01\", \"regions\": [\"DE\"], "
                + "\"parties\": [{\"name\": \"T-Systems\", \"role\": \"partner\", \"country\": \"DE\", \"sectors\": [\"it_services\", \"telecom_operator\"]}, "
                + "{\"name\": \"Huawei\", \"role\": \"vendor\", \"country\": \"CN\", \"sectors\": [\"network_equipment\"]}]}";
        assess(huawei).body("possiblyTriggered", hasItem("DE-BSIG-9B"));
        assess(huawei.replace("2022-06-01", "2018-06-01"))
                .body("regimes.find { it.regimeCode == 'DE-BSIG-9B' }.outcome", equalTo("not_triggered"))
                .body(
                        "regimes.find { it.regimeCode == 'DE-BSIG-9B' }.reasons[0]",
                        containsString("in force from 2021-05-28"));
    }

    /**
     * A supranational region's regime applies to a deal in its members of the deal date: an Austrian target is in the
     * EU from Austria's accession (1 January 1995), not the day before, and a French buyer is not foreign to the EU.
     * The regime is the test's own, in force only in 1994-1995, which no other case assesses.
     */
    @Test
    void aSupranationalRegimeAppliesToDealsInItsMembersOfTheDealDate() {
        String code = "EU-TEST-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"name\": \"test regime\", \"regionCode\": \"EU\", "
                        + "\"kind\": \"foreign_investment_screening\", \"authorities\": [{\"name\": \"Commission\"}], "
                        + "\"mandatory\": true, \"suspensory\": true, \"inForceFrom\": \"1994-01-01\", "
                        + "\"inForceTo\": \"1995-12-31\", \"triggerRules\": [{\"code\": \"foreign_buyer\", "
                        + "\"description\": \"a buyer from outside the Union\", \"foreignParty\": true, "
                        + "\"domesticTarget\": true, \"dealInRegion\": true}], "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regimes")
                .then()
                .statusCode(201);
        String usBuysAustrian = "{\"dealType\": \"acquisition\", \"date\": \"1995-01-01\", \"stakePercent\": 100, "
                + "\"parties\": [{\"role\": \"acquirer\", \"country\": \"US\"}, "
                + "{\"role\": \"target\", \"country\": \"AT\"}]}";
        assess(usBuysAustrian)
                .body("triggered", hasItem(code))
                .body("regimes.find { it.regimeCode == '" + code + "' }.regionCode", equalTo("EU"))
                .body(
                        "regimes.find { it.regimeCode == '" + code + "' }.reasons",
                        hasItem(containsString("party in EU")))
                .body("completionMustWait", equalTo(true));
        assess(usBuysAustrian.replace("1995-01-01", "1994-12-31"))
                .body("regimes.regimeCode", not(hasItem(code)))
                .body("completionMustWait", equalTo(false));
        assess(usBuysAustrian.replace("\"US\"", "\"FR\""))
                .body("regimes.find { it.regimeCode == '" + code + "' }.outcome", equalTo("not_triggered"));
    }

    @Test
    void regionsWithoutRegimeDataAreNamed() {
        assess(
                        "{\"dealType\": \"partnership\", \"date\": \"2018-07-03\", "
                                + "\"parties\": [{\"role\": \"partner\", \"country\": \"GB\"}, {\"role\": \"partner\", \"country\": \"US\"}]}")
                .body("regionsWithoutRegimes", equalTo(List.of("US")));
    }

    @Test
    void badFacts() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"dealType\": \"takeover\", \"date\": \"2018-07-03\", \"parties\": [{\"role\": \"target\", \"country\": \"GB\"}]}")
                .post("/regulatory-assessments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dealType"))
                .body("detail", containsString("acquisition"));
        given().contentType(ContentType.JSON)
                .body("{\"dealType\": \"acquisition\", \"date\": \"2018-07-03\", \"parties\": []}")
                .post("/regulatory-assessments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parties"));
        given().contentType(ContentType.JSON)
                .body("{\"dealType\": \"acquisition\", \"date\": \"2018-07-03\", \"stakePercent\": 150, "
                        + "\"parties\": [{\"role\": \"target\", \"country\": \"gb\"}]}")
                .post("/regulatory-assessments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("stakePercent"))
                .body("errors.field", hasItem("parties[0].country"));
    }
}
