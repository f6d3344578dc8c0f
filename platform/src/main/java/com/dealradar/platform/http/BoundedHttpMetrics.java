package com.dealradar.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Label values of the HTTP metrics come from a fixed set: a request with an invented method ({@code PTZZA})
 * is counted under {@code method="OTHER"} instead of creating a new time series per invention. Request paths
 * are already templated by Quarkus ({@code /companies/{id}}; unmatched ones become {@code NOT_FOUND}) and
 * capped by {@code quarkus.micrometer.binder.http-server.max-uri-tags}; refusals answered before any route
 * matched are labelled {@code /{refused}} (see {@link RawProblems#labelForMetrics}). Latencies are histograms with
 * fixed buckets ({@link #latencyBuckets}), so that percentiles can be computed across replicas.
 */
@Singleton
public class BoundedHttpMetrics {

    /** The timers whose latencies are kept as histograms: every service's requests, the gateway's backend calls. */
    static final Set<String> LATENCY_TIMERS = Set.of("http.server.requests", "dealradar.gateway.backend.calls");

    /** Bucket bounds from 5 ms to 10 s: twelve series per timer, where Micrometer's own percentile buckets are 70. */
    static final double[] LATENCY_BUCKETS_NANOS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
            .toArray();

    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    /** A '%' not followed by two hex digits: a path Vert.x refused before any route could name its template. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Produces
    @Singleton
    MeterFilter boundedMethods() {
        return MeterFilter.replaceTagValues("method", method -> METHODS.contains(method) ? method : "OTHER");
    }

    /**
     * Requests Vert.x refuses while parsing (bad percent-encoding) never reach a route, so their {@code uri} label
     * would be the raw path: one new time series per invented path. They share one label instead.
     */
    @Produces
    @Singleton
    MeterFilter boundedUnparsedPaths() {
        return MeterFilter.replaceTagValues(
                "uri", uri -> BAD_ESCAPE.matcher(uri).find() ? RawProblems.REFUSED_LABEL : uri);
    }

    /**
     * Without buckets a timer exports its count, sum and maximum only: no p95 or p99 across replicas, and no alert on
     * them.
     */
    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getType() == Meter.Type.TIMER && LATENCY_TIMERS.contains(id.getName())
                        ? DistributionStatisticConfig.builder()
                                .serviceLevelObjectives(LATENCY_BUCKETS_NANOS)
                                .build()
                                .merge(config)
                        : config;
            }
        };
    }
}
