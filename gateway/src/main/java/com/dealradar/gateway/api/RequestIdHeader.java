package com.dealradar.gateway.api;

import com.dealradar.platform.http.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Makes the request id that {@link RequestIds} accepted or generated the request's own {@code X-Request-Id}
 * header, so that resources pass exactly that id to the backends (and backends log under the same id).
 */
public class RequestIdHeader {

    @ServerRequestFilter(preMatching = true, priority = 2)
    public void pin(ContainerRequestContext request) {
        String id = RequestIds.of(request);
        if (id != null) {
            request.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
