package com.dealradar.platform.persistence;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Column values read by native queries come back as whatever the JDBC driver chooses, and PostgreSQL (production,
 * tests) and H2 (the local run) choose differently: a {@code uuid} column is a {@link UUID} from PostgreSQL and 16 bytes
 * from H2, a timestamp an {@link OffsetDateTime}, a {@link Timestamp} or an {@link Instant}. Read them through here.
 */
public final class NativeValues {

    private NativeValues() {}

    public static UUID uuid(Object value) {
        return switch (value) {
            case null -> null;
            case UUID id -> id;
            case byte[] bytes
            when bytes.length == 16 -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes); // H2 writes the most significant half first
                yield new UUID(buffer.getLong(), buffer.getLong());
            }
            default -> UUID.fromString(value.toString());
        };
    }

    public static Instant instant(Object value) {
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
