package com.dealradar.gateway.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers differ by Origin (CORS allows some origins and not others), so every answer says so: without
 * {@code Vary: Origin} a shared cache could hand one origin's CORS answer to another.
 */
@ApplicationScoped
public class VaryOrigin {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> VaryHeader.add(ctx.response().headers(), "Origin"));
            ctx.next();
        });
    }
}
