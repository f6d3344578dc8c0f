package com.dealradar.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a caller's {@code X-Request-Timeout-Ms} is taken to mean; anything but a sane wait is no limit at all. */
class CallerTimeoutTest {

    @Test
    void aSanePositiveNumberOfMillisecondsIsALimit() {
        assertThat(CallerTimeout.millis("3000")).isEqualTo(3000);
        assertThat(CallerTimeout.millis("1")).isEqualTo(1);
        assertThat(CallerTimeout.millis("600000")).as("ten minutes").isEqualTo(600_000);
    }

    @Test
    void anythingElseIsNoLimit() {
        for (String header : new String[] {
            null,
            "",
            "0",
            "-5",
            "+5",
            "3s",
            "1.5",
            " 300",
            "0x10",
            "600001",
            "99999999999999999999",
            "\u0663\u0660\u0660"
        }) {
            assertThat(CallerTimeout.millis(header)).as("'%s'", header).isZero();
        }
    }

    @Test
    void aCallsTimeoutIsSentInWholeMillisecondsAndNeverAsNoTime() {
        assertThat(CallerTimeout.headerValue(Duration.ofSeconds(3))).isEqualTo("3000");
        assertThat(CallerTimeout.headerValue(Duration.ofNanos(10))).isEqualTo("1");
    }

    @Test
    void outsideARequestThereIsNoLimit() {
        assertThat(CallerTimeout.remainingMillis()).isEmpty();
        assertThat(CallerTimeout.allowsAnotherAttempt()).isTrue();
    }
}
