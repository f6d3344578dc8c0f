package com.dealradar.region.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The current day and instant (UTC); one place, so that expiry and deadlines agree. */
@ApplicationScoped
public class Today {

    private final Clock clock = Clock.systemUTC();

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    /** PostgreSQL keeps microseconds; truncating keeps in-memory and stored timestamps (and cursors) equal. */
    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
