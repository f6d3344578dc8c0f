package com.dealradar.platform.http;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Label values of the HTTP metrics come from a fixed set: a request with an invented method ({@code PTZZA})
 * is counted under {@code method="OTHER"} instead of creating a new time series per invention. Request paths
 * are already templated by Quarkus ({@code /companies/{id}}; unmatched ones become {@code NOT_FOUND}) and
 * capped by {@code quarkus.micrometer.binder.http-server.max-uri-tags}; refusals answered before any route
 * matched are labelled {@code /{refused}} (see {@link RawProblems#labelForMetrics}).
 */
@Singleton
public class BoundedHttpMetrics {

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
}
