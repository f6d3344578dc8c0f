package com.dealradar.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Locale;

/**
 * A backend's answer, fully buffered (bodies are bounded by the gateway's body limit on the way in). The body stays
 * the Vert.x buffer it arrived in, so a pass-through answer is written to the client without being copied; {@code json}
 * is the body already parsed when the call expected JSON (composites), so it is parsed once.
 */
public record BackendResponse(int status, MultiMap headers, Buffer body, JsonNode json) {

    public String header(String name) {
        return headers.get(name);
    }

    /** The body's bytes (a copy; for the few answers that are rewritten, such as problem documents). */
    public byte[] bytes() {
        return body == null ? new byte[0] : body.getBytes();
    }

    public boolean hasBody() {
        return body != null && body.length() > 0;
    }

    public String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    public boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    public boolean isJson() {
        String type = contentType();
        return type.startsWith("application/json") || type.startsWith("application/problem+json");
    }
}
