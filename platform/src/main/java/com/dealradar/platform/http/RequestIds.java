package com.dealradar.platform.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Accepts the caller's {@code X-Request-Id} when it is a sane token, otherwise generates one, before anything else
 * looks at the request: every answer carries it (also a refusal written before JAX-RS, from the framing checks to the
 * gateway's pass-through), the request's own header is set to it (what resources and the gateway pass to the
 * backends), and it is in the logging MDC, so that the access log and every log line of one request can be found
 * together. Problems put it in their {@code requestId}.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String PROPERTY = RequestIds.class.getName();
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        // Ahead of every other route, the framing checks (-3000) included: a refusal carries the id too.
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            of(ctx);
            ctx.next();
        });
    }

    /**
     * The request's id, assigned on first use: the caller's when sane, else a new one. Pins it as the request's
     * {@code X-Request-Id}, echoes it on whatever answer is written, and puts it in the MDC.
     */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(PROPERTY);
        if (id == null) {
            id = accept(ctx.request().getHeader(HEADER));
            ctx.put(PROPERTY, id);
            ctx.request().headers().set(HEADER, id);
            String echoed = id;
            // Set when the head is written, so that nothing that builds the answer afterwards can lose it.
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, echoed));
            MDC.put(MDC_KEY, id);
        }
        return id;
    }

    /**
     * JAX-RS may run on a worker thread: the id (already accepted and pinned as the request's header by the route
     * above) goes into that thread's MDC.
     */
    @ServerRequestFilter(preMatching = true, priority = 1)
    public void assign(ContainerRequestContext request) {
        MDC.put(MDC_KEY, of(request));
    }

    /** The caller's id when it is a sane token (1-128 of letters, digits and {@code ._:-}), else a new one. */
    public static String accept(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    /** The id the route above accepted or generated and pinned as the request's own header. */
    public static String of(ContainerRequestContext request) {
        return request.getHeaderString(HEADER);
    }
}
