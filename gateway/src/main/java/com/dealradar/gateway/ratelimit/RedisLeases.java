package com.dealradar.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counts in Redis in leases, so that a busy caller does not cost a Redis round trip per request.
 *
 * <p>Every request still gets its own number in the window's one shared count (its ordinal), and is allowed only if
 * that number is within the limit, so no number of replicas ever admits more than the limit. What changes is when a
 * number is taken: a caller whose requests arrive faster than one per {@code interval} on this replica has this
 * replica take several numbers in one atomic INCRBY (a lease, doubling while the previous one lasted less than half
 * the interval, halving when it lasted more than twice, at most {@link #MAX_LEASE}) and hand them out locally. The
 * price: numbers a replica holds and does not use before the window ends are lost to every replica (a caller might be
 * refused slightly before the limit). So leases stay small against what is left: what a replica holds or has asked
 * for never exceeds 1/{@link #SHARE_OF_REMAINING} of the numbers still free when it asks, which keeps callers with a
 * limit under {@value #SHARE_OF_REMAINING} per window (and every caller near the end of its budget) at one number per
 * request, counted exactly as before. Once the shared count is past the limit, this replica refuses the caller's
 * further requests of the window without asking Redis.
 */
final class RedisLeases implements CounterStore {

    /** The largest lease: numbers taken in one round trip. */
    static final int MAX_LEASE = 64;

    /** A replica holds at most this fraction (1/n) of what is left of a caller's budget. */
    static final int SHARE_OF_REMAINING = 64;

    private static final int SWEEP_ABOVE = 10_000;

    private final RedisCounterStore redis;
    private final LongSupplier clock;
    private final long intervalMillis;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final LongAdder roundTrips = new LongAdder();

    RedisLeases(RedisCounterStore redis, LongSupplier clockMillis, long intervalMillis) {
        this.redis = redis;
        this.clock = clockMillis;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public Uni<Decision> hit(String key, Quota quota) {
        long now = clock.getAsLong();
        if (leases.size() > SWEEP_ABOVE) {
            leases.values().removeIf(lease -> lease.endedBy(now));
        }
        Lease lease = leases.computeIfAbsent(key, k -> new Lease());
        long size;
        synchronized (lease) {
            Decision local = lease.takeLocally(quota, now);
            if (local != null) {
                return Uni.createFrom().item(local);
            }
            size = lease.nextSize(quota, now, intervalMillis);
            lease.requested += size;
        }
        roundTrips.increment();
        return redis.add(key, quota, size)
                .onFailure()
                .invoke(failure -> {
                    synchronized (lease) {
                        lease.requested -= size;
                    }
                })
                .map(counted -> {
                    synchronized (lease) {
                        lease.requested -= size;
                        return lease.accept(quota, counted, size, now, clock.getAsLong());
                    }
                });
    }

    /** Loads the counting script into Redis and opens the first connection ({@link RedisCounterStore#warmUp}). */
    Uni<Void> warmUp() {
        return redis.warmUp();
    }

    /** Redis calls made so far (for tests and diagnostics). */
    long roundTrips() {
        return roundTrips.sum();
    }

    /** One caller's numbers on this replica, in the current window as this replica knows it. */
    private static final class Lease {
        /** Numbers taken and not yet handed out: pairs of first and last, in the order they came. */
        private final ArrayDeque<long[]> held = new ArrayDeque<>();

        private long heldCount;
        /** Numbers asked for and not yet answered. */
        private long requested;
        /** The highest number Redis has answered in this window: the shared count is at least this. */
        private long highest;
        /** When the window ends on this replica's clock (early rather than late: see {@link #accept}). */
        private long endsAt;

        private long size = 1;
        private long lastAskedAt;

        boolean endedBy(long now) {
            return endsAt <= now;
        }

        /** A held number, or the refusal once the shared count is past the limit; null when Redis must be asked. */
        Decision takeLocally(Quota quota, long now) {
            if (endsAt <= now) {
                forgetWindow();
                return null;
            }
            long[] range = held.peekFirst();
            if (range != null) {
                long ordinal = range[0]++;
                if (range[0] > range[1]) {
                    held.removeFirst();
                }
                heldCount--;
                return new Decision(quota, ordinal, endsAt - now);
            }
            return highest >= quota.limit() ? new Decision(quota, highest + 1, endsAt - now) : null;
        }

        /** The numbers of an ended window are worth nothing, and its count says nothing of the next. */
        private void forgetWindow() {
            held.clear();
            heldCount = 0;
            highest = 0;
        }

        long nextSize(Quota quota, long now, long intervalMillis) {
            long since = now - lastAskedAt;
            lastAskedAt = now;
            if (intervalMillis <= 0) {
                return 1;
            }
            if (since < intervalMillis / 2) {
                size = Math.min(size * 2, MAX_LEASE);
            } else if (since > intervalMillis * 2) {
                size = Math.max(1, size / 2);
            }
            long share = Math.max(0, quota.limit() - highest) / SHARE_OF_REMAINING - heldCount - requested;
            return Math.max(1, Math.min(size, share));
        }

        /**
         * Redis counted {@code size} numbers ending at {@code counted.count()}: this request takes the first, the rest
         * within the limit are held. The window's end is reckoned from when the request was sent, so this replica
         * never believes a window open after Redis has started the next one.
         */
        Decision accept(Quota quota, Decision counted, long size, long askedAt, long now) {
            long first = counted.count() - size + 1;
            long windowEnd = askedAt + counted.resetMillis();
            long halfWindow = quota.windowMillis() / 2;
            if (endsAt <= now || windowEnd > endsAt + halfWindow) {
                forgetWindow(); // a new window: what was held belongs to the last one
                endsAt = windowEnd;
            } else if (windowEnd < endsAt - halfWindow) {
                // The answer of a window this replica has already seen end: only this request's own number counts.
                return new Decision(quota, first, Math.max(0, windowEnd - now));
            }
            highest = Math.max(highest, counted.count());
            long lastAllowed = Math.min(counted.count(), quota.limit());
            if (first + 1 <= lastAllowed) {
                held.addLast(new long[] {first + 1, lastAllowed});
                heldCount += lastAllowed - first;
            }
            return new Decision(quota, first, Math.max(0, endsAt - now));
        }
    }
}
