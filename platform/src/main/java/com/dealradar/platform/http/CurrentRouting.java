package com.dealradar.platform.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The routing context of the HTTP request being served, for code that is not handed one (a cursor's filters, the
 * caller's remaining time). Null outside a request: a start-up task, background work, a unit test.
 */
public final class CurrentRouting {

    private CurrentRouting() {}

    public static RoutingContext orNull() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        InstanceHandle<CurrentVertxRequest> request = arc.instance(CurrentVertxRequest.class);
        return request.isAvailable() ? request.get().getCurrent() : null;
    }
}
