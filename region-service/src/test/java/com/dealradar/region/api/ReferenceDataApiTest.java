package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Regions and regimes: seeded reference data, readable by everyone, editable with If-Match. */
@QuarkusTest
class ReferenceDataApiTest {

    @Test
    void regionsWithTheirRegimes() {
        given().get("/regions/GB")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("United Kingdom"))
                .body("regimes.code", hasItems("UK-EA02", "UK-NSIA", "UK-TSA"))
                .body("holidayCalendar", containsString("Jollyday"));
        given().get("/regions/cn")
                .then()
                .statusCode(200)
                .body("regimes.code", hasItems("CN-MIIT-VATS", "CN-CAC-CSR", "CN-AML"))
                .body("holidayCalendar", containsString("2017-2026"));
        given().get("/regions/DE")
                .then()
                .statusCode(200)
                .body("regimes.code", hasItems("DE-BSI-C5", "DE-AWV", "DE-BSIG-9B", "DE-GWB"));
        given().get("/regions/US").then().statusCode(200).body("holidayCalendar", notNullValue());
        given().get("/regions/ZZ").then().statusCode(404).contentType("application/problem+json");
        given().get("/regions/123").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void regionListIsKeysetPaged() {
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", "2");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/regions");
            page.then().statusCode(200);
            codes.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                page.then().header("Link", containsString("cursor="));
            }
        } while (cursor != null);
        org.assertj.core.api.Assertions.assertThat(codes)
                .contains("CN", "DE", "ES", "FR", "GB", "US")
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void regionWritesAndIdempotentCreate() {
        String key = UUID.randomUUID().toString();
        String body =
                "{\"code\": \"IT\", \"name\": \"Italy\", \"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}";
        Response created = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regions");
        // Every run has a fresh database (PostgresDatabase) and IT is not seeded: the first create is a 201.
        created.then().statusCode(201).header("Location", containsString("/regions/IT"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
        given().contentType(ContentType.JSON).body(body).post("/regions").then().statusCode(409);
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"QQ\", \"name\": \"Nowhere\"}")
                .post("/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        String etag = created.header("ETag");
        given().contentType("application/merge-patch+json")
                .body("{\"description\": \"x\"}")
                .patch("/regions/IT")
                .then()
                .statusCode(428);
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\": \"Italian Republic\"}")
                .patch("/regions/IT")
                .then()
                .statusCode(200)
                .body("description", equalTo("Italian Republic"))
                .header("ETag", not(equalTo(etag)));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\": \"stale\"}")
                .patch("/regions/IT")
                .then()
                .statusCode(412);
    }

    @Test
    void regimesCarryRulesClocksAndAuthorities() {
        given().get("/regimes/UK-NSIA")
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("GB"))
                .body("mandatory", equalTo(true))
                .body("suspensory", equalTo(true))
                .body("inForceFrom", equalTo("2022-01-04"))
                .body("inForceTo", nullValue())
                .body("inForce", equalTo(true))
                .body("clocks.code", equalTo(List.of("review", "assessment")))
                .body("clocks[1].length", equalTo(30))
                .body("clocks[1].extensions.length", hasItem(45))
                .body("triggerRules[0].code", equalTo("mandatory_notification"))
                .body("sources[0].kind", equalTo("official"));
        given().get("/regimes/uk-nsia").then().statusCode(200).body("code", equalTo("UK-NSIA"));
        given().get("/regimes/CN-AML")
                .then()
                .statusCode(200)
                .body("authority", containsString("SAMR"))
                .body("authorities[0].name", containsString("MOFCOM"));
        // The Enterprise Act's merger control did not end with the NSIA (only its national-security ground did).
        given().get("/regimes/UK-EA02")
                .then()
                .statusCode(200)
                .body("kind", equalTo("merger_control"))
                .body("inForce", equalTo(true))
                .body("inForceTo", nullValue())
                .body("authority", containsString("Competition and Markets Authority"))
                .body("clocks.find { it.code == 'phase1' }.holidayRegions", equalTo(List.of("GB-ENG", "GB-WLS")));
        given().get("/regimes/DE-GWB")
                .then()
                .statusCode(200)
                .body("kind", equalTo("merger_control"))
                .body("inForce", equalTo(true))
                .body("versions.code", equalTo(List.of("GWB-2013", "GWB-2017", "GWB-2021")))
                .body("versions.validFrom", equalTo(List.of("2013-06-30", "2017-06-09", "2021-01-19")));
        given().get("/regimes/XX-NONE").then().statusCode(404);
    }

    @Test
    void regimeListFilters() {
        given().queryParam("region", "GB")
                .queryParam("inForceOn", "2018-07-03")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.code", equalTo(List.of("UK-EA02")));
        given().queryParam("region", "GB")
                .queryParam("inForceOn", "2023-05-10")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.code", equalTo(List.of("UK-EA02", "UK-NSIA", "UK-TSA")));
        given().queryParam("mandatory", "true")
                .queryParam("suspensory", "true")
                .queryParam("region", "DE")
                .get("/regimes")
                .then()
                .body("items.code", equalTo(List.of("DE-AWV", "DE-BSIG-9B", "DE-GWB")));
        given().queryParam("kind", "merger_control").get("/regimes").then().body("items.code", hasItem("CN-AML"));
        Response page = given().queryParam("limit", "3").get("/regimes");
        page.then().statusCode(200).body("items.size()", equalTo(3)).body("nextCursor", notNullValue());
        List<String> firstCodes = page.path("items.code");
        List<String> secondCodes = given().queryParam("limit", "3")
                .queryParam("cursor", (String) page.path("nextCursor"))
                .get("/regimes")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        org.assertj.core.api.Assertions.assertThat(secondCodes).hasSize(3).doesNotContainAnyElementsOf(firstCodes);
    }

    @Test
    void aCursorOfOneListIsRefusedByAnotherOfTheSameSort() {
        // Regions and regimes both page by code: a regions cursor sent to /regimes started the regimes after "CN".
        String regionsCursor = given().queryParam("limit", "1")
                .get("/regions")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        given().queryParam("limit", "1")
                .queryParam("cursor", regionsCursor)
                .get("/regimes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"))
                .body("detail", containsString("another list"));
        String regimesCursor = given().queryParam("limit", "1")
                .get("/regimes")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        given().queryParam("limit", "1")
                .queryParam("cursor", regimesCursor)
                .get("/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        // Each still pages on its own list.
        given().queryParam("limit", "1")
                .queryParam("cursor", regionsCursor)
                .get("/regions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void regimeFlagsAreThoseOfTheDayAListAsksFor() {
        // The AWV: voluntary until 17 July 2017, mandatory from 18 July 2017, suspensory from 17 July 2020.
        given().queryParam("region", "DE")
                .queryParam("mandatory", "true")
                .queryParam("inForceOn", "2016-06-01")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem("DE-AWV")));
        given().queryParam("region", "DE")
                .queryParam("mandatory", "false")
                .queryParam("inForceOn", "2016-06-01")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'DE-AWV' }.mandatory", equalTo(false))
                .body("items.find { it.code == 'DE-AWV' }.currentVersion", equalTo("AWV-2013"))
                .body("items.find { it.code == 'DE-AWV' }.authority", containsString("BMWi"));
        given().queryParam("region", "DE")
                .queryParam("mandatory", "true")
                .queryParam("suspensory", "false")
                .queryParam("inForceOn", "2019-01-01")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'DE-AWV' }.currentVersion", equalTo("AWV-2018"))
                .body("items.find { it.code == 'DE-AWV' }.suspensory", equalTo(false));
        given().queryParam("region", "DE")
                .queryParam("mandatory", "true")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'DE-AWV' }.authority", containsString("BMWE"));
        // A page of one at a time walks the flag-filtered list without gaps or repeats.
        List<String> all = given().queryParam("mandatory", "true")
                .get("/regimes")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("mandatory", "true").queryParam("limit", "1");
            Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/regimes");
            page.then().statusCode(200);
            walked.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        System.out.printf("mandatory regimes today: %s; walked one a page: %s%n", all, walked);
        org.assertj.core.api.Assertions.assertThat(walked).isEqualTo(all).hasSizeGreaterThan(3);
    }

    @Test
    void aVersionWithoutFlagsTakesTheRegimesDefaultsOnEveryDay() {
        String code = "FR-DEF-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String body = "{\"code\": \"" + code + "\", \"name\": \"Defaults test\", \"regionCode\": \"FR\", "
                + "\"kind\": \"foreign_investment_screening\", \"authorities\": [{\"name\": \"Ministère\"}], "
                + "\"mandatory\": false, \"suspensory\": false, \"inForceFrom\": \"2000-01-01\", "
                + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}], \"versions\": ["
                + "{\"code\": \"V1\", \"label\": \"the defaults\", \"validFrom\": \"2000-01-01\", \"validTo\": \"2019-12-31\","
                + " \"note\": \"general knowledge\"},"
                + "{\"code\": \"V2\", \"label\": \"mandatory\", \"validFrom\": \"2020-01-01\", \"mandatory\": true,"
                + " \"suspensory\": true, \"note\": \"general knowledge\"}]}";
        String etag = given().contentType(ContentType.JSON)
                .body(body)
                .post("/regimes")
                .then()
                .statusCode(201)
                .body("mandatory", equalTo(true))
                .body("currentVersion", equalTo("V2"))
                .extract()
                .header("ETag");
        // A patch starts from the regime as stored: its defaults must come back as given, not as today's version.
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\": \"patched\"}")
                .patch("/regimes/" + code)
                .then()
                .statusCode(200);
        for (String[] day : new String[][] {{"2010-06-01", "false", "V1"}, {"2021-06-01", "true", "V2"}}) {
            given().queryParam("region", "FR")
                    .queryParam("inForceOn", day[0])
                    .get("/regimes")
                    .then()
                    .statusCode(200)
                    .body("items.find { it.code == '" + code + "' }.mandatory", equalTo(Boolean.valueOf(day[1])))
                    .body("items.find { it.code == '" + code + "' }.suspensory", equalTo(Boolean.valueOf(day[1])))
                    .body("items.find { it.code == '" + code + "' }.currentVersion", equalTo(day[2]));
        }
        given().queryParam("region", "FR")
                .queryParam("mandatory", "false")
                .queryParam("inForceOn", "2010-06-01")
                .get("/regimes")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
    }

    @Test
    void analystsEditRegimes() {
        String code = "FR-IEF-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String body = "{\"code\": \"" + code
                + "\", \"name\": \"Contrôle des investissements étrangers\", \"regionCode\": \"FR\", "
                + "\"kind\": \"foreign_investment_screening\", \"authorities\": [{\"name\": \"Ministère de l'Économie\"}], "
                + "\"mandatory\": true, \"suspensory\": true, \"inForceFrom\": \"2020-04-01\", "
                + "\"triggerRules\": [{\"code\": \"control\", \"description\": \"control of a French company\", \"foreignParty\": true, \"domesticTarget\": true}], "
                + "\"clocks\": [{\"code\": \"phase1\", \"label\": \"Phase 1\", \"length\": 30, \"unit\": \"working_days\", \"startsAt\": \"accepted\", \"runsIn\": [\"accepted\", \"phase1\"]}], "
                + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}";
        Response created = given().contentType(ContentType.JSON).body(body).post("/regimes");
        created.then().statusCode(201).body("code", equalTo(code));
        String described = given().contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body("{\"description\": \"Articles L151-3 and R151-1 ff. of the Monetary and Financial Code\"}")
                .patch("/regimes/" + code)
                .then()
                .statusCode(200)
                .body("description", containsString("L151-3"))
                .body("clocks[0].unit", equalTo("working_days"))
                .extract()
                .header("ETag");
        // The clocks are a JSON column whose lists Hibernate treats as immutable values (JsonColumn): a replaced list
        // must still be written, and read back by a later request.
        given().contentType("application/merge-patch+json")
                .header("If-Match", described)
                .body(
                        "{\"clocks\": [{\"code\": \"phase1\", \"label\": \"Phase 1\", \"length\": 45, \"unit\": \"working_days\", "
                                + "\"startsAt\": \"accepted\", \"runsIn\": [\"accepted\", \"phase1\"]}]}")
                .patch("/regimes/" + code)
                .then()
                .statusCode(200);
        given().get("/regimes/" + code)
                .then()
                .statusCode(200)
                .body("clocks[0].length", equalTo(45))
                .body("description", containsString("L151-3"));
        given().contentType(ContentType.JSON).body(body).post("/regimes").then().statusCode(409);
        given().contentType(ContentType.JSON)
                .body(body.replace(code, code + "-Y").replace("\"FR\"", "\"IS\""))
                .post("/regimes")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("regionCode"));
        given().contentType(ContentType.JSON)
                .body(body.replace(code, code + "-X")
                        .replace("\"runsIn\": [\"accepted\", \"phase1\"]", "\"runsIn\": [\"cleared\"]"))
                .post("/regimes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clocks[0].runsIn"));
    }

    @Test
    void aClockNamesTheHolidaysItCountsAndARuleSaysAtLeastOrMoreThan() {
        String code = "UK-TEST-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String body = "{\"code\": \"" + code + "\", \"name\": \"test regime\", \"regionCode\": \"GB\", "
                + "\"kind\": \"merger_control\", \"authorities\": [{\"name\": \"CMA\"}], \"mandatory\": false, "
                + "\"suspensory\": false, \"inForceFrom\": \"2020-01-01\", "
                + "\"triggerRules\": [{\"code\": \"r\", \"description\": \"r\", \"stakeAbovePercent\": 25}], "
                + "\"clocks\": [{\"code\": \"phase1\", \"label\": \"Phase 1\", \"length\": 40, \"unit\": \"working_days\", "
                + "\"startsAt\": \"accepted\", \"runsIn\": [\"accepted\"], \"holidayRegions\": [\"GB-ENG\", \"GB-WLS\"]}], "
                + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/regimes")
                .then()
                .statusCode(201)
                .body("clocks[0].holidayRegions", equalTo(List.of("GB-ENG", "GB-WLS")))
                .body("triggerRules[0].stakeAbovePercent", equalTo(25));
        // A part the holiday data does not know, a part of another country, a malformed code.
        for (String[] bad : new String[][] {
            {"GB-XYZ", "the holiday data has no GB-XYZ"}, {"DE-BY", "not a part of GB"}, {"ENG", "ISO 3166-2"}
        }) {
            given().contentType(ContentType.JSON)
                    .body(body.replace(code, code + "-B").replace("\"GB-WLS\"", "\"" + bad[0] + "\""))
                    .post("/regimes")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("clocks[0].holidayRegions[1]"))
                    .body("errors[0].message", containsString(bad[1]));
        }
        given().contentType(ContentType.JSON)
                .body(body.replace(code, code + "-C")
                        .replace("\"stakeAbovePercent\": 25", "\"stakeAbovePercent\": 25, \"minStakePercent\": 25"))
                .post("/regimes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("triggerRules[0].stakeAbovePercent"));
    }

    /**
     * A regime and a region as large as validation allows are stored whole: twenty rules of two thousand characters,
     * ten authority names of quotes (which JSON doubles) and sixty members with notes of five hundred. Their columns
     * were once bounded lower than validation (20,000, 4,000 and 8,000 characters of JSON), and such a regime was
     * refused with a 400 on "body" that no field of the request explained.
     */
    @Test
    void aRegimeAndARegionAsLargeAsValidationAllowsAreStoredWhole() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            rules.append(i == 0 ? "" : ", ")
                    .append("{\"code\": \"r")
                    .append(i)
                    .append("\", \"description\": \"")
                    .append("d".repeat(1000))
                    .append("\", \"thresholds\": \"")
                    .append("t".repeat(1000))
                    .append("\"}");
        }
        StringBuilder authorities = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            authorities
                    .append(i == 0 ? "" : ", ")
                    .append("{\"name\": \"")
                    .append("\\\"".repeat(300))
                    .append("\", \"from\": \"")
                    .append(2010 + i)
                    .append("-01-01\", \"to\": \"")
                    .append(2010 + i)
                    .append("-12-31\"}");
        }
        String code = "UK-LONG-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"name\": \"test regime\", \"regionCode\": \"GB\", "
                        + "\"kind\": \"merger_control\", \"authorities\": [" + authorities + "], \"mandatory\": false, "
                        + "\"suspensory\": false, \"inForceFrom\": \"2020-01-01\", \"triggerRules\": [" + rules + "], "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regimes")
                .then()
                .statusCode(201);
        given().get("/regimes/" + code)
                .then()
                .statusCode(200)
                .body("triggerRules", hasSize(20))
                .body("triggerRules[19].thresholds", equalTo("t".repeat(1000)))
                .body("authorities", hasSize(10))
                .body("authorities[9].name", equalTo("\"".repeat(300)));

        StringBuilder members = new StringBuilder();
        String[] countries = java.util.Locale.getISOCountries();
        for (int i = 0; i < 60; i++) {
            members.append(i == 0 ? "" : ", ")
                    .append("{\"country\": \"")
                    .append(countries[i])
                    .append("\", \"note\": \"")
                    .append("\\\"".repeat(500))
                    .append("\"}");
        }
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"XU\", \"name\": \"a union\", \"kind\": \"supranational\", \"members\": [" + members
                        + "], \"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regions")
                .then()
                .statusCode(201);
        given().get("/regions/XU")
                .then()
                .statusCode(200)
                .body("members", hasSize(60))
                .body("members[59].note", equalTo("\"".repeat(500)));
    }

    /** A regime with matters stays in its region (they would be left filed under the old one); one without may move. */
    @Test
    void aRegimeWithMattersStaysInItsRegion() {
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
        String withMatters = "DE-MOVE-" + suffix;
        String without = "DE-FREE-" + suffix;
        for (String code : List.of(withMatters, without)) {
            given().contentType(ContentType.JSON)
                    .body(regime(code, "DE"))
                    .post("/regimes")
                    .then()
                    .statusCode(201);
        }
        MatterApiTest.create(UUID.randomUUID(), withMatters).then().statusCode(201);
        given().contentType(ContentType.JSON)
                .header("If-Match", given().get("/regimes/" + withMatters).header("ETag"))
                .body(regime("FR-MOVE-" + suffix, "FR"))
                .put("/regimes/" + withMatters)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("regionCode"));
        given().contentType(ContentType.JSON)
                .header("If-Match", given().get("/regimes/" + without).header("ETag"))
                .body(regime("FR-FREE-" + suffix, "FR"))
                .put("/regimes/" + without)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("FR"));
    }

    /**
     * A matter's view shows its regime's name and a region's view its regimes: a change there changes the view, and
     * its ETag, while the matter's or region's own version stays. A client polling with If-None-Match sees the change
     * (before, a 304 with the old regime's name); its If-Match still authorises a write of the row it read.
     */
    @Test
    void aViewThatChangesWithOtherRowsGetsANewETagAndItsWritesStillMatch() {
        String code = "DE-TAG-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        given().contentType(ContentType.JSON)
                .body(regime(code, "DE"))
                .post("/regimes")
                .then()
                .statusCode(201);
        String matter = MatterApiTest.create(UUID.randomUUID(), code)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String matterTag = given().get("/regulatory-matters/" + matter).header("ETag");
        String regionTag = given().get("/regions/DE").header("ETag");
        assertThat(matterTag).matches("\"\\d+\\.[0-9a-f]{16}\"");

        given().contentType("application/merge-patch+json")
                .header("If-Match", given().get("/regimes/" + code).header("ETag"))
                .body("{\"name\": \"renamed regime\"}")
                .patch("/regimes/" + code)
                .then()
                .statusCode(200);
        String secondCode = code + "-2";
        given().contentType(ContentType.JSON)
                .body(regime(secondCode, "DE"))
                .post("/regimes")
                .then()
                .statusCode(201);

        Response matterNow = given().header("If-None-Match", matterTag).get("/regulatory-matters/" + matter);
        Response regionNow = given().header("If-None-Match", regionTag).get("/regions/DE");
        System.out.printf(
                "views of other rows: matter %s -> %d %s; region %s -> %d %s%n",
                matterTag,
                matterNow.statusCode(),
                matterNow.header("ETag"),
                regionTag,
                regionNow.statusCode(),
                regionNow.header("ETag"));
        matterNow.then().statusCode(200).body("regime.name", equalTo("renamed regime"));
        regionNow.then().statusCode(200).body("regimes.code", hasItem(secondCode));
        String version = matterTag.substring(0, matterTag.indexOf('.'));
        assertThat(matterNow.header("ETag")).isNotEqualTo(matterTag).startsWith(version + ".");
        // The new tag gives 304; the old one still names the row the client read, so its write goes through once.
        given().header("If-None-Match", matterNow.header("ETag"))
                .get("/regulatory-matters/" + matter)
                .then()
                .statusCode(304);
        given().contentType("application/merge-patch+json")
                .header("If-Match", matterTag)
                .body("{\"title\": \"retitled\"}")
                .patch("/regulatory-matters/" + matter)
                .then()
                .statusCode(200)
                .header("ETag", not(startsWith(version + ".")));
        given().contentType("application/merge-patch+json")
                .header("If-Match", matterTag)
                .body("{\"title\": \"again\"}")
                .patch("/regulatory-matters/" + matter)
                .then()
                .statusCode(412);
    }

    static String regime(String code, String region) {
        return "{\"code\": \"" + code + "\", \"name\": \"test regime\", \"regionCode\": \"" + region + "\", "
                + "\"kind\": \"merger_control\", \"authorities\": [{\"name\": \"authority\"}], \"mandatory\": false, "
                + "\"suspensory\": false, \"inForceFrom\": \"2020-01-01\", "
                + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}";
    }
}
