package com.dealradar.region.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current day and instant (UTC) from the platform's clock bean; one place, so that expiry and deadlines agree. */
@ApplicationScoped
public class Today {

    private final InstantSource clock;

    Today(InstantSource clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** PostgreSQL keeps microseconds; truncating keeps in-memory and stored timestamps (and cursors) equal. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
