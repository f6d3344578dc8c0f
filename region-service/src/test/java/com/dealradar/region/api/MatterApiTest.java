package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.dealradar.platform.testing.TestClock;
import com.dealradar.region.seed.RegionSeeder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatterApiTest {

    @Inject
    EntityManager em;

    static Response create(UUID dealId, String regimeCode) {
        return create(dealId, regimeCode, "2024-01-10");
    }

    static Response create(UUID dealId, String regimeCode, String openedOn) {
        return create(dealId, regimeCode, openedOn, null);
    }

    /** {@code triggerRule} null: none named. */
    static Response create(UUID dealId, String regimeCode, String openedOn, String triggerRule) {
        return given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + dealId + "\", \"regimeCode\": \"" + regimeCode
                        + (triggerRule == null ? "" : "\", \"triggerRule\": \"" + triggerRule)
                        + "\", \"title\": \"test matter\", "
                        + "\"status\": \"anticipated\", \"openedOn\": \"" + openedOn + "\", \"basis\": \"inferred\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters");
    }

    static Response move(String id, String status, String on) {
        String etag = given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"status\": \"" + status + "\"" + (on == null ? "" : ", \"on\": \"" + on + "\"")
                        + ", \"note\": \"step\"}")
                .post("/regulatory-matters/" + id + "/transitions");
    }

    /**
     * A matter recorded without openedOn starts its history on the day it was recorded; giving openedOn later moves
     * that first entry, so the transitions that followed the real opening can be recorded (before: 422, "before the
     * previous change" on the record day). decidedOn belongs to the decision: set on an open matter it is a 409 (before:
     * kept, and the decision's own day never recorded).
     */
    @Test
    void openedOnGivenLaterMovesTheOpeningAndDecidedOnWaitsForTheDecision() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID() + "\", \"regimeCode\": \"UK-NSIA\", "
                        + "\"title\": \"opened later\", \"status\": \"anticipated\", \"basis\": \"inferred\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String recordedOn = given().get("/regulatory-matters/" + id).path("statusHistory[0].on");
        patch(id, "{\"openedOn\": \"2024-01-10\"}")
                .then()
                .statusCode(200)
                .body("openedOn", equalTo("2024-01-10"))
                .body("statusHistory", hasSize(1))
                .body("statusHistory[0].on", equalTo("2024-01-10"));
        int notified = move(id, "notified", "2024-02-01").statusCode();
        Response pastTheFiling = patch(id, "{\"openedOn\": \"2024-03-01\"}");
        Response decidedEarly = patch(id, "{\"decidedOn\": \"2024-02-15\"}");
        System.out.printf(
                "opening moved from %s to 2024-01-10; notified on 2024-02-01 -> %d; openedOn after it -> %d; "
                        + "decidedOn on an open matter -> %d%n",
                recordedOn, notified, pastTheFiling.statusCode(), decidedEarly.statusCode());
        assertThat(notified).isEqualTo(200);
        pastTheFiling.then().statusCode(422).body("errors[0].field", equalTo("openedOn"));
        decidedEarly.then().statusCode(409).body("errors[0].field", equalTo("decidedOn"));
        move(id, "accepted", "2024-02-05").then().statusCode(200);
        move(id, "phase1", "2024-02-05").then().statusCode(200);
        move(id, "cleared", "2024-02-20").then().statusCode(200).body("decidedOn", equalTo("2024-02-20"));
        // Nor on a new matter (before: 201, and the decision's own day never recorded).
        given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID() + "\", \"regimeCode\": \"UK-NSIA\", "
                        + "\"title\": \"decided early\", \"status\": \"anticipated\", \"basis\": \"inferred\", "
                        + "\"openedOn\": \"2024-01-10\", \"decidedOn\": \"2024-02-15\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("decidedOn"));
    }

    @Test
    void aTransitionRetriedWithItsIdempotencyKeyHappensOnce() {
        String id = create(UUID.randomUUID(), "UK-NSIA").path("id");
        String etag = given().get("/regulatory-matters/" + id).header("ETag");
        String key = UUID.randomUUID().toString();
        String body = "{\"status\": \"notified\", \"on\": \"2024-02-01\", \"note\": \"filed\"}";
        Response first = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regulatory-matters/" + id + "/transitions");
        first.then().statusCode(200).body("status", equalTo("notified"));
        // The answer was lost; the same request again: the first answer, not a 412 on the old ETag, no second entry.
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regulatory-matters/" + id + "/transitions")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", first.header("ETag"));
        given().contentType(ContentType.JSON)
                .header("If-Match", first.header("ETag"))
                .header("Idempotency-Key", key)
                .body("{\"status\": \"accepted\", \"on\": \"2024-02-05\"}")
                .post("/regulatory-matters/" + id + "/transitions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .header("ETag", first.header("ETag"))
                .body("status", equalTo("notified"))
                .body("statusHistory.status", equalTo(List.of("anticipated", "notified")));
        // One event per change, not one per request: partners see the transition once.
        List<String> events = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select e.type from OutboxEvent e where e.resourceId = :id order by e.id", String.class)
                        .setParameter("id", id)
                        .getResultList());
        System.out.println("events of matter " + id + " after a transition and its replay: " + events);
        assertThat(events).containsExactly("regulatory_matter.created", "regulatory_matter.transitioned");
    }

    @Test
    void nsiaCallInDeadlineMovesWithExtensionAndClockStop() {
        UUID deal = UUID.randomUUID();
        String id = create(deal, "UK-NSIA")
                .then()
                .statusCode(201)
                .header("Location", containsString("/regulatory-matters/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("anticipated"))
                .body("open", equalTo(true))
                .body("blocking", equalTo(true))
                .body("regime.code", equalTo("UK-NSIA"))
                .body("regionCode", equalTo("GB"))
                .body("deadline", nullValue())
                .body("statusHistory", hasSize(1))
                .extract()
                .path("id");
        move(id, "notified", "2024-02-01").then().statusCode(200).body("deadline", nullValue());
        move(id, "accepted", "2024-02-05")
                .then()
                .statusCode(200)
                .body("deadline.clock", equalTo("review"))
                .body("deadline.startsOn", equalTo("2024-02-05"));
        move(id, "phase1", "2024-02-05").then().statusCode(200).body("deadline.clock", equalTo("review"));
        // Call-in on 20 March 2024: 30 working days counted from that day (NSIA s.23(3)(a); Good Friday and Easter
        // Monday
        // skipped) end on 2 May 2024.
        String etag = move(id, "phase2", "2024-03-20")
                .then()
                .statusCode(200)
                .body("status", equalTo("phase2"))
                .body("deadline.clock", equalTo("assessment"))
                .body("deadline.unit", equalTo("working_days"))
                .body("deadline.dueOn", equalTo("2024-05-02"))
                .body("deadline.firstCountedDay", equalTo("same_day"))
                .body("deadline.regimeVersion", equalTo("single"))
                .body("allowedTransitions", hasItem("cleared_with_conditions"))
                .extract()
                .header("ETag");
        // The additional period of 45 working days.
        etag = given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(
                        "{\"extensions\": [{\"clock\": \"assessment\", \"code\": \"additional\", \"grantedOn\": \"2024-05-02\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("deadline.dueOn", equalTo("2024-07-08"))
                .body("deadline.extensions[0]", startsWith("Additional period"))
                .extract()
                .header("ETag");
        // An information notice stops the clock for 8-12 April (5 working days).
        etag = given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(
                        "{\"clockStops\": [{\"from\": \"2024-04-08\", \"to\": \"2024-04-12\", \"reason\": \"information notice\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("deadline.stoppedDays", equalTo(5))
                .body(
                        "deadline.dueOn",
                        equalTo("2024-07-16")) // 5 working days later, skipping 12 July (Northern Ireland)
                .extract()
                .header("ETag");
        // An open-ended stop: no due date, the clock reads stopped.
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"clockStops\": [{\"from\": \"2024-04-08\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("deadline.clockStopped", equalTo(true))
                .body("deadline.dueOn", nullValue())
                .body("clockStopped", equalTo(true));
        // An extension the regime does not have.
        String current =
                given().get("/regulatory-matters/" + id).then().extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", current)
                .body("{\"extensions\": [{\"clock\": \"assessment\", \"code\": \"forever\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("extensions[0].code"));
        // A voluntary period needs a length.
        given().contentType("application/merge-patch+json")
                .header("If-Match", current)
                .body("{\"extensions\": [{\"clock\": \"assessment\", \"code\": \"voluntary\"}]}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("extensions[0].length"));
        move(id, "cleared_with_conditions", "2024-07-01")
                .then()
                .statusCode(200)
                .body("open", equalTo(false))
                .body("blocking", equalTo(false))
                .body("deadline", nullValue())
                .body("decidedOn", equalTo("2024-07-01"))
                .body(
                        "statusHistory.status",
                        equalTo(java.util.List.of(
                                "anticipated", "notified", "accepted", "phase1", "phase2", "cleared_with_conditions")))
                .body("allowedTransitions", empty());
    }

    @Test
    void aDeadlineUsesTheClockOfTheRegimeVersionInForceWhenItStarted() {
        // China's special cybersecurity review: 45 working days under the 2020 measures, 90 under the 2022 ones.
        for (String[] c : new String[][] {
            {"2021-06-07", "CSRM-2020", "45", "2021-08-10"}, {"2023-06-05", "CSRM-2022", "90", "2023-10-16"}
        }) {
            String id = create(UUID.randomUUID(), "CN-CAC-CSR", c[0])
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            move(id, "notified", c[0]).then().statusCode(200).body("deadline.clock", equalTo("filing"));
            move(id, "accepted", c[0]).then().statusCode(200);
            move(id, "phase1", c[0]).then().statusCode(200);
            move(id, "phase2", c[0])
                    .then()
                    .statusCode(200)
                    .body("deadline.clock", equalTo("special"))
                    .body("deadline.regimeVersion", equalTo(c[1]))
                    .body("deadline.length", equalTo(Integer.parseInt(c[2])))
                    .body("deadline.dueOn", equalTo(c[3]));
        }
    }

    static String etag(String id) {
        return given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static Response patch(String id, String body) {
        return given().contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body(body)
                .patch("/regulatory-matters/" + id);
    }

    /** A matter of {@code regime} opened on the first day given, walked through the status=day steps. */
    static String walk(String regime, String... steps) {
        String id = create(UUID.randomUUID(), regime, steps[0].substring(steps[0].indexOf('=') + 1))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String step : steps) {
            move(id, step.substring(0, step.indexOf('=')), step.substring(step.indexOf('=') + 1))
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    @Test
    void extensionsAreThoseOfTheVersionInForceWhenTheClockStarted() {
        // The review's probe: the AWV's phase 2 of 2021 has the extensions of § 14a(4)-(5) AWG, but 'difficult' was
        // checked against the oldest version's phase 2 (AWV 2013, no extensions) and refused with 422.
        String awv2021 =
                walk("DE-AWV", "notified=2021-08-02", "accepted=2021-08-02", "phase1=2021-08-02", "phase2=2021-10-15");
        given().get("/regulatory-matters/" + awv2021)
                .then()
                .body("deadline.regimeVersion", equalTo("AWV-2021"))
                .body("deadline.dueOn", equalTo("2022-02-15"));
        patch(awv2021, "{\"extensions\": [{\"clock\": \"phase2\", \"code\": \"difficult\"}]}")
                .then()
                .statusCode(200)
                .body("deadline.extensions[0]", startsWith("Extension for particular difficulty"))
                .body("deadline.dueOn", equalTo("2022-05-15"));
        patch(
                        awv2021,
                        "{\"extensions\": [{\"clock\": \"phase2\", \"code\": \"difficult\"}, "
                                + "{\"clock\": \"phase2\", \"code\": \"defence\"}]}")
                .then()
                .statusCode(200)
                .body("deadline.dueOn", equalTo("2022-06-15"));
        // A phase 2 of 2016 runs under AWV 2013, whose phase 2 had no statutory extension.
        String awv2013 =
                walk("DE-AWV", "notified=2016-03-15", "accepted=2016-03-15", "phase1=2016-03-15", "phase2=2016-06-20");
        patch(awv2013, "{\"extensions\": [{\"clock\": \"phase2\", \"code\": \"difficult\"}]}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("extensions[0].code"))
                .body("detail", containsString("AWV-2013"));
        // A clock of a version that is not the one in force: the AWV's phase 2 exists, a 'phase3' in no version.
        patch(awv2021, "{\"extensions\": [{\"clock\": \"phase3\", \"length\": 1, \"unit\": \"months\"}]}")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("extensions[0].clock"));
    }

    @Test
    void theEnterpriseActCountsOnlyEnglandAndWalesBankHolidays() {
        // Enterprise Act 2002 s. 129(1). The review's probes, with every UK nation's holidays: 19 Aug 2019 (NI 12 Jul
        // and
        // Scotland 5 Aug skipped) and 12 Jan 2018 (Scotland 30 Nov and 2 Jan skipped); the statute gives 15 Aug and 10
        // Jan.
        for (String[] c : new String[][] {
            {"2019-06-17", "2019-06-20", "2019-08-15"},
            {"2017-11-07", "2017-11-10", "2018-01-10"},
            {"2020-12-07", "2020-12-10", "2021-02-09"},
            {"2021-02-26", "2021-03-01", "2021-04-28"}
        }) {
            String id = walk("UK-EA02", "notified=" + c[0], "accepted=" + c[1]);
            given().get("/regulatory-matters/" + id)
                    .then()
                    .statusCode(200)
                    .body("deadline.clock", equalTo("phase1"))
                    .body("deadline.dueOn", equalTo(c[2]))
                    .body("deadline.calendar", containsString("(eng, wls)"))
                    .body("deadline.warnings", empty());
        }
        // The NSIA, in the same region, counts a bank holiday in any part of the UK.
        String nsia = walk("UK-NSIA", "notified=2024-03-04", "accepted=2024-03-06");
        given().get("/regulatory-matters/" + nsia)
                .then()
                .body("deadline.dueOn", equalTo("2024-04-22"))
                .body("deadline.calendar", containsString("(eng, wls, sct, nir)"));
    }

    @Test
    void aClockStopIsRefusedWhereTheStatuteHasNone() {
        // NSIA s. 14: the review period cannot be stopped (s. 24 stops only the assessment period after a call-in).
        String nsia = walk("UK-NSIA", "notified=2024-03-04", "accepted=2024-03-06");
        patch(nsia, "{\"clockStops\": [{\"from\": \"2024-03-11\", \"to\": \"2024-03-22\"}]}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("clockStops[0]"))
                .body("detail", containsString("review"));
        given().get("/regulatory-matters/" + nsia).then().body("deadline.dueOn", equalTo("2024-04-22"));
        // After the call-in, the assessment period may be stopped.
        move(nsia, "phase1", "2024-03-06").then().statusCode(200);
        move(nsia, "phase2", "2024-04-10").then().statusCode(200);
        patch(nsia, "{\"clockStops\": [{\"from\": \"2024-04-15\", \"to\": \"2024-04-19\"}]}")
                .then()
                .statusCode(200)
                .body("deadline.clock", equalTo("assessment"))
                .body("deadline.stoppedDays", equalTo(5));
        // A stop reaching back into the review period is refused.
        patch(nsia, "{\"clockStops\": [{\"from\": \"2024-04-09\", \"to\": \"2024-04-19\"}]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clockStops[0]"));
        // The Anti-Monopoly Law had no suspension before the 2022 amendment (art. 32).
        String aml2021 =
                walk("CN-AML", "notified=2021-01-04", "accepted=2021-01-15", "phase1=2021-01-15", "phase2=2021-03-01");
        patch(aml2021, "{\"clockStops\": [{\"from\": \"2021-03-10\", \"to\": \"2021-04-08\"}]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clockStops[0]"))
                .body("detail", containsString("AML-2008"));
        // 1 Mar 2021 + 90 days is Sun 30 May: the period ends on Mon 31 May (Civil Code art. 203).
        given().get("/regulatory-matters/" + aml2021).then().body("deadline.dueOn", equalTo("2021-05-31"));
        String aml2023 =
                walk("CN-AML", "notified=2023-01-04", "accepted=2023-01-16", "phase1=2023-01-16", "phase2=2023-03-01");
        patch(aml2023, "{\"clockStops\": [{\"from\": \"2023-03-10\", \"to\": \"2023-04-08\"}]}")
                .then()
                .statusCode(200)
                .body("deadline.regimeVersion", equalTo("AML-2022"))
                .body("deadline.stoppedDays", equalTo(30));
    }

    /**
     * A clock-stop recorded before the transitions that date its period is checked again by each of them: one that a
     * later transition puts in the NSIA's review period (s. 14, which cannot be stopped) makes that transition a 422
     * naming the stop, where it was accepted and then paused a clock the statute does not let stop (a GWB stop written
     * with the matter, before its phase 1 was recorded, pushed the phase 2 due date out by its days).
     */
    @Test
    void aTransitionThatPutsARecordedClockStopWhereNoClockMayStopIsRefused() {
        String nsia = walk("UK-NSIA", "notified=2024-03-04");
        patch(nsia, "{\"clockStops\": [{\"from\": \"2024-03-11\", \"to\": \"2024-03-22\"}]}")
                .then()
                .statusCode(200);
        move(nsia, "accepted", "2024-03-06")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("detail", containsString("clockStops[0]"))
                .body("detail", containsString("review"));
        given().get("/regulatory-matters/" + nsia).then().body("status", equalTo("notified"));
        patch(nsia, "{\"clockStops\": []}").then().statusCode(200);
        move(nsia, "accepted", "2024-03-06").then().statusCode(200);
        given().get("/regulatory-matters/" + nsia).then().body("deadline.dueOn", equalTo("2024-04-22"));
    }

    @Test
    void chinaWorkingDaysOf2026AreKnown() {
        // The review's probes: CAC review periods across 2026's holidays were counted over weekends only, with a
        // warning.
        for (String[] c :
                new String[][] {{"2026-09-15", "2026-09-18", "2026-11-05"}, {"2026-02-03", "2026-02-06", "2026-03-26"}
                }) {
            String id = walk("CN-CAC-CSR", "notified=" + c[0], "accepted=" + c[1]);
            given().get("/regulatory-matters/" + id)
                    .then()
                    .statusCode(200)
                    .body("deadline.clock", equalTo("initial"))
                    .body("deadline.regimeVersion", equalTo("CSRM-2022"))
                    .body("deadline.dueOn", equalTo(c[2]))
                    .body("deadline.warnings", empty());
        }
    }

    @Test
    void forbiddenTransitionsAre409NamingBothStatuses() {
        String id = create(UUID.randomUUID(), "CN-AML")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        move(id, "phase1", null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dealradar.dev/problems/invalid-transition"))
                .body("detail", containsString("anticipated to phase1"))
                .body("detail", containsString("not_required, notified, prefiling, withdrawn"));
        move(id, "withdrawn", null).then().statusCode(200).body("status", equalTo("withdrawn"));
        move(id, "notified", null).then().statusCode(409).body("detail", containsString("final"));
    }

    @Test
    void historyStaysInDateOrder() {
        String id = create(UUID.randomUUID(), "DE-AWV")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        move(id, "notified", "2024-01-15")
                .then()
                .statusCode(200)
                .body("deadline.clock", equalTo("phase1"))
                .body("deadline.unit", equalTo("months"))
                .body("deadline.dueOn", equalTo("2024-03-15"));
        move(id, "accepted", "2023-12-01").then().statusCode(422).body("errors[0].field", equalTo("on"));
    }

    @Test
    void newMattersStartInAnEntryStatusAndStatusIsNotWritableByPut() {
        given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID()
                        + "\", \"regimeCode\": \"UK-NSIA\", \"status\": \"phase2\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Response created = create(UUID.randomUUID(), "UK-NSIA");
        String id = created.path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body("{\"dealId\": \"" + UUID.randomUUID()
                        + "\", \"regimeCode\": \"UK-NSIA\", \"status\": \"cleared\", \"basis\": \"inferred\"}")
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(409)
                .body("detail", containsString("transitions"));
        given().contentType(ContentType.JSON)
                .body("{\"regimeCode\": \"UK-NSIA\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dealId"));
        given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID()
                        + "\", \"regimeCode\": \"XX-NOPE\", \"basis\": \"inferred\"}")
                .post("/regulatory-matters")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("regimeCode"));
    }

    @Test
    void conditionalWrites() {
        UUID deal = UUID.randomUUID();
        Response created = create(deal, "UK-NSIA");
        String id = created.path("id");
        String etag = created.header("ETag");
        given().header("If-None-Match", etag)
                .get("/regulatory-matters/" + id)
                .then()
                .statusCode(304);
        String body = "{\"dealId\": \"" + deal
                + "\", \"regimeCode\": \"UK-NSIA\", \"stage\": \"pre-notification\", \"basis\": \"stated_in_source\"}";
        given().contentType(ContentType.JSON)
                .body(body)
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(body)
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .put("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("pre-notification"))
                .header("ETag", not(equalTo(etag)));
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"status\": \"notified\"}")
                .post("/regulatory-matters/" + id + "/transitions")
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"notified\"}")
                .post("/regulatory-matters/" + id + "/transitions")
                .then()
                .statusCode(428);
    }

    /**
     * A matter cannot be moved to another deal (or company): moved away, an open suspensory review no longer blocked
     * its deal's completion. 400 naming the field; the matter stays as it was.
     */
    @Test
    void aMatterStaysWithItsDeal() {
        UUID deal = UUID.randomUUID();
        String id = create(deal, "UK-NSIA").then().statusCode(201).extract().path("id");
        String before = etag(id);
        Response moved = patch(id, "{\"dealId\": \"" + UUID.randomUUID() + "\"}");
        Response unset = patch(id, "{\"dealId\": null, \"companyId\": \"" + UUID.randomUUID() + "\"}");
        System.out.printf(
                "re-pointing a matter: %d, %d (%s)%n", moved.statusCode(), unset.statusCode(), moved.path("detail"));
        moved.then().statusCode(400).body("errors[0].field", equalTo("dealId"));
        unset.then().statusCode(400).body("errors[0].field", equalTo("dealId"));
        given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(before))
                .body("dealId", equalTo(deal.toString()));
    }

    @Test
    void idempotentCreate() {
        String key = UUID.randomUUID().toString();
        String body =
                "{\"dealId\": \"" + UUID.randomUUID() + "\", \"regimeCode\": \"CN-CAC-CSR\", \"basis\": \"inferred\"}";
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body.replace("CN-CAC-CSR", "CN-AML"))
                .post("/regulatory-matters")
                .then()
                .statusCode(422);
    }

    @Test
    void filtersAndKeysetPaging() {
        UUID deal = UUID.randomUUID();
        String a = create(deal, "UK-NSIA").path("id");
        String b = create(deal, "CN-AML").path("id");
        // Regime codes are upper-case; one written in lower case names the same regime.
        Response awv = create(deal, "de-awv");
        awv.then().statusCode(201).body("regime.code", equalTo("DE-AWV"));
        String c = awv.path("id");
        move(c, "not_required", "2024-02-01").then().statusCode(200);
        given().queryParam("dealId", deal.toString())
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(a, b, c)))
                .body("nextCursor", nullValue());
        given().queryParam("dealId", deal.toString())
                .queryParam("open", "true")
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(a, b)));
        given().queryParam("dealId", deal.toString())
                .queryParam("region", "cn")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(b)));
        given().queryParam("dealId", deal.toString())
                .queryParam("regime", "UK-NSIA")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(a)));
        given().queryParam("dealId", deal.toString())
                .queryParam("regime", "uk-nsia")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(a)));
        given().queryParam("dealId", deal.toString())
                .queryParam("status", "not_required")
                .get("/regulatory-matters")
                .then()
                .body("items.id", equalTo(java.util.List.of(c)));
        Response page1 = given().queryParam("dealId", deal.toString())
                .queryParam("limit", "2")
                .get("/regulatory-matters");
        page1.then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(a, b)))
                .header("Link", containsString("rel=\"next\""));
        given().queryParam("dealId", deal.toString())
                .queryParam("limit", "2")
                .queryParam("cursor", (String) page1.path("nextCursor"))
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(java.util.List.of(c)))
                .body("nextCursor", nullValue());
    }

    @Test
    void seedMattersCarrySourceAndBasis() {
        String bt = RegionSeeder.dealId("alibaba-cloud-bt-partnership").toString();
        given().queryParam("dealId", bt)
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].regime.code", equalTo("UK-EA02"))
                .body("items[0].status", equalTo("anticipated"))
                .body("items[0].blocking", equalTo(false))
                .body("items[0].basis", equalTo("stated_in_source"))
                .body("items[0].sources.kind", hasItem("article"))
                .body("items[0].sources.kind", hasItem("general_knowledge"));
        given().get("/regulatory-matters/" + RegionSeeder.matterId("alibaba-vodafone-germany-bsi-c5"))
                .then()
                .statusCode(200)
                .body("status", equalTo("cleared"))
                .body(
                        "dealId",
                        equalTo(RegionSeeder.dealId("alibaba-cloud-vodafone-germany-partnership")
                                .toString()))
                .body("companyId", equalTo("9be747c1-fdf7-5317-8f6a-a66d8928c7f7"))
                .body("statusHistory", hasSize(5))
                .body("statusHistory[4].status", equalTo("cleared"))
                .body("basisNote", containsString("Inferred"));
        given().get("/regulatory-matters/" + RegionSeeder.matterId("alibaba-china-unicom-cn-merger-control"))
                .then()
                .statusCode(200)
                .body("status", equalTo("not_required"))
                .body("basis", equalTo("inferred"));
        given().queryParam("region", "CN")
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .body("items.regionCode", everyItem(equalTo("CN")));
    }

    /**
     * A matter stays under the regime it was opened under, as it stays with its deal: moved from DE-AWV (suspensory)
     * to DE-BSI-C5, a notified matter stopped blocking its deal's completion (before: 200, blocking false).
     */
    @Test
    void aMatterStaysUnderItsRegime() {
        String id = create(UUID.randomUUID(), "DE-AWV")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        move(id, "notified", "2024-01-10").then().statusCode(200).body("blocking", equalTo(true));
        refused(patch(id, "{\"regimeCode\": \"DE-BSI-C5\"}"), "regimeCode");
        given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("regime.code", equalTo("DE-AWV"))
                .body("blocking", equalTo(true));
        // The same regime, written in another case, is no move.
        patch(id, "{\"regimeCode\": \"de-awv\"}").then().statusCode(200);
    }

    /**
     * An opening known to a month or a year is recorded so in the matter's history too, from the start and when only
     * its precision is corrected (before: the first entry stayed an exact day, and the clocks read it as one).
     */
    @Test
    void theOpeningsPrecisionIsTheFirstHistoryEntrys() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + UUID.randomUUID() + "\", \"regimeCode\": \"UK-NSIA\", "
                        + "\"title\": \"known to a month\", \"status\": \"anticipated\", \"basis\": \"inferred\", "
                        + "\"openedOn\": \"2018-01-01\", \"openedPrecision\": \"month\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters")
                .then()
                .statusCode(201)
                .body("statusHistory[0].on", equalTo("2018-01-01"))
                .body("statusHistory[0].precision", equalTo("month"))
                .extract()
                .path("id");
        patch(id, "{\"openedPrecision\": \"year\"}")
                .then()
                .statusCode(200)
                .body("openedPrecision", equalTo("year"))
                .body("statusHistory[0].on", equalTo("2018-01-01"))
                .body("statusHistory[0].precision", equalTo("year"));
    }

    static void refused(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    /**
     * Review L4 and probe-api item 4: a matter's event dates record what happened. A date after today in the
     * regulator's region (here London's, GMT in December) or before 1900 is refused with 400 naming the field; before,
     * 10000-01-01 was stored and written as "+10000-..." in JSON and iCalendar.
     */
    @Test
    void eventDatesAfterTodayOrBefore1900AreRefused() {
        TestClock.installedAt(DeadlineEventsTest.noonOf("2026-12-03"));
        UUID deal = UUID.randomUUID();
        refused(create(deal, "UK-NSIA", "2026-12-04"), "openedOn");
        refused(create(deal, "UK-NSIA", "1899-12-31"), "openedOn");
        String id = create(deal, "UK-NSIA", "2026-12-03")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        refused(move(id, "notified", "10000-01-01"), "on");
        refused(move(id, "notified", "2027-02-14"), "on");
        refused(move(id, "notified", "2026-12-04"), "on");
        move(id, "notified", "2026-12-03").then().statusCode(200);
        move(id, "accepted", "2026-12-03").then().statusCode(200).body("deadline.dueOn", notNullValue());
        refused(
                patch(id, "{\"clockStops\": [{\"from\": \"2026-12-03\", \"to\": \"2026-12-04\"}]}"),
                "clockStops[0].to");
        refused(patch(id, "{\"clockStops\": [{\"from\": \"2026-12-04\"}]}"), "clockStops[0].from");
        refused(
                patch(
                        id,
                        "{\"extensions\": [{\"clock\": \"review\", \"length\": 5, \"unit\": \"days\", "
                                + "\"grantedOn\": \"2026-12-04\"}]}"),
                "extensions[0].grantedOn");
        refused(patch(id, "{\"openedOn\": \"2030-01-01\"}"), "openedOn");
        refused(patch(id, "{\"decidedOn\": \"2026-12-04\"}"), "decidedOn");
        patch(id, "{\"title\": \"renamed\"}").then().statusCode(200);
    }

    /** open=true lists a deal's open matters, open=false its decided or closed ones (false used to list them all). */
    @Test
    void openFalseListsTheMattersThatAreNoLongerOpen() {
        UUID deal = UUID.randomUUID();
        String open = create(deal, "UK-NSIA").then().statusCode(201).extract().path("id");
        String closed = create(deal, "DE-AWV").then().statusCode(201).extract().path("id");
        move(closed, "not_required", "2024-01-11").then().statusCode(200);
        List<String> openOnes = given().queryParam("dealId", deal)
                .queryParam("open", "true")
                .get("/regulatory-matters")
                .path("items.id");
        List<String> closedOnes = given().queryParam("dealId", deal)
                .queryParam("open", "false")
                .get("/regulatory-matters")
                .path("items.id");
        System.out.printf("a deal's matters: open=true %s, open=false %s%n", openOnes, closedOnes);
        assertThat(openOnes).containsExactly(open);
        assertThat(closedOnes).containsExactly(closed);
    }

    /** Review L3: a deadline whose clock started when the regime was not in force says so instead of computing silently. */
    @Test
    void aDeadlineBeforeOrAfterTheRegimeWasInForceWarns() {
        String nsia2021 = walk("UK-NSIA", "notified=2021-05-28", "accepted=2021-06-01");
        given().get("/regulatory-matters/" + nsia2021)
                .then()
                .statusCode(200)
                .body("deadline.dueOn", notNullValue())
                .body(
                        "deadline.warnings",
                        hasItem(containsString("UK-NSIA was not in force on 2021-06-01, the day this clock started (in"
                                + " force from 2022-01-04)")));
        String aml2007 = walk("CN-AML", "notified=2007-05-28", "accepted=2007-06-01");
        given().get("/regulatory-matters/" + aml2007)
                .then()
                .statusCode(200)
                .body("deadline.warnings", hasItem(containsString("CN-AML was not in force on 2007-06-01")));
        String nsia2024 = walk("UK-NSIA", "notified=2024-03-04", "accepted=2024-03-06");
        given().get("/regulatory-matters/" + nsia2024)
                .then()
                .statusCode(200)
                .body("deadline.warnings", not(hasItem(containsString("not in force"))));
    }
}
