package com.dealradar.gateway.api;

import com.dealradar.platform.http.RawProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Every public path is checked as the client sent it (raw, before any decoding, normalisation or matrix-parameter
 * stripping by the framework), before routing, authentication or any backend path is built from it: dot segments
 * (also {@code ..;} and {@code .;}), matrix parameters, encoded slashes and backslashes, blank segments and control
 * characters are a 400 problem (see {@link PublicPaths#refusedPath}). The resources check their ids again; this
 * is the one place that sees the path before Quarkus REST has taken {@code ;x=y} off a segment.
 */
@ApplicationScoped
public class PathGuard {

    private final RawProblems problems;

    PathGuard(RawProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        // After the framing checks (-3000) and the body limit (-1000), before the declared methods (-900).
        router.route().order(-950).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && (path.equals(PublicPaths.PREFIX) || path.startsWith(PublicPaths.PREFIX + "/"))) {
            Optional<String> refused = PublicPaths.refusedPath(path);
            if (refused.isPresent()) {
                problems.send(ctx, 400, "The path cannot be passed on: " + refused.get(), false);
                return;
            }
        }
        ctx.next();
    }
}
