package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.dealradar.region.seed.RegionSeeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CertificationApiTest {

    static Response create(UUID company, LocalDate from, LocalDate to, String status) {
        return create(company, "DE", from, to, status);
    }

    static Response create(UUID company, String region, LocalDate from, LocalDate to, String status) {
        return given().contentType(ContentType.JSON)
                .body(
                        "{\"companyId\": \"" + company
                                + "\", \"regionCode\": \"" + region
                                + "\", \"scheme\": \"bsi_c5_2020\", \"reportType\": \"type_2\", "
                                + "\"scope\": \"IaaS in Frankfurt\", \"auditor\": \"an auditor\", \"validFrom\": \""
                                + from + "\", \"validTo\": \"" + to + "\", "
                                + "\"status\": \"" + status
                                + "\", \"basis\": \"stated_in_source\", \"sources\": [{\"kind\": \"company_filing\", \"note\": \"test\"}]}")
                .post("/certifications");
    }

    @Test
    void pastItsValidityAnAttestationReadsExpiredWithoutAnEdit() {
        UUID company = UUID.randomUUID();
        // The service's "today" is its clock bean, stood a second before midnight in Germany, the certifications'
        // region (and moved a millisecond per write, so creation order is defined): no race with the real midnight,
        // and the step to the next day is exact.
        LocalDate today = LocalDate.parse("2025-06-30");
        java.time.Instant midnight = today.plusDays(1)
                .atStartOfDay(java.time.ZoneId.of("Europe/Berlin"))
                .toInstant();
        com.dealradar.platform.testing.TestClock clock =
                com.dealradar.platform.testing.TestClock.installedAt(midnight.minusSeconds(1));
        String expired = create(company, today.minusYears(2), today.minusDays(1), "attested")
                .then()
                .statusCode(201)
                .body("status", equalTo("expired"))
                .body("recordedStatus", equalTo("attested"))
                .body("schemeName", equalTo("BSI C5:2020"))
                .extract()
                .path("id");
        clock.advance(java.time.Duration.ofMillis(1));
        String valid = create(company, today.minusMonths(6), today, "attested")
                .then()
                .statusCode(201)
                .body("status", equalTo("attested"))
                .extract()
                .path("id");
        clock.advance(java.time.Duration.ofMillis(1));
        String planned = create(company, today.minusYears(3), today.minusYears(2), "planned")
                .then()
                .statusCode(201)
                .body("status", equalTo("planned"))
                .extract()
                .path("id");
        given().get("/certifications/" + expired).then().statusCode(200).body("status", equalTo("expired"));
        given().queryParam("companyId", company.toString())
                .queryParam("status", "expired")
                .get("/certifications")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(expired)));
        given().queryParam("companyId", company.toString())
                .queryParam("status", "attested")
                .get("/certifications")
                .then()
                .body("items.id", equalTo(java.util.List.of(valid)));
        given().queryParam("companyId", company.toString())
                .queryParam("status", "planned")
                .get("/certifications")
                .then()
                .body("items.id", equalTo(java.util.List.of(planned)));
        given().queryParam("companyId", company.toString())
                .queryParam("limit", "2")
                .get("/certifications")
                .then()
                .body("items.id", equalTo(java.util.List.of(expired, valid)))
                .header("Link", containsString("rel=\"next\""));
        // Valid to and including its last day; at midnight it reads expired, with nobody editing it.
        clock.set(midnight.minusMillis(1));
        given().get("/certifications/" + valid).then().statusCode(200).body("status", equalTo("attested"));
        clock.set(midnight);
        given().get("/certifications/" + valid).then().statusCode(200).body("status", equalTo("expired"));
        given().queryParam("companyId", company.toString())
                .queryParam("status", "expired")
                .get("/certifications")
                .then()
                .body("items.id", equalTo(java.util.List.of(expired, valid)));
    }

    @Test
    void certificationsOfSeveralCompaniesInOneCall() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // Fixed dates far from any boundary: the wall clock's "today" may change during the test (midnight).
        LocalDate from = LocalDate.parse("2024-01-01");
        LocalDate to = LocalDate.parse("2099-01-01");
        String a = create(first, from, to, "attested")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String b = create(second, from, to, "attested")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().queryParam("companyId", first + "," + second + "," + UUID.randomUUID())
                .get("/certifications")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(a, b));
        given().queryParam("companyId", first + ",not-a-uuid")
                .get("/certifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("companyId"));
    }

    @Test
    void validityMustBeOrderedAndWritesNeedIfMatch() {
        UUID company = UUID.randomUUID();
        create(company, LocalDate.parse("2024-01-01"), LocalDate.parse("2023-01-01"), "attested")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("validTo"));
        Response created = create(company, LocalDate.parse("2023-01-01"), LocalDate.parse("2099-01-01"), "in_audit");
        String id = created.path("id");
        given().contentType("application/merge-patch+json")
                .body("{\"status\": \"attested\"}")
                .patch("/certifications/" + id)
                .then()
                .statusCode(428);
        given().contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body("{\"status\": \"attested\"}")
                .patch("/certifications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("attested"))
                .header("ETag", not(equalTo(created.header("ETag"))));
        given().contentType(ContentType.JSON)
                .body("{\"companyId\": \"" + company + "\", \"scheme\": \"bsi_c5_2020\", \"status\": \"attested\", "
                        + "\"basis\": \"inferred\", \"matterId\": \"" + UUID.randomUUID() + "\"}")
                .post("/certifications")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("matterId"));
    }

    @Test
    void seededBsiCertificationOfAlibabaCloud() {
        given().get("/certifications/" + RegionSeeder.certificationId("alibaba-cloud-bsi-c5-2016"))
                .then()
                .statusCode(200)
                .body("companyId", equalTo("9be747c1-fdf7-5317-8f6a-a66d8928c7f7"))
                .body("scheme", equalTo("bsi_c5_2016"))
                .body("status", equalTo("attested"))
                .body("reportType", nullValue())
                .body("validTo", nullValue())
                .body(
                        "matterId",
                        equalTo(RegionSeeder.matterId("alibaba-vodafone-germany-bsi-c5")
                                .toString()))
                .body("basis", equalTo("stated_in_source"))
                .body("basisNote", containsString("Inferred"))
                .body("sources.kind", hasItem("article"));
        given().queryParam("scheme", "other")
                .get("/certifications")
                .then()
                .statusCode(200)
                .body("items.companyId", hasItem("57f2392c-3149-5fe5-a0fa-2acd10661787"));
        // ZTE's "security certification" is only ZTE's own claim in seed 002: claimed, never attested
        given().get("/certifications/" + RegionSeeder.certificationId("zte-security-certification"))
                .then()
                .statusCode(200)
                .body("companyId", equalTo("57f2392c-3149-5fe5-a0fa-2acd10661787"))
                .body("status", equalTo("claimed"))
                .body("basisNote", containsString("ZTE's own claim"));
    }
}
