package com.dealradar.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an over-sized declared body with a 413 problem before any of it is read. Bodies without a
 * Content-Length are still capped by the same {@code quarkus.http.limits.max-body-size} inside Vert.x.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final RawProblems problems;

    BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max,
            RawProblems problems) {
        this.maxBytes = max.asLongValue();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length)) {
                // The unread body would otherwise be taken for the next request: close (HTTP/1).
                problems.send(ctx, 413, detail(), true);
                return;
            }
            ctx.next();
        });
    }

    /** The largest request body accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The detail of every 413, declared or found while reading a chunked body. */
    public String detail() {
        return "The request body is larger than the limit of " + maxBytes + " bytes";
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
