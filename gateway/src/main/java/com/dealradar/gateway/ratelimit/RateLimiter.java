package com.dealradar.gateway.ratelimit;

import com.dealradar.platform.metrics.Gauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Counts requests per caller against the caller's plan.
 *
 * <p><b>When Redis is unavailable</b> (refused, timed out after {@code redis-timeout}, or failing), the gateway
 * keeps serving: availability of the API matters more than the exactness of a limit for a few seconds. Each
 * replica then counts in memory on its own (so the effective limit is at most replicas x limit while Redis is
 * away), logs one warning per outage, and tries Redis again after {@code redis-retry-interval} with a single
 * probing request (the others keep counting in memory meanwhile), logging when Redis is back. Readiness does not
 * depend on Redis (quarkus.redis.health.enabled=false), so an outage does not take the gateway out of service.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final Quota BUILT_IN = new Quota("default", 600, Duration.ofMinutes(1));
    private static final String SHARED_GAUGE = "dealradar.gateway.rate.limits.shared";

    private final RateLimitConfig config;
    private final Instance<ReactiveRedisDataSource> redisSource;
    private final InstantSource clock;
    private final MemoryCounterStore memory;
    private volatile RedisLeases leases;
    private final AtomicBoolean redisDown = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long redisRetryAt;

    RateLimiter(
            RateLimitConfig config,
            Instance<ReactiveRedisDataSource> redisSource,
            InstantSource clock,
            MeterRegistry meters) {
        this.clock = clock;
        this.memory = new MemoryCounterStore(clock::millis);
        this.config = config;
        this.redisSource = redisSource;
        // The one sign, besides a warning in the log, that limits are per replica (up to replicas x the plan).
        Gauges.replace(
                meters,
                SHARED_GAUGE,
                Tags.empty(),
                null,
                "1 while rate limits are counted in Redis, shared by all replicas; 0 while this replica counts in memory"
                        + " on its own (Redis unreachable, or the memory store configured)",
                this,
                limiter -> limiter.countsInRedis() ? 1 : 0);
    }

    private boolean countsInRedis() {
        return config.store() == RateLimitConfig.Store.redis && !redisDown.get();
    }

    /** Connects to Redis before the first request; a failure here only means the first request will try again. */
    void warmUp(@Observes StartupEvent started) {
        if (config.store() == RateLimitConfig.Store.redis) {
            leases().warmUp()
                    .subscribe()
                    .with(
                            loaded -> LOG.debug("Rate-limit script loaded into Redis"),
                            failure -> LOG.infof(
                                    "Redis not reachable at start-up (%s); rate limiting will retry on the first request",
                                    describe(failure)));
        }
    }

    /** Counts one request of {@code subject} (e.g. {@code partner:<id>}, {@code user:<name>}) on plan {@code planName}. */
    public Uni<Decision> hit(String subject, String planName) {
        Quota quota = quota(planName);
        return count(config.redisKeyPrefix() + quota.name() + ":" + subject, quota);
    }

    /** Counts one event under {@code key} (below the counters' prefix) on {@code quota}. */
    public Uni<Decision> hit(String key, Quota quota) {
        return count(config.redisKeyPrefix() + key, quota);
    }

    private Uni<Decision> count(String key, Quota quota) {
        if (config.store() == RateLimitConfig.Store.memory) {
            return memory.hit(key, quota);
        }
        boolean probe = false;
        if (redisDown.get()) {
            if (clock.millis() < redisRetryAt || !probing.compareAndSet(false, true)) {
                return memory.hit(key, quota);
            }
            probe = true;
        }
        boolean isProbe = probe;
        // The probe asks Redis itself first: a caller's numbers leased before the outage answer without Redis, and
        // such an answer, taken for Redis being back, sent every request to the missing Redis again.
        Uni<Decision> counted =
                isProbe ? leases().warmUp().chain(() -> leases().hit(key, quota)) : leases().hit(key, quota);
        return counted.invoke(decision -> redisUp())
                .onFailure()
                .recoverWithItem(failure -> {
                    redisFailed(failure);
                    return memory.hitNow(key, quota);
                })
                .eventually(() -> {
                    if (isProbe) {
                        probing.set(false);
                    }
                });
    }

    /** The configured plan, else the default plan, else 600 a minute. */
    public Quota quota(String planName) {
        RateLimitConfig.Plan plan = planName == null ? null : config.plans().get(planName);
        if (plan != null) {
            return new Quota(planName, plan.limit(), plan.window());
        }
        RateLimitConfig.Plan fallback = config.plans().get(config.defaultPlan());
        return fallback == null ? BUILT_IN : new Quota(config.defaultPlan(), fallback.limit(), fallback.window());
    }

    /** Whether a plan of this name is configured. */
    public boolean isPlan(String planName) {
        return config.plans().containsKey(planName);
    }

    public Set<String> planNames() {
        return new TreeSet<>(config.plans().keySet());
    }

    /** Whether counting has fallen back to memory because Redis failed (for tests and diagnostics). */
    public boolean isRedisDown() {
        return redisDown.get();
    }

    private RedisLeases leases() {
        RedisLeases store = leases;
        if (store == null) {
            synchronized (this) {
                if (leases == null) {
                    leases = new RedisLeases(
                            new RedisCounterStore(redisSource.get(), config.redisTimeout()),
                            clock::millis,
                            config.redisLeaseInterval().toMillis());
                }
                store = leases;
            }
        }
        return store;
    }

    private void redisFailed(Throwable failure) {
        redisRetryAt = clock.millis() + config.redisRetryInterval().toMillis();
        if (redisDown.compareAndSet(false, true)) {
            LOG.warnf(
                    "Redis is unavailable for rate limiting (%s); each gateway replica counts in memory until it is back. "
                            + "Retrying every %s.",
                    describe(failure), config.redisRetryInterval());
        }
    }

    private void redisUp() {
        if (redisDown.compareAndSet(true, false)) {
            LOG.info("Redis is available again; rate-limit counters are shared by all replicas again");
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
