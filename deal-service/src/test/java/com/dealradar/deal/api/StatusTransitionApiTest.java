package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.DealStatusMachine;
import com.dealradar.deal.domain.DealType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every allowed and every forbidden transition through the API, for an ongoing type (partnership: all nine
 * statuses reachable) and a one-off type (acquisition): allowed ones answer 200 and add one history entry,
 * forbidden ones answer a 409 problem naming the allowed statuses and change nothing.
 */
@QuarkusTest
class StatusTransitionApiTest {

    @Test
    void everyTransitionOfAPartnershipAndAnAcquisition() {
        List<String> failures = new ArrayList<>();
        for (DealType type : List.of(DealType.partnership, DealType.acquisition)) {
            for (DealStatus from : DealStatus.values()) {
                if (!DealStatusMachine.isReachable(type, from)) {
                    continue;
                }
                for (DealStatus to : DealStatus.values()) {
                    check(type, from, to, failures);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(DealType type, DealStatus from, DealStatus to, List<String> failures) {
        Map<String, Object> body = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        body.put("type", type.name());
        body.put("status", from.name());
        String id = given().contentType(ContentType.JSON).body(Json.write(body)).post("/deals")
                .then().statusCode(201).extract().path("id");
        Response answer = given().contentType(ContentType.JSON).header("If-Match", Json.etagOf(id))
                .body(Json.write(Json.map("status", to.name(), "note", from + " to " + to)))
                .post("/deals/" + id + "/status-changes");
        boolean allowed = DealStatusMachine.isAllowed(type, from, to);
        String label = type + " " + from + " -> " + to;
        int historySize = given().get("/deals/" + id + "/history").path("items.size()");
        String status = given().get("/deals/" + id).path("status");
        if (allowed) {
            if (answer.statusCode() != 200 || !to.name().equals(status) || historySize != 2) {
                failures.add(label + ": expected 200, got " + answer.statusCode() + " " + answer.asString());
            }
        } else {
            String allowedNames = DealStatusMachine.allowedNext(type, from).stream().map(Enum::name).collect(Collectors.joining(", "));
            String detail = answer.path("detail");
            if (answer.statusCode() != 409 || !answer.contentType().startsWith("application/problem+json")
                    || !String.valueOf(answer.<String>path("type")).endsWith("invalid-transition")
                    || detail == null || !detail.contains("allowed: " + (allowedNames.isEmpty() ? "none" : allowedNames))
                    || !from.name().equals(status) || historySize != 1) {
                failures.add(label + ": expected 409 naming [" + allowedNames + "], got " + answer.statusCode() + " " + answer.asString());
            }
        }
    }
}
