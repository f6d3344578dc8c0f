package com.dealradar.platform.testing;

import io.quarkus.test.junit.QuarkusMock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves: it starts at the given instant (or the real time) and stands still until the test
 * advances it, so expiries, overlaps, retries and "today" are reached by moving time, not by sleeping.
 * {@link #install()} makes the application's clock bean this one for the current test only.
 */
public final class TestClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock standing at the real time now, installed for the current test. */
    public static TestClock installed() {
        return new TestClock(Instant.now()).install();
    }

    /** A clock standing at {@code start}, installed for the current test. */
    public static TestClock installedAt(Instant start) {
        return new TestClock(start).install();
    }

    public TestClock install() {
        QuarkusMock.installMockForType(this, InstantSource.class);
        return this;
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant to) {
        now.set(to);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
