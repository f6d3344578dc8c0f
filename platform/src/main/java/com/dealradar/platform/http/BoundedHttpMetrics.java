package com.dealradar.platform.http;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Label values of the HTTP metrics come from a fixed set: a request with an invented method ({@code PTZZA})
 * is counted under {@code method="OTHER"} instead of creating a new time series per invention. Request paths
 * are already templated by Quarkus ({@code /companies/{id}}; unmatched ones become {@code NOT_FOUND}) and
 * capped by {@code quarkus.micrometer.binder.http-server.max-uri-tags}.
 */
@Singleton
public class BoundedHttpMetrics {

    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    @Produces
    @Singleton
    MeterFilter boundedMethods() {
        return MeterFilter.replaceTagValues("method", method -> METHODS.contains(method) ? method : "OTHER");
    }
}
