package com.dealradar.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Rate limits per API key and per Keycloak user: {@code dealradar.rate-limit.*}. A plan is a number of requests
 * per fixed window; partners have one each, Keycloak users share the users' plan (each user counted alone).
 */
@ConfigMapping(prefix = "dealradar.rate-limit")
public interface RateLimitConfig {

    /** Switches rate limiting (and its headers) off entirely. */
    @WithDefault("true")
    boolean enabled();

    /** Where counters live: redis (shared by every replica: the production setting) or memory (per replica). */
    @WithDefault("redis")
    Store store();

    /** The plans by name: {@code dealradar.rate-limit.plans.<name>.limit} and {@code .window}. */
    Map<String, Plan> plans();

    /** Plan of partners created without one, and of any plan name that is not configured. */
    @WithDefault("standard")
    String defaultPlan();

    /** Plan of Keycloak users. */
    @WithDefault("users")
    String usersPlan();

    /** Prefix of the counters' Redis keys. */
    @WithDefault("dealradar:ratelimit:")
    String redisKeyPrefix();

    /** A Redis call slower than this counts as a Redis failure. */
    @WithDefault("PT0.5S")
    Duration redisTimeout();

    /**
     * A caller busier than one request per this interval on a replica has its requests counted in Redis in leases of
     * several at once ({@link RedisLeases}: never more than the limit across replicas; a little of the budget may be
     * left unused). {@code PT0S} counts every request in Redis on its own.
     */
    @WithDefault("PT0.05S")
    Duration redisLeaseInterval();

    /** After a Redis failure, counters stay in memory this long before Redis is tried again. */
    @WithDefault("PT5S")
    Duration redisRetryInterval();

    /** Refused requests (401, 403) per client: they slow credential guessing (see {@link FailureLimiter}). */
    Failures failures();

    interface Failures {
        /** Counts refusals and answers 429 to a client over its budget. */
        @WithDefault("true")
        boolean enabled();

        /** Refusals allowed per source address and window (every key and token tried from there). */
        @WithDefault("60")
        int perAddress();

        /** Refusals allowed per API-key prefix and window (guessing one key's secret, from any address). */
        @WithDefault("10")
        int perKeyPrefix();

        @WithDefault("PT1M")
        Duration window();
    }

    enum Store {
        redis,
        memory
    }

    interface Plan {
        /** Requests allowed per window. */
        @WithDefault("600")
        int limit();

        /** Length of the window. */
        @WithDefault("PT1M")
        Duration window();
    }
}
