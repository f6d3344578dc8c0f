package com.dealradar.gateway.client;

import java.net.http.HttpHeaders;
import java.util.Locale;

/** A backend's answer, fully buffered (bodies are bounded by the gateway's body limit on the way in). */
public record BackendResponse(int status, HttpHeaders headers, byte[] body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
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
