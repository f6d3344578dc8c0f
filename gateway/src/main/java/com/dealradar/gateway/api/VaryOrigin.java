package com.dealradar.gateway.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers differ by Origin (CORS allows some origins and not others), so every answer says so: without
 * {@code Vary: Origin} a shared cache could hand one origin's CORS answer to another.
 */
@ApplicationScoped
public class VaryOrigin {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> add(ctx.response().headers(), "Origin"));
            ctx.next();
        });
    }

    /**
     * Adds {@code field} to the answer's {@code Vary}, kept as one header line (a backend's own Vary included) that
     * names each field once; {@code Vary: *} already covers every field.
     */
    static void add(MultiMap headers, String field) {
        List<String> names = new ArrayList<>();
        for (String vary : headers.getAll("Vary")) {
            for (String name : vary.split(",")) {
                String named = name.strip();
                if (named.equals("*")) {
                    return;
                }
                if (!named.isEmpty() && names.stream().noneMatch(named::equalsIgnoreCase)) {
                    names.add(named);
                }
            }
        }
        if (names.stream().noneMatch(field::equalsIgnoreCase)) {
            names.add(field);
        }
        headers.set("Vary", String.join(", ", names));
    }
}
