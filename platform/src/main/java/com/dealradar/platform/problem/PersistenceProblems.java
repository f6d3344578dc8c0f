package com.dealradar.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Turns failures of the database into the problem a client can act on, for every service and every constraint
 * at once: a unique constraint hit by a concurrent (or repeated) create is a 409 naming the field, never a 500,
 * and a database that cannot be reached is a 503 with Retry-After, never a hang or a 500. The failure may be
 * wrapped several times (Hibernate, JTA commit, CDI), so the whole cause chain is searched.
 */
public final class PersistenceProblems {

    /** How long a client should wait before retrying when the database cannot be reached. */
    static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    /** How long a client should wait before retrying a request the database gave up on (lock or statement timeout). */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    /** PostgreSQL: {@code Key (slug)=(acme) already exists.} */
    private static final Pattern POSTGRES_KEY = Pattern.compile("Key \\(([^)]+)\\)=\\((.*?)\\)(?: already exists)?");
    /** H2: {@code ... ON PUBLIC.COMPANIES(SLUG NULLS FIRST) VALUES ...}. */
    private static final Pattern H2_KEY = Pattern.compile("ON [\\w.\"]+\\(([^)]+)\\)");

    private PersistenceProblems() {}

    /** The problem for {@code failure} when it is (or is caused by) a database failure a client can act on. */
    public static Optional<ProblemException> of(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof ConstraintViolationException violation) {
                return Optional.of(constraint(violation));
            }
        }
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLException sql && unreachable(sql)) {
                return Optional.of(unavailable());
            }
            if (cause instanceof SQLException sql && busy(sql)) {
                return Optional.of(busy());
            }
            if (cause instanceof SQLException sql && tooLarge(sql)) {
                return Optional.of(tooLarge());
            }
            if (cause instanceof JDBCConnectionException) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    /** The connection may have broken during the commit: the outcome of a write is not known, so say how to retry safely. */
    private static ProblemException unavailable() {
        return ProblemException.unavailable(
                "The database cannot be reached; retry after Retry-After seconds (a write: read "
                        + "it back first, or retry with the same Idempotency-Key)",
                DATABASE_RETRY_AFTER);
    }

    /** Another transaction held what this one needed, or the statement ran out of time: nothing was written. */
    private static ProblemException busy() {
        return ProblemException.unavailable(
                "The database was too busy to finish this request in time (a lock held by another change, or a"
                        + " statement over its time limit); nothing was written: retry after Retry-After seconds",
                BUSY_RETRY_AFTER);
    }

    private static ProblemException constraint(ConstraintViolationException violation) {
        String message = messageOf(violation);
        List<String> fields = fields(message);
        String field = fields.isEmpty()
                ? (violation.getConstraintName() == null ? "body" : violation.getConstraintName())
                : String.join(",", fields);
        return switch (violation.getKind()) {
            case UNIQUE ->
                new ProblemException(
                        ProblemType.CONFLICT,
                        (fields.size() == 1 ? field + ": the value is" : field + ": the combination is")
                                + " already taken (perhaps by a request sent at the same time); nothing was written",
                        List.of(new FieldViolation(field, "already taken")),
                        Map.of());
            case FOREIGN_KEY ->
                new ProblemException(
                        ProblemType.CONFLICT,
                        "The change conflicts with related data (" + field + "); nothing was written",
                        List.of(new FieldViolation(field, "refers to or is referred to by other data")),
                        Map.of());
            default ->
                new ProblemException(
                        ProblemType.VALIDATION,
                        field + ": the value is not allowed",
                        List.of(new FieldViolation(field, "the value is not allowed")),
                        Map.of());
        };
    }

    /** The column names in a constraint violation's message, as API field names (snake_case to camelCase). */
    static List<String> fields(String message) {
        if (message == null) {
            return List.of();
        }
        Matcher postgres = POSTGRES_KEY.matcher(message);
        Matcher h2 = H2_KEY.matcher(message);
        String columns = postgres.find() ? postgres.group(1) : h2.find() ? h2.group(1) : null;
        if (columns == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (String raw : columns.split(",")) {
            String name =
                    raw.strip().replaceAll("(?i)\\s+NULLS\\s+(FIRST|LAST)$", "").replace("\"", "");
            if (name.contains(".")) {
                name = name.substring(name.lastIndexOf('.') + 1);
            }
            String column = name.toLowerCase(Locale.ROOT);
            // A service names a column's API field where it differs (dealradar.unique-field.lei=identifiers.lei).
            fields.add(ConfigProvider.getConfig()
                    .getOptionalValue("dealradar.unique-field." + column, String.class)
                    .orElse(camel(column)));
        }
        return fields;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String messageOf(ConstraintViolationException violation) {
        StringBuilder text = new StringBuilder(String.valueOf(violation.getMessage()));
        for (SQLException sql = violation.getSQLException(); sql != null; sql = sql.getNextException()) {
            text.append('\n').append(sql.getMessage());
        }
        return text.toString();
    }

    /**
     * SQLSTATE 22001 (a string longer than its column) or 22003 (a number out of its type's range): a value the request
     * brought, or one derived from it, that passed validation and does not fit where it is stored. The request, not
     * the server, has to change, so it is a 400 and not a 500; validation should have said which field, and a test
     * that meets this answer shows where a limit is missing.
     */
    private static boolean tooLarge(SQLException sql) {
        return "22001".equals(sql.getSQLState()) || "22003".equals(sql.getSQLState());
    }

    private static ProblemException tooLarge() {
        return ProblemException.invalid(
                "body",
                "a value is longer or larger than can be stored: shorten the longest texts or lists, or use a smaller"
                        + " number; nothing was written");
    }

    /**
     * SQLSTATE 55P03 (lock_not_available: {@code lock_timeout} ran out waiting for a row another transaction holds),
     * 57014 (query_canceled: {@code statement_timeout}), 40P01 (deadlock_detected: PostgreSQL aborted this transaction
     * to let the other go on) or 40001 (serialization_failure). Each rolled the whole transaction back, and the same
     * request can succeed a moment later: a 503 with Retry-After, not a 500. The timeouts are set on every connection
     * (microprofile-config.properties, {@code new-connection-sql}).
     */
    private static boolean busy(SQLException sql) {
        String state = sql.getSQLState();
        return "55P03".equals(state) || "57014".equals(state) || "40P01".equals(state) || "40001".equals(state);
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P (the server is shutting down or restarting), or the pool
     * giving up waiting for a connection: the database, not the request, is the problem.
     */
    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        return sql instanceof SQLTransientConnectionException || message.contains("acquisition timeout");
    }

    /** The failure, its causes and everything suppressed along the way (a failed XA commit hides the cause there). */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && chain.size() < 100) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }
}
