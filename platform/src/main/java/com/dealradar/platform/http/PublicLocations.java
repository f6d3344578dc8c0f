package com.dealradar.platform.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * JAX-RS makes a relative Location absolute with the request's Host header, which the client chooses: a
 * Location pointing at the client's host of choice is an open redirect and a cache-poisoning aid. Every
 * Location is therefore rewritten to the configured public URL, or to a relative reference when none is set
 * (RFC 9110 allows it; clients resolve it against the URL they called).
 */
public class PublicLocations {

    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    private final HttpConfig config;

    PublicLocations(HttpConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void rewrite(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri;
        try {
            uri = location instanceof URI u ? u : URI.create(location.toString());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!uri.isAbsolute() || uri.getRawPath() == null) {
            return;
        }
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        response.getHeaders().putSingle(HttpHeaders.LOCATION, at(config, pathAndQuery));
    }

    /** The Location of a path (with its query): under the configured public URL, or the path itself. */
    public static String at(HttpConfig config, String pathAndQuery) {
        return at(config.publicUrl().orElse(null), pathAndQuery);
    }

    /**
     * A path (with its query) under {@code publicUrl}, or the path itself when null. Every trailing slash of the
     * base is dropped, so that a base configured with one or several gives the same URL as one without.
     */
    public static String at(String publicUrl, String pathAndQuery) {
        return publicUrl == null
                ? pathAndQuery
                : TRAILING_SLASHES.matcher(publicUrl).replaceAll("") + pathAndQuery;
    }
}
