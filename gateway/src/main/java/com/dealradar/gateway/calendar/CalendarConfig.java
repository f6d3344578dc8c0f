package com.dealradar.gateway.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dealradar.calendar")
public interface CalendarConfig {

    /** How often calendar clients are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    @WithDefault("PT1H")
    Duration refreshInterval();

    /** Most open matters one calendar lists (read 200 a page from region-service); beyond it the calendar says it is cut. */
    @WithDefault("2000")
    int maxMatters();

    /**
     * Most live (not revoked) subscriptions one owner (a partner, or a signed-in user) may hold; a create beyond it is
     * a 409 naming the limit. Each live token is a standing way to read; revoke one to make room.
     */
    @WithDefault("50")
    int maxSubscriptionsPerOwner();
}
