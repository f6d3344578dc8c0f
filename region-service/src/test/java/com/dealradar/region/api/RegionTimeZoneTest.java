package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.TestClock;
import com.dealradar.region.domain.Today;
import com.dealradar.region.events.DeadlineEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A regulator's day is the one where it sits: at 20:00 UTC on 30 June it is already 1 July in Beijing and still 30 June
 * in London and New York. Certification expiry (the view, the list's status filter and the expiry event), the date a
 * transition without one is recorded on, and the regions' time zones themselves.
 */
@QuarkusTest
class RegionTimeZoneTest {

    /** 04:00 on 1 July in Beijing, 21:00 on 30 June in London (BST), 16:00 on 30 June in New York (EDT). */
    static final Instant EVENING_UTC = Instant.parse("2025-06-30T20:00:00Z");

    static final LocalDate LAST_VALID_DAY = LocalDate.parse("2025-06-30");

    @Inject
    DeadlineEvents deadlines;

    @Inject
    EntityManager em;

    @Inject
    Today today;

    /**
     * A write that changes a region's time zone and then rolls back (its caller stopped waiting, the database refused
     * the commit) leaves the zone as it was, on this replica too: the write read its own uncommitted zone into the
     * zone cache, which kept it for 30 s after the rollback.
     */
    @Test
    void aTimeZoneWrittenAndRolledBackIsNotKept() {
        assertThat(today.zoneOf("CN")).hasToString("Asia/Shanghai");
        ZoneIdHolder seenInTheWrite = new ZoneIdHolder();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createQuery("update Region r set r.timeZone = 'Europe/Berlin' where r.code = 'CN'")
                        .executeUpdate();
                today.forgetZones();
                seenInTheWrite.zone = today.zoneOf("CN").getId();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the write's transaction is rolled back
        }
        String afterwards = today.zoneOf("CN").getId();
        System.out.printf("CN's time zone: in the write %s, after its rollback %s%n", seenInTheWrite.zone, afterwards);
        assertThat(seenInTheWrite.zone).isEqualTo("Europe/Berlin");
        assertThat(afterwards).isEqualTo("Asia/Shanghai");
    }

    private static final class ZoneIdHolder {
        String zone;
    }

    @Test
    void theSeededRegionsNameTheTimeZonesOfTheirAuthorities() {
        Map<String, String> expected = Map.of(
                "CN", "Asia/Shanghai",
                "DE", "Europe/Berlin",
                "GB", "Europe/London",
                "US", "America/New_York",
                "EU", "Europe/Brussels");
        expected.forEach((code, zone) ->
                given().get("/regions/" + code).then().statusCode(200).body("timeZone", equalTo(zone)));
    }

    @Test
    void aCertificationLapsesAtMidnightInItsRegion() {
        TestClock clock = TestClock.installedAt(EVENING_UTC);
        UUID company = UUID.randomUUID();
        String china = certification(company, "CN");
        clock.advance(Duration.ofMillis(1));
        String britain = certification(company, "GB");
        clock.advance(Duration.ofMillis(1));
        String america = certification(company, "US");

        given().get("/certifications/" + china)
                .then()
                .statusCode(200)
                .body("status", equalTo("expired"))
                .body("recordedStatus", equalTo("attested"));
        given().get("/certifications/" + britain).then().statusCode(200).body("status", equalTo("attested"));
        assertThat(withStatus(company, "expired")).containsExactly(china);
        assertThat(withStatus(company, "attested")).containsExactly(britain, america);

        // The expiry event follows the same day: China's now, Britain's and America's not yet.
        deadlines.runOnce();
        assertThat(types(china)).containsExactly("certification.created", DeadlineEvents.EXPIRED);
        assertThat(types(britain)).containsExactly("certification.created");

        // Midnight in London (23:00 UTC in summer): Britain's lapses too; New York is still on 30 June.
        clock.set(Instant.parse("2025-06-30T23:00:00Z"));
        assertThat(withStatus(company, "expired")).containsExactly(china, britain);
        assertThat(withStatus(company, "attested")).containsExactly(america);
        deadlines.runOnce();
        assertThat(types(britain)).containsExactly("certification.created", DeadlineEvents.EXPIRED);
        assertThat(types(america)).containsExactly("certification.created");

        // Midnight in New York (04:00 UTC in summer).
        clock.set(Instant.parse("2025-07-01T04:00:00Z"));
        assertThat(withStatus(company, "expired")).containsExactly(china, britain, america);
        System.out.printf(
                "certifications valid to %s: China expired from 16:00 UTC, Britain from 23:00, the US from 04:00%n",
                LAST_VALID_DAY);
    }

    @Test
    void aTransitionWithoutADateIsRecordedOnTheRegulatorsDay() {
        TestClock.installedAt(EVENING_UTC);
        String china = MatterApiTest.create(UUID.randomUUID(), "CN-AML")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String britain = MatterApiTest.create(UUID.randomUUID(), "UK-NSIA")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.move(china, "notified", null).then().statusCode(200);
        MatterApiTest.move(britain, "notified", null).then().statusCode(200);
        List<String> chinaDays = given().get("/regulatory-matters/" + china).path("statusHistory.on");
        List<String> britainDays = given().get("/regulatory-matters/" + britain).path("statusHistory.on");
        System.out.printf("transitions at %s: China's on %s, Britain's on %s%n", EVENING_UTC, chinaDays, britainDays);
        assertThat(chinaDays.getLast()).isEqualTo("2025-07-01");
        assertThat(britainDays.getLast()).isEqualTo("2025-06-30");
    }

    /**
     * A matter's dates record what has happened by the regulator's calendar: at 20:00 UTC on 30 June, 1 July has begun
     * in Beijing and is tomorrow in London. (Before, every region allowed UTC's today plus a day: London accepted 1 July.)
     */
    @Test
    void aDateIsInTheFutureByTheRegulatorsDay() {
        TestClock.installedAt(EVENING_UTC);
        UUID deal = UUID.randomUUID();
        MatterApiTest.refused(MatterApiTest.create(deal, "CN-AML", "2025-07-02"), "openedOn");
        String china = MatterApiTest.create(deal, "CN-AML", "2025-07-01")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.move(china, "notified", "2025-07-01").then().statusCode(200);

        MatterApiTest.refused(MatterApiTest.create(deal, "UK-NSIA", "2025-07-01"), "openedOn");
        String britain = MatterApiTest.create(deal, "UK-NSIA", "2025-06-30")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MatterApiTest.refused(MatterApiTest.move(britain, "notified", "2025-07-01"), "on");
        MatterApiTest.refused(
                MatterApiTest.patch(britain, "{\"clockStops\": [{\"from\": \"2025-07-01\"}]}"), "clockStops[0].from");
        MatterApiTest.move(britain, "notified", "2025-06-30").then().statusCode(200);
        System.out.printf(
                "at %s: 2025-07-01 accepted for CN-AML (Beijing), refused for UK-NSIA (London)%n", EVENING_UTC);
    }

    /** An offset written as a zone name is still an offset: GMT+1 would be an hour wrong all summer in Berlin. */
    @Test
    void anOffsetWrittenAsAZoneNameIsRefused() {
        for (String zone : List.of("GMT+1", "UTC+08:00", "Etc/GMT-8", "UT-05:00")) {
            given().contentType("application/merge-patch+json")
                    .header("If-Match", given().get("/regions/FR").header("ETag"))
                    .body("{\"timeZone\": \"" + zone + "\"}")
                    .patch("/regions/FR")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("timeZone"));
        }
        given().get("/regions/FR").then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
    }

    @Test
    void aRegionsTimeZoneIsAnIanaZoneAndDefaultsToUtc() {
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"JP\", \"name\": \"Japan\", \"timeZone\": \"Asia/Tokio\"}")
                .post("/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"JP\", \"name\": \"Japan\", \"timeZone\": \"+09:00\"}")
                .post("/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"KR\", \"name\": \"South Korea\"}")
                .post("/regions")
                .then()
                .statusCode(201)
                .body("timeZone", equalTo("UTC"));
        String etag = given().contentType(ContentType.JSON)
                .body("{\"code\": \"JP\", \"name\": \"Japan\", \"timeZone\": \"Asia/Tokyo\"}")
                .post("/regions")
                .then()
                .statusCode(201)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .extract()
                .header("ETag");
        // A merge patch that leaves the zone out keeps it; one that names another changes it.
        etag = given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\": \"METI and the JFTC\"}")
                .patch("/regions/JP")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .extract()
                .header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"timeZone\": \"UTC\"}")
                .patch("/regions/JP")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("UTC"));
    }

    private static String certification(UUID company, String region) {
        return CertificationApiTest.create(company, region, LAST_VALID_DAY.minusYears(1), LAST_VALID_DAY, "attested")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<String> withStatus(UUID company, String status) {
        return given().queryParam("companyId", company.toString())
                .queryParam("status", status)
                .get("/certifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    private List<String> types(String resourceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select e.type from OutboxEvent e where e.resourceId = :id order by e.id", String.class)
                        .setParameter("id", resourceId)
                        .getResultList());
    }
}
