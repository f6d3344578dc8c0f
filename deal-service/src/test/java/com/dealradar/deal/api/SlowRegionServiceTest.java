package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.FakeServices;
import com.dealradar.deal.FakeServices.ClearanceGate;
import com.dealradar.deal.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slow region-service must not stall deal-service. Completions wait on region-service's clearance answer
 * (held by a WireMock gate until the test opens it); while they all wait, other writes of deal-service,
 * including a PATCH of a deal being completed, succeed, and no database connection sits in a transaction
 * (so no row lock or pooled connection is held across the remote call). The completion guard still holds.
 */
@QuarkusTest
@TestProfile(SlowRegionServiceTest.LongClearanceTimeout.class)
class SlowRegionServiceTest {

    static final int SLOW_COMPLETIONS = 12;
    static final int OTHER_WRITES = 10;

    /** The gate, not the client's timeout, decides when the slow answers come. */
    public static class LongClearanceTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The guard of every call to region-service (platform ServiceGuards), configured by its identifier.
            return Map.of(
                    "quarkus.fault-tolerance.\"region-service\".timeout.value",
                    "90000",
                    "quarkus.rest-client.region-service.read-timeout",
                    "90000");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @jakarta.inject.Inject
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance circuitBreakers;

    /** Circuit state left by other tests of this JVM (region-service down) is no part of this test. */
    @org.junit.jupiter.api.BeforeEach
    void closeCircuits() {
        circuitBreakers.resetAll();
    }

    @AfterEach
    void openGate() {
        ClearanceGate.open();
    }

    @Test
    void otherWritesProceedWhileCompletionsWaitOnRegionService() throws Exception {
        ClearanceGate.close();
        List<String> slowDeals = new ArrayList<>();
        for (int i = 0; i < SLOW_COMPLETIONS; i++) {
            String id = created();
            FakeServices.gateClearance(UUID.fromString(id), false);
            slowDeals.add(id);
        }
        String patchedMeanwhile = slowDeals.getFirst();
        try (ExecutorService pool = Executors.newFixedThreadPool(SLOW_COMPLETIONS)) {
            List<Future<Response>> completions = new ArrayList<>();
            for (String id : slowDeals) {
                String etag = Json.etagOf(id);
                completions.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .header("If-Match", etag)
                        .body(Json.write(Json.map("status", "completed")))
                        .post("/deals/" + id + "/status-changes")));
            }
            awaitArrivals(SLOW_COMPLETIONS);

            // Only the completions are running now: any session in a transaction would be one of theirs.
            int inTransaction = 0;
            for (int sample = 0; sample < 5; sample++) {
                inTransaction = Math.max(inTransaction, connectionsInTransaction());
                Thread.sleep(100);
            }
            int patchOfWaitingDeal = given().contentType("application/merge-patch+json")
                    .header("If-Match", Json.etagOf(patchedMeanwhile))
                    .body("{\"title\": \"patched while its completion waits\"}")
                    .patch("/deals/" + patchedMeanwhile)
                    .statusCode();
            Map<Integer, Integer> others = new TreeMap<>();
            for (int i = 0; i < OTHER_WRITES; i++) {
                String id = created();
                others.merge(
                        given().contentType("application/merge-patch+json")
                                .header("If-Match", Json.etagOf(id))
                                .body("{\"title\": \"changed while region-service is slow " + i + "\"}")
                                .patch("/deals/" + id)
                                .statusCode(),
                        1,
                        Integer::sum);
            }
            boolean allStillWaiting = completions.stream().noneMatch(Future::isDone);

            ClearanceGate.open();
            Map<Integer, Integer> completed = new TreeMap<>();
            for (Future<Response> completion : completions) {
                completed.merge(completion.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            }
            System.out.printf(
                    "slow region-service: %d completions held; meanwhile %d other writes by status %s, patch of a "
                            + "waiting deal %d, most connections in a transaction at once %d, completions still waiting afterwards %s; "
                            + "completions by status %s%n",
                    SLOW_COMPLETIONS,
                    OTHER_WRITES,
                    others,
                    patchOfWaitingDeal,
                    inTransaction,
                    allStillWaiting,
                    completed);

            assertThat(inTransaction)
                    .as("connections idle in a transaction while the remote calls wait")
                    .isZero();
            assertThat(others).isEqualTo(Map.of(200, OTHER_WRITES));
            assertThat(patchOfWaitingDeal).isEqualTo(200);
            assertThat(allStillWaiting)
                    .as("the other writes did not wait for region-service")
                    .isTrue();
            // the patched deal's completion re-checks its version in its transaction: stale, so 412 and not completed
            assertThat(completed).isEqualTo(Map.of(200, SLOW_COMPLETIONS - 1, 412, 1));
            given().get("/deals/" + patchedMeanwhile)
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("announced"))
                    .body("title", org.hamcrest.Matchers.equalTo("patched while its completion waits"));
            for (String id : slowDeals.subList(1, slowDeals.size())) {
                given().get("/deals/" + id).then().body("status", org.hamcrest.Matchers.equalTo("completed"));
            }
        }
    }

    @Test
    void aSlowAnswerThatNamesAnOpenMatterStillStopsTheCompletion() throws Exception {
        ClearanceGate.close();
        String id = created();
        FakeServices.gateClearance(UUID.fromString(id), true);
        String etag = Json.etagOf(id);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Response> completion = pool.submit(() -> given().contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body(Json.write(Json.map("status", "completed")))
                    .post("/deals/" + id + "/status-changes"));
            awaitArrivals(1);
            ClearanceGate.open();
            Response answer = completion.get(60, TimeUnit.SECONDS);
            System.out.println("slow blocked clearance: completion answered " + answer.statusCode());
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.asString()).contains("CN-SAMR-MERGER");
        }
        given().get("/deals/" + id).then().body("status", org.hamcrest.Matchers.equalTo("announced"));
        given().get("/deals/" + id + "/history").then().body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }

    private static String created() {
        return given().contentType(ContentType.JSON)
                .body(Json.write(Json.deal(FakeServices.knownCompany(), FakeServices.knownCompany())))
                .post("/deals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void awaitArrivals(int expected) throws InterruptedException {
        for (int i = 0; i < 600 && ClearanceGate.arrived() < expected; i++) {
            Thread.sleep(50);
        }
        assertThat(ClearanceGate.arrived())
                .as("clearance requests held at region-service")
                .isEqualTo(expected);
    }

    /** Sessions of this test's database that are inside a transaction but not running a statement. */
    private int connectionsInTransaction() throws Exception {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection c = DriverManager.getConnection(
                        jdbcUrl, user, System.getenv().getOrDefault("PGPASSWORD", ""));
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from pg_stat_activity where datname = '" + database
                                + "' and state like 'idle in transaction%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
