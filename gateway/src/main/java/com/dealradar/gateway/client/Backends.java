package com.dealradar.gateway.client;

import com.dealradar.gateway.config.GatewayConfig;
import com.dealradar.gateway.security.InternalCaller;
import com.dealradar.gateway.security.InternalTokenIssuer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The backends and the route table: which backend serves which public resource. Also decides which request
 * headers travel to a backend and adds the W3C trace context of the current span, so that one trace spans
 * the gateway and the backends.
 */
@ApplicationScoped
public class Backends {

    public static final String COMPANY = "company-service";
    public static final String DEAL = "deal-service";
    public static final String REGION = "region-service";

    private static final String AUTHORIZATION = "Authorization";

    /**
     * Request headers passed on to backends (besides X-Request-Id, the trace context and the internal token,
     * set explicitly). The caller's own Authorization and X-API-Key stop here: backends only ever see the
     * gateway's internal token.
     */
    static final List<String> FORWARDED_REQUEST_HEADERS =
            List.of("Content-Type", "Accept", "Accept-Language", "If-Match", "If-None-Match", "Idempotency-Key");

    private final Map<String, BackendClient> clients = new TreeMap<>();
    private final Map<String, String> routes;
    private final List<String> internal;
    private final Instance<OpenTelemetry> telemetry;
    private final CurrentVertxRequest currentRequest;

    Backends(
            GatewayConfig config,
            ObjectMapper mapper,
            Instance<OpenTelemetry> telemetry,
            CurrentVertxRequest currentRequest,
            Vertx vertx,
            MeterRegistry meters) {
        this.telemetry = telemetry;
        this.currentRequest = currentRequest;
        config.backends()
                .forEach((name, backend) -> clients.put(name, new BackendClient(name, backend, vertx, mapper, meters)));
        this.routes = Map.copyOf(config.routes());
        this.internal = List.copyOf(config.internalResources());
        routes.forEach((resource, backend) -> {
            if (!clients.containsKey(backend)) {
                throw new IllegalStateException("dealradar.gateway.routes." + resource + " names backend '" + backend
                        + "', which has no dealradar.gateway.backends." + backend + ".url");
            }
        });
    }

    public BackendClient client(String name) {
        BackendClient client = clients.get(name);
        if (client == null) {
            throw new IllegalStateException("no backend " + name + " is configured");
        }
        return client;
    }

    public Map<String, BackendClient> all() {
        return clients;
    }

    /** The backend that serves a public resource (first path segment), if it is public. */
    public Optional<BackendClient> route(String resource) {
        if (internal.contains(resource)) {
            return Optional.empty();
        }
        return Optional.ofNullable(routes.get(resource)).map(this::client);
    }

    public boolean isPublicResource(String resource) {
        return routes.containsKey(resource) && !internal.contains(resource);
    }

    /**
     * Headers for a call to {@code backend} made on behalf of a client request: the forwarded ones, request id, trace
     * context and the caller's internal token for that backend.
     */
    public Map<String, List<String>> forwardHeaders(HttpHeaders incoming, String requestId, String backend) {
        InternalCaller caller = currentCaller();
        return forwardHeaders(incoming::getRequestHeader, requestId, caller == null ? null : caller.tokenFor(backend));
    }

    /** The same for a request served outside JAX-RS: the incoming headers by name, and the caller's internal token. */
    public Map<String, List<String>> forwardHeaders(
            Function<String, List<String>> incoming, String requestId, String internalToken) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : FORWARDED_REQUEST_HEADERS) {
            List<String> values = incoming.apply(name);
            if (values != null && !values.isEmpty()) {
                headers.put(name, new ArrayList<>(values));
            }
        }
        headers.putAll(internalHeaders(requestId, incoming));
        bearer(headers, internalToken);
        return headers;
    }

    /**
     * Headers for gateway-initiated reads (composites) on behalf of the current request's caller: JSON, request id,
     * trace context; each backend's internal token is added as its call leaves ({@link CallerHeaders#to}).
     */
    public CallerHeaders readHeaders(HttpHeaders incoming, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        for (String name : List.of("Accept-Language")) {
            String value = incoming.getHeaderString(name);
            if (value != null) {
                headers.put(name, List.of(value));
            }
        }
        headers.putAll(internalHeaders(requestId, incoming::getRequestHeader));
        return new CallerHeaders(Map.copyOf(headers), currentCaller());
    }

    /** Sets {@code headers}' Authorization to the internal {@code token}, when there is one. */
    static void bearer(Map<String, List<String>> headers, String token) {
        if (token != null) {
            headers.put(AUTHORIZATION, List.of("Bearer " + token));
        }
    }

    /** Whom the current JAX-RS request's backend calls act for, as the access rules found it, if anyone. */
    private InternalCaller currentCaller() {
        return currentRequest.getCurrent() == null
                ? null
                : currentRequest.getCurrent().get(InternalTokenIssuer.CONTEXT_KEY) instanceof InternalCaller caller
                        ? caller
                        : null;
    }

    private Map<String, List<String>> internalHeaders(String requestId, Function<String, List<String>> incoming) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (requestId != null) {
            headers.put("X-Request-Id", List.of(requestId));
        }
        Map<String, String> trace = new LinkedHashMap<>();
        if (telemetry.isResolvable()) {
            telemetry
                    .get()
                    .getPropagators()
                    .getTextMapPropagator()
                    .inject(Context.current(), trace, (carrier, key, value) -> carrier.put(key, value));
        }
        if (trace.isEmpty()) {
            // Tracing switched off here: still keep the caller's trace context going.
            for (String name : List.of("traceparent", "tracestate")) {
                List<String> values = incoming.apply(name);
                if (values != null && !values.isEmpty()) {
                    trace.put(name, values.getFirst());
                }
            }
        }
        trace.forEach((key, value) -> headers.put(key.toLowerCase(Locale.ROOT), List.of(value)));
        return headers;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(BackendClient::close);
    }
}
