package com.dealradar.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the two databases' drivers hand a native query: the packaged local run (H2, H2 dialect) read a uuid column as 16
 * bytes, and the event feed answered 500 ("Invalid UUID string: [B@...") until those were read as the id they are.
 */
class NativeValuesTest {

    @Test
    void aUuidColumnReadsTheSameFromEitherDriver() {
        UUID id = UUID.fromString("3e61aa4f-d030-4a6a-b40a-41b4af4f898b");
        byte[] h2 = ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        assertThat(NativeValues.uuid(h2)).isEqualTo(id);
        assertThat(NativeValues.uuid(id)).isSameAs(id);
        assertThat(NativeValues.uuid(id.toString())).isEqualTo(id);
        assertThat(NativeValues.uuid(null)).isNull();
    }

    @Test
    void aTimestampColumnReadsTheSameFromEitherDriver() {
        Instant at = Instant.parse("2026-12-01T20:04:18.894638Z");
        assertThat(NativeValues.instant(at)).isEqualTo(at);
        assertThat(NativeValues.instant(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8))))
                .isEqualTo(at);
        assertThat(NativeValues.instant(Timestamp.from(at))).isEqualTo(at);
        assertThat(NativeValues.instant(at.toString())).isEqualTo(at);
        assertThat(NativeValues.instant(null)).isNull();
    }
}
