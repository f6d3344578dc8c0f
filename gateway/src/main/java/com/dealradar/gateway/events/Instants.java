package com.dealradar.gateway.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Timestamps read by native queries come back as whatever the driver chooses (PostgreSQL and H2 differ). */
public final class Instants {

    private Instants() {}

    public static Instant of(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            case ZonedDateTime z -> z.toInstant();
            default -> Instant.parse(value.toString());
        };
    }
}
