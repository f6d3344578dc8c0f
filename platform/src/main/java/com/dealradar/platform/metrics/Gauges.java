package com.dealradar.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Registers a gauge that reads {@code source}, replacing one of the same name and tags registered before. Micrometer
 * hands back an existing gauge instead of registering a new one, and a gauge holds its source weakly: one registered by
 * an earlier application in the same JVM (the module tests start several) kept reading that application's stale
 * object, or nothing.
 */
public final class Gauges {

    private Gauges() {}

    public static <T> void replace(
            MeterRegistry meters,
            String name,
            Tags tags,
            String baseUnit,
            String description,
            T source,
            ToDoubleFunction<T> value) {
        meters.find(name).tags(tags).meters().forEach(meters::remove);
        Gauge.builder(name, source, value)
                .tags(tags)
                .baseUnit(baseUnit)
                .description(description)
                .strongReference(true)
                .register(meters);
    }
}
