package com.dealradar.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for the code where time is a rule (Idempotency-Key retention, API key expiry and
 * rotation overlap, the internal tokens' lifetime, the rate limiter's Redis retry, region-service's "today" of
 * deadlines and certificate expiry). Application-scoped (a client proxy), so that a test can replace it with a
 * clock it moves ({@code QuarkusMock.installMockForType(clock, InstantSource.class)}) instead of sleeping.
 * Always UTC: callers that need a date take it with {@code LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)}.
 */
public class Clocks {

    /**
     * "Now" as the database stores it: PostgreSQL keeps microseconds, so truncating here keeps in-memory and stored
     * timestamps (and the cursors made of them) equal.
     */
    public static Instant storedNow(InstantSource clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Produces
    @ApplicationScoped
    InstantSource clock() {
        return InstantSource.system();
    }
}
