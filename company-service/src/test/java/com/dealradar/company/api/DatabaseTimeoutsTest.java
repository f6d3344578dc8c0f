package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.PostgresDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every connection of a service bounds how long PostgreSQL may keep it waiting: a write that waits for a row another
 * transaction holds gives up after the lock timeout with a 503 the client can retry, instead of holding a connection
 * (and its caller) for as long as the other transaction lasts.
 */
@QuarkusTest
class DatabaseTimeoutsTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServicesConnectionsCarryTheTimeouts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            assertThat(show(sql, "lock_timeout")).isEqualTo("5s");
            assertThat(show(sql, "statement_timeout")).isEqualTo("1min");
            assertThat(show(sql, "idle_in_transaction_session_timeout")).isEqualTo("1min");
            assertThat(show(sql, "plan_cache_mode")).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void aWriteWaitingForALockedRowIsA503AfterTheLockTimeoutAndWritesNothing() throws SQLException {
        Response created = CompanyFixtures.create(CompanyFixtures.uniqueName("Locked Row"));
        String id = created.path("id");
        String tag = created.header("ETag");
        long took;
        Response refused;
        try (Connection other = DriverManager.getConnection(jdbcUrl, PostgresDatabase.user(), "")) {
            other.setAutoCommit(false);
            try (Statement sql = other.createStatement()) {
                sql.executeQuery("select id from company where id = '" + id + "' for update")
                        .close();
            }
            long start = System.nanoTime();
            refused = patchCity(id, tag, "Hangzhou");
            took = (System.nanoTime() - start) / 1_000_000;
            other.rollback();
        }
        System.out.printf("PATCH of a row another transaction held: %d after %d ms%n", refused.statusCode(), took);
        refused.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", containsString("a lock held by another change"));
        assertThat(took).as("waited for the 5 s lock timeout, not for ever").isBetween(4_500L, 15_000L);
        // Nothing was written: the same ETag still matches, and the retry succeeds.
        given().get("/companies/" + id).then().statusCode(200).header("ETag", tag);
        patchCity(id, tag, "Bonn").then().statusCode(200).body("headquartersCity", equalTo("Bonn"));
    }

    private static Response patchCity(String id, String tag, String city) {
        return given().contentType("application/merge-patch+json")
                .header("If-Match", tag)
                .body("{\"headquartersCity\": \"" + city + "\"}")
                .patch("/companies/" + id);
    }

    private static String show(Statement sql, String setting) throws SQLException {
        try (ResultSet row = sql.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
