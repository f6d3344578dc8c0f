package com.dealradar.gateway.events;

import jakarta.persistence.Query;
import java.time.Instant;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Typed parameters for native statements: a null bound without its type reaches PostgreSQL as "unknown" (or bytea),
 * which a text, integer or timestamp column refuses, so nullable values say what they are.
 */
public final class Sql {

    private Sql() {}

    public static Query text(Query query, int position, String value) {
        return query.unwrap(NativeQuery.class).setParameter(position, value, StandardBasicTypes.STRING);
    }

    public static Query integer(Query query, int position, Integer value) {
        return query.unwrap(NativeQuery.class).setParameter(position, value, StandardBasicTypes.INTEGER);
    }

    public static Query instant(Query query, int position, Instant value) {
        return query.unwrap(NativeQuery.class).setParameter(position, value, StandardBasicTypes.INSTANT);
    }
}
