package com.dealradar.gateway.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The public event feed and the relay that fills it from the services' outboxes (issue #16). */
@ConfigMapping(prefix = "dealradar.feed")
public interface FeedConfig {

    /** Whether this replica relays (every replica may: the log's lock makes them take turns). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often each service's outbox is read. Bounds how late an event reaches the feed and the webhooks. */
    @WithDefault("PT1S")
    Duration relayInterval();

    /** Events read from one outbox per round. */
    @WithDefault("500")
    int relayBatch();

    /** How long an event stays in the feed; a cursor older than that is answered 410 (stated in the contract). */
    @WithDefault("P30D")
    Duration retention();

    /** How often events past the retention are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /**
     * Most events one purge transaction deletes. Each holds the lock that appending events needs, so a purge of a large
     * backlog (after the retention was shortened, or the purge could not run for a while) goes in many short steps
     * instead of one long delete during which no event reaches the feed. The webhook delivery log's purge deletes in
     * steps of the same size (most attempts, then most deliveries, per transaction).
     */
    @WithDefault("5000")
    int purgeBatch();
}
