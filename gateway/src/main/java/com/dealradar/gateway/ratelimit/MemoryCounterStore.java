package com.dealradar.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Counters of this replica only: the local run's store, and the fallback while Redis is unavailable. */
final class MemoryCounterStore implements CounterStore {

    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    MemoryCounterStore(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    @Override
    public Uni<Decision> hit(String key, Quota quota) {
        return Uni.createFrom().item(hitNow(key, quota));
    }

    Decision hitNow(String key, Quota quota) {
        long now = clock.getAsLong();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.endsAt <= now);
        }
        Window window = windows.compute(
                key,
                (k, current) -> current == null || current.endsAt <= now
                        ? new Window(now + quota.windowMillis(), 1)
                        : new Window(current.endsAt, current.count + 1));
        return new Decision(quota, window.count, window.endsAt - now);
    }

    private record Window(long endsAt, long count) {}
}
