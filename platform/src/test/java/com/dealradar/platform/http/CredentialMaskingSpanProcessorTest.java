package com.dealradar.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What an exporter receives of a span whose URL attributes carry a credential. */
class CredentialMaskingSpanProcessorTest {

    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");

    @Test
    void credentialsInTheUrlNeverReachTheExporter() {
        List<SpanData> exported = export(
                "token=drc_abcdefgh_SECRET1&region=GB",
                "https://gateway.example/api/v1/companies?q=zte&api_key=drk_abcdefgh_SECRET2");
        SpanData span = exported.getFirst();
        System.out.println("exported attributes: " + span.getAttributes());
        assertThat(span.getAttributes().get(QUERY)).isEqualTo("token=***&region=GB");
        assertThat(span.getAttributes().get(FULL))
                .isEqualTo("https://gateway.example/api/v1/companies?q=zte&api_key=***");
        assertThat(span.getAttributes().get(PATH)).isEqualTo("/api/v1/regulatory-matters/calendar.ics");
        assertThat(span.getAttributes().toString()).doesNotContain("SECRET");
    }

    /** A parameter's name is read percent-decoded, so it is masked so too (before: logged and exported whole). */
    @Test
    void aCredentialParameterWithAnEncodedNameIsMaskedToo() {
        SpanData span = export(
                        "%74oken=drc_abcdefgh_SECRET1&region=G%42",
                        "https://gateway.example/api/v1/companies?q=%7a&API%5FKEY=drk_abcdefgh_SECRET2")
                .getFirst();
        assertThat(span.getAttributes().get(QUERY)).isEqualTo("%74oken=***&region=G%42");
        assertThat(span.getAttributes().get(FULL))
                .isEqualTo("https://gateway.example/api/v1/companies?q=%7a&API%5FKEY=***");
        assertThat(span.getAttributes().toString()).doesNotContain("SECRET");
    }

    @Test
    void urlsWithoutCredentialsAreKeptAsTheyAre() {
        SpanData span = export("region=GB&deal=0190a3b2", "http://deal-service/api/v1/deals?limit=20")
                .getFirst();
        assertThat(span.getAttributes().get(QUERY)).isEqualTo("region=GB&deal=0190a3b2");
        assertThat(span.getAttributes().get(FULL)).isEqualTo("http://deal-service/api/v1/deals?limit=20");
    }

    /** One span with these attributes set as the HTTP instrumentation sets them: before the span starts. */
    private static List<SpanData> export(String query, String full) {
        List<SpanData> exported = new CopyOnWriteArrayList<>();
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(new CredentialMaskingSpanProcessor())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder("GET")
                    .setAttribute(PATH, "/api/v1/regulatory-matters/calendar.ics")
                    .setAttribute(QUERY, query)
                    .setAttribute(FULL, full)
                    .startSpan()
                    .end();
        }
        assertThat(exported).hasSize(1);
        return exported;
    }
}
