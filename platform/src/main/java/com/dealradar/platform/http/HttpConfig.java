package com.dealradar.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code dealradar.http.*}: how this service is addressed from outside, and how long it waits for a request. */
@ConfigMapping(prefix = "dealradar.http")
public interface HttpConfig {

    /**
     * The public base URL (e.g. {@code https://api.dealradar.example}) that absolute Location headers start with.
     * Without it, Location headers are relative references ({@code /api/v1/companies/<id>}), never built from the
     * request's Host header, which any client can set.
     */
    Optional<String> publicUrl();

    /**
     * How long a request's line and headers may take to arrive once its first byte has (StrictHttp1): a client
     * that trickles them (the "slowloris" pattern) is disconnected then, instead of holding a connection for the
     * idle timeout (30 minutes) with a byte now and then. Idle keep-alive connections are not affected.
     */
    @WithDefault("10s")
    Duration requestHeaderTimeout();

    /**
     * How long a request's body may take to arrive once its headers have (StrictHttp1): then the answer is a 408
     * problem and the connection closes, so that a client trickling a body cannot hold a connection either. At the
     * body limit (256 KiB) the default asks for about 9 KiB/s; the services' bodies are a few KiB of JSON.
     */
    @WithDefault("30s")
    Duration requestBodyTimeout();

    /**
     * Whether a caller's {@code X-Request-Timeout-Ms} limits the work done for its request
     * ({@code CallerTimeout}): yes in the backends, whose callers are DealRadar's own services; no in the gateway,
     * whose callers are the public.
     */
    @WithDefault("true")
    boolean callerTimeouts();
}
