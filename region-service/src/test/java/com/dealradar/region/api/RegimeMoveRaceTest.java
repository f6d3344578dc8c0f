package com.dealradar.region.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A regime moves to another region only while no matter is filed under it (ReferenceDataApiTest), because a matter
 * keeps its regime's region. A matter filed while the move is being written must not slip between the move's count
 * of matters and its commit: the two writes are ordered on the regime's row. Each test holds that row in a
 * transaction of its own, lets both requests queue behind it in a chosen order, then lets go. Before the fix neither
 * request waited for the other: the move counted no matters, the matter read the old region, both were accepted, and
 * the matter was left filed under a region its regime no longer belonged to.
 */
@QuarkusTest
class RegimeMoveRaceTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aMatterFiledBeforeTheMoveIsCountedByIt() throws Exception {
        Outcome outcome = race(false);
        assertThat(outcome.matter()).as("the matter, filed first").isEqualTo(201);
        assertThat(outcome.move()).as("the move, which then finds the matter").isEqualTo(409);
        given().get("/regimes/" + outcome.code()).then().statusCode(200).body("regionCode", equalTo("DE"));
        assertEveryMatterInItsRegimesRegion();
    }

    @Test
    void aMatterFiledAfterTheMoveWaitsForItAndFindsTheRegimeUnderItsNewCode() throws Exception {
        Outcome outcome = race(true);
        assertThat(outcome.move()).as("the move, first").isEqualTo(200);
        assertThat(outcome.matter())
                .as("the matter, which named the regime by its old code")
                .isEqualTo(422);
        assertEveryMatterInItsRegimesRegion();
    }

    record Outcome(String code, int move, int matter) {}

    /** Both requests queued behind a lock on the regime's row, {@code moveFirst} deciding which queues first. */
    private Outcome race(boolean moveFirst) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
        String code = "DE-RACE-" + suffix;
        given().contentType(ContentType.JSON)
                .body(ReferenceDataApiTest.regime(code, "DE"))
                .post("/regimes")
                .then()
                .statusCode(201);
        String tag = given().get("/regimes/" + code).header("ETag");
        Supplier<Response> move = () -> given().contentType(ContentType.JSON)
                .header("If-Match", tag)
                .body(ReferenceDataApiTest.regime("FR-RACE-" + suffix, "FR"))
                .put("/regimes/" + code);
        Supplier<Response> file = () -> MatterApiTest.create(UUID.randomUUID(), code);
        CompletableFuture<Response> first;
        CompletableFuture<Response> second;
        try (ExecutorService clients = Executors.newFixedThreadPool(2);
                Connection holder = connect();
                Connection watcher = connect()) {
            holder.setAutoCommit(false);
            try (Statement sql = holder.createStatement()) {
                sql.executeQuery("select id from regime where code = '" + code + "' for update")
                        .close();
            }
            // Well inside the services' 5 s lock timeout.
            first = CompletableFuture.supplyAsync(moveFirst ? move : file, clients);
            awaitWaiters(watcher, 1, first);
            second = CompletableFuture.supplyAsync(moveFirst ? file : move, clients);
            awaitWaiters(watcher, 2, second);
            holder.commit();
        }
        Response firstAnswer = first.get(20, TimeUnit.SECONDS);
        Response secondAnswer = second.get(20, TimeUnit.SECONDS);
        Response moved = moveFirst ? firstAnswer : secondAnswer;
        Response filed = moveFirst ? secondAnswer : firstAnswer;
        System.out.printf(
                "%s first: move %d, matter %d (%s)%n",
                moveFirst ? "move" : "matter",
                moved.statusCode(),
                filed.statusCode(),
                filed.statusCode() == 201 ? "region " + filed.path("regionCode") : filed.path("detail"));
        return new Outcome(code, moved.statusCode(), filed.statusCode());
    }

    /**
     * Waits until {@code count} requests of this database wait for a lock (the request may instead have finished
     * without waiting: then the test goes on, and its assertions tell).
     */
    private static void awaitWaiters(Connection watcher, int count, CompletableFuture<?> request)
            throws SQLException, InterruptedException {
        for (int i = 0; i < 150 && !request.isDone(); i++) {
            try (Statement sql = watcher.createStatement();
                    ResultSet rows = sql.executeQuery("select count(*) from pg_stat_activity"
                            + " where datname = current_database() and wait_event_type = 'Lock'")) {
                rows.next();
                if (rows.getInt(1) >= count) {
                    System.out.printf("%d waiting after %d ms%n", count, i * 20);
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    /** The invariant the move's rule protects: no matter filed under a region its regime is not in. */
    private void assertEveryMatterInItsRegimesRegion() throws SQLException {
        try (Connection connection = connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from regulatory_matter m"
                        + " join regime r on r.id = m.regime_id where m.region_code <> r.region_code")) {
            rows.next();
            assertThat(rows.getInt(1))
                    .as("matters filed outside their regime's region")
                    .isZero();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PostgresDatabase.user(), "");
    }
}
