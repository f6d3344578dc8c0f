package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Status transitions through the API against the table of DESIGN.md, written out here (not taken from the
 * production DealStatusMachine, so that a wrong machine cannot agree with itself): allowed ones answer 200 and
 * add one history entry, forbidden ones answer a 409 problem naming the allowed statuses and change nothing.
 * Every status of a partnership (ongoing) and an acquisition (one-off) is tried against every target; every one
 * of the eight types is tried where types differ (completed -> active, active -> terminated, created as active).
 */
@QuarkusTest
class StatusTransitionApiTest {

    static final List<String> STATUSES = List.of(
            "rumored",
            "in_talks",
            "announced",
            "pending_approval",
            "completed",
            "blocked",
            "abandoned",
            "active",
            "terminated");
    static final List<String> TYPES = List.of(
            "acquisition",
            "merger",
            "minority_investment",
            "strategic_investment",
            "joint_venture",
            "partnership",
            "hosting_reseller",
            "market_entry");
    static final Set<String> ONGOING = Set.of("partnership", "hosting_reseller", "joint_venture");
    /** DESIGN.md's machine, in the order the API names the allowed statuses. */
    static final Map<String, List<String>> COMMON = Map.of(
            "rumored", List.of("in_talks", "announced", "abandoned"),
            "in_talks", List.of("announced", "abandoned"),
            "announced", List.of("pending_approval", "completed", "abandoned"),
            "pending_approval", List.of("completed", "blocked", "abandoned"));

    static final Map<String, List<String>> ONGOING_ONLY =
            Map.of("completed", List.of("active"), "active", List.of("terminated"));

    static List<String> allowed(String type, String from) {
        List<String> next = new ArrayList<>(COMMON.getOrDefault(from, List.of()));
        if (ONGOING.contains(type)) {
            next.addAll(ONGOING_ONLY.getOrDefault(from, List.of()));
        }
        return next;
    }

    static boolean reachable(String type, String status) {
        return ONGOING.contains(type) || !Set.of("active", "terminated").contains(status);
    }

    @Test
    void everyTransitionOfAPartnershipAndAnAcquisition() {
        List<String> failures = new ArrayList<>();
        int allowedChecked = 0;
        int forbiddenChecked = 0;
        for (String type : List.of("partnership", "acquisition")) {
            for (String from : STATUSES) {
                if (!reachable(type, from)) {
                    continue;
                }
                for (String to : STATUSES) {
                    if (check(type, from, to, failures)) {
                        allowedChecked++;
                    } else {
                        forbiddenChecked++;
                    }
                }
            }
        }
        System.out.printf(
                "transitions checked: %d allowed, %d forbidden, %d wrong%n",
                allowedChecked, forbiddenChecked, failures.size());
        assertThat(failures).isEmpty();
        // partnership: 9 statuses x 9 targets, 13 allowed; acquisition: 7 x 9, 11 allowed.
        assertThat(allowedChecked).isEqualTo(24);
        assertThat(forbiddenChecked).isEqualTo(81 + 63 - 24);
    }

    @Test
    void everyTypeWhereOngoingAndOneOffDiffer() {
        List<String> failures = new ArrayList<>();
        for (String type : TYPES) {
            check(type, "completed", "active", failures);
            if (ONGOING.contains(type)) {
                check(type, "active", "terminated", failures);
            } else {
                for (String status : List.of("active")) {
                    Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
                    body.put("type", type);
                    body.put("status", status);
                    Response created = given().contentType(ContentType.JSON)
                            .body(Json.write(body))
                            .post("/deals");
                    if (created.statusCode() != 400 || !"status".equals(created.path("errors[0].field"))) {
                        failures.add("a " + type + " created as " + status + ": expected 400 on status, got "
                                + created.statusCode());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Returns whether the transition is allowed by the table; adds what the API did wrong to {@code failures}. */
    private static boolean check(String type, String from, String to, List<String> failures) {
        Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        body.put("type", type);
        body.put("status", from);
        Response created =
                given().contentType(ContentType.JSON).body(Json.write(body)).post("/deals");
        String id = created.then().statusCode(201).extract().path("id");
        Response answer = given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Json.write(Json.map("status", to, "note", from + " to " + to)))
                .post("/deals/" + id + "/status-changes");
        List<String> next = allowed(type, from);
        boolean allowed = next.contains(to);
        String label = type + " " + from + " -> " + to;
        int historySize = given().get("/deals/" + id + "/history").path("items.size()");
        String status = given().get("/deals/" + id).path("status");
        if (allowed) {
            if (answer.statusCode() != 200 || !to.equals(status) || historySize != 2) {
                failures.add(label + ": expected 200, got " + answer.statusCode() + " " + answer.asString());
            }
        } else {
            String allowedNames = String.join(", ", next);
            String detail = answer.path("detail");
            if (answer.statusCode() != 409
                    || !answer.contentType().startsWith("application/problem+json")
                    || !String.valueOf(answer.<String>path("type")).endsWith("invalid-transition")
                    || detail == null
                    || !detail.contains("allowed: " + (allowedNames.isEmpty() ? "none" : allowedNames))
                    || !from.equals(status)
                    || historySize != 1) {
                failures.add(label + ": expected 409 naming [" + allowedNames + "], got " + answer.statusCode() + " "
                        + answer.asString());
            }
        }
        return allowed;
    }
}
