package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.Json;
import com.dealradar.platform.testing.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many writers change one deal at once, each with the ETag it read: every write either wins with a new ETag
 * or gets 412, the deal ends as the last winner left it, and the status history has no gap or duplicate.
 */
@QuarkusTest
class LostUpdateTest {

    static final int WRITERS = 8;
    static final int ROUNDS = 6;

    @Test
    void concurrentPatchesEachWinWithANewEtagOr412AndTheLastWinnerStays() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long initial = version(Json.etagOf(id));
        List<Response> all = new ArrayList<>();
        Map<Response, String> sent = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            java.util.concurrent.atomic.AtomicInteger writer = new java.util.concurrent.atomic.AtomicInteger();
            all.addAll(Races.race(WRITERS, () -> {
                String title = "round " + r + " writer " + writer.getAndIncrement();
                String etag = Json.etagOf(id);
                Response answer = given().contentType("application/merge-patch+json")
                        .header("If-Match", etag)
                        .body("{\"title\": \"" + title + "\"}")
                        .patch("/deals/" + id);
                sent.put(answer, etag);
                return answer;
            }));
        }
        Map<Integer, Integer> counts = Races.countByStatus("concurrent patches of one deal", all);
        assertThat(counts.keySet()).isSubsetOf(200, 412);
        // The lost update itself: two writers that read the same version cannot both win.
        Map<String, Long> winsPerVersionRead = all.stream()
                .filter(r -> r.statusCode() == 200)
                .collect(java.util.stream.Collectors.groupingBy(sent::get, java.util.stream.Collectors.counting()));
        Map<String, Long> writersPerVersionRead = all.stream()
                .collect(java.util.stream.Collectors.groupingBy(sent::get, java.util.stream.Collectors.counting()));
        System.out.println("writers per version read " + writersPerVersionRead + ", wins " + winsPerVersionRead);
        assertThat(winsPerVersionRead.values()).allMatch(wins -> wins == 1);
        // And a writer with a version read before the race is refused, whatever the race's order was.
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"" + initial + "\"")
                .body("{\"title\": \"stale\"}")
                .patch("/deals/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        List<Response> winners = all.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(winners).isNotEmpty();
        // every winner got its own new version: no two wins on one version
        assertThat(winners.stream().map(r -> r.header("ETag")).distinct().count())
                .isEqualTo(winners.size());
        all.stream()
                .filter(r -> r.statusCode() == 412)
                .forEach(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        Response last = winners.stream()
                .max(Comparator.comparingLong(r -> version(r.header("ETag"))))
                .orElseThrow();
        Response now = given().get("/deals/" + id);
        assertThat(version(now.header("ETag"))).isEqualTo(initial + winners.size());
        assertThat(now.<String>path("title")).isEqualTo(last.path("title"));
    }

    @Test
    void concurrentStatusChangesFromOneEtagHaveOneWinnerAndAGapFreeHistory() throws Exception {
        java.util.Map<String, Object> deal = Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany());
        deal.put("status", "rumored");
        deal.remove("announced");
        String id = given().contentType(ContentType.JSON)
                .body(Json.write(deal))
                .post("/deals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> steps = List.of("in_talks", "announced", "pending_approval", "completed");
        int wins = 0;
        int stale = 0;
        for (String step : steps) {
            String etag = Json.etagOf(id);
            List<Response> answers = Races.race(
                    WRITERS,
                    () -> given().contentType(ContentType.JSON)
                            .header("If-Match", etag)
                            .body(Json.write(Json.map("status", step)))
                            .post("/deals/" + id + "/status-changes"));
            Map<Integer, Integer> counts = Races.countByStatus("concurrent changes to " + step, answers);
            assertThat(counts).isEqualTo(Map.of(200, 1, 412, WRITERS - 1));
            wins += counts.get(200);
            stale += counts.get(412);
        }
        System.out.printf("status changes: %d wins, %d stale%n", wins, stale);
        given().get("/deals/" + id + "/history")
                .then()
                .statusCode(200)
                .body(
                        "items.sequence",
                        org.hamcrest.Matchers.contains(IntStream.rangeClosed(1, steps.size() + 1)
                                .boxed()
                                .toArray()))
                .body(
                        "items.to",
                        org.hamcrest.Matchers.contains(
                                "rumored", "in_talks", "announced", "pending_approval", "completed"));
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }
}
