package com.dealradar.gateway.client;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/**
 * One call to a backend: method, backend path with its raw query, the headers to send and an optional body (a Vert.x buffer: passed on without a copy).
 * {@code idempotent} calls (GET, HEAD) may be retried; others never are, whatever their Idempotency-Key says:
 * the client that sent the key decides to retry, not the gateway.
 */
public record BackendRequest(
        String method, String pathAndQuery, Map<String, List<String>> headers, Buffer body, boolean expectJson) {

    public boolean idempotent() {
        return method.equals("GET") || method.equals("HEAD");
    }

    public static BackendRequest get(String pathAndQuery, Map<String, List<String>> headers) {
        return new BackendRequest("GET", pathAndQuery, headers, null, true);
    }
}
