package com.dealradar.region.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Deadline events (issue #16): when regulatory_matter.deadline_approaching and _passed and certification.expired are written. */
@ConfigMapping(prefix = "dealradar.deadline-events")
public interface DeadlineEventsConfig {

    @WithDefault("true")
    boolean enabled();

    /** How often the deadlines are checked. Events are per day, so an hour is plenty. */
    @WithDefault("PT1H")
    Duration interval();

    /** deadline_approaching is written this many working days (of the regime's region's calendar) before the due day. */
    @WithDefault("5")
    int leadWorkingDays();

    /** Deadlines that passed longer ago than this get no event (so that a first start does not announce years of history). */
    @WithDefault("P7D")
    Duration lookBack();
}
