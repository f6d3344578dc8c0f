package com.dealradar.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives a test run its own empty database on the real PostgreSQL server (not a mock, not H2), created
 * fresh at start so that runs never see each other's rows. Server and user come from
 * {@code DEALRADAR_TEST_PG_URL} / {@code DEALRADAR_TEST_PG_USER} (default: the local server, user postgres).
 * Use with {@code @QuarkusTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "..."))}.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        // DEALRADAR_TEST_DB_SUFFIX lets two checkouts run their tests at once against one server.
        database = initArgs.getOrDefault("database", "dealradar_test")
                + System.getenv().getOrDefault("DEALRADAR_TEST_DB_SUFFIX", "");
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String server = serverUrl();
        try (Connection admin = DriverManager.getConnection(server + "/postgres", user(), "");
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + server + " (start it as the README says, section Tests): "
                            + e.getMessage(),
                    e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                server + "/" + database,
                "quarkus.datasource.username",
                user(),
                "quarkus.datasource.password",
                "");
    }

    /** Creates (or empties) {@code database} and returns its JDBC URL: for services started as processes. */
    public static String fresh(String database) {
        PostgresDatabase db = new PostgresDatabase();
        db.init(Map.of("database", database));
        return db.start().get("quarkus.datasource.jdbc.url");
    }

    @Override
    public void stop() {
        // The database is kept for inspection after a failed run and dropped at the next start.
    }

    public static String serverUrl() {
        return System.getenv().getOrDefault("DEALRADAR_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432");
    }

    public static String user() {
        return System.getenv().getOrDefault("DEALRADAR_TEST_PG_USER", "postgres");
    }
}
