package com.dealradar.platform.persistence;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.hibernate.Session;

/**
 * One statement run for many rows as a JDBC batch, in the current transaction: one round trip to the database for the
 * whole batch, where a native query per row makes one each (Hibernate batches only what it flushes itself, never a
 * native query). For inserts made while a lock others wait for is held, so that the lock is held for one exchange.
 */
public final class JdbcBatches {

    /** Binds one row's values to the statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatches() {}

    /** Runs {@code sql} once per row of {@code rows}, in one batch; nothing when there are none. */
    public static <T> void run(EntityManager em, String sql, Collection<T> rows, Binder<? super T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /**
     * An instant for a {@code timestamp with time zone} column: as an offset date-time in UTC, which PostgreSQL's and
     * H2's drivers both bind without a conversion of their own.
     */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
