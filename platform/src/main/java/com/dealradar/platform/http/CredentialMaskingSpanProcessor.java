package com.dealradar.platform.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Masks credentials sent in a URL (a calendar subscription's {@code ?token=}, a refused {@code ?api_key=}) in the
 * spans exported to the tracing backend, as the access log masks them ({@link HttpProtocolGuard}): the HTTP
 * instrumentation records the request's query and URL as they came, and traces are kept, sampled and shown to far
 * more people than the secret's owner. Quarkus registers every {@link SpanProcessor} bean with the tracer; the
 * attributes are rewritten when the span starts, which is when the instrumentation sets them, so that no exporter
 * ever sees the original.
 */
@ApplicationScoped
public class CredentialMaskingSpanProcessor implements SpanProcessor {

    /** Attributes that hold a query string without its {@code ?} (semantic conventions 1.2x). */
    private static final List<AttributeKey<String>> QUERIES = List.of(AttributeKey.stringKey("url.query"));
    /** Attributes that hold a URL or a request target (current and older semantic conventions). */
    private static final List<AttributeKey<String>> TARGETS = List.of(
            AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.url"),
            AttributeKey.stringKey("http.target"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        QUERIES.forEach(key -> rewrite(span, key, HttpProtocolGuard::maskedQuery));
        TARGETS.forEach(key -> rewrite(span, key, HttpProtocolGuard::masked));
    }

    private static void rewrite(ReadWriteSpan span, AttributeKey<String> key, UnaryOperator<String> masking) {
        String value = span.getAttribute(key);
        if (value != null) {
            String masked = masking.apply(value);
            if (!masked.equals(value)) {
                span.setAttribute(key, masked);
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
