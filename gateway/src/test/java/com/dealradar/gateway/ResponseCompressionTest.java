package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * gzip at the gateway, seen as raw bytes (the JDK client decodes nothing by itself): a client that accepts gzip gets
 * a compressed body that decodes to the backend's, an ETag of its own ({@code "7-gzip"}) that works in its
 * conditional requests, and {@code Vary: Accept-Encoding}; a client that does not gets the plain body and ETag.
 */
@QuarkusTest
class ResponseCompressionTest extends GatewayTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String COMPANY_PATH = "/companies/" + ALIBABA;

    @TestHTTPResource("/")
    URI root;

    /** A company as company-service answers it, long enough for compression to matter (about 4 KB). */
    private static final String COMPANY = "{\"id\":\"" + ALIBABA
            + "\",\"slug\":\"alibaba-group\",\"name\":\"Alibaba Group\"," + "\"country\":\"CN\",\"description\":\""
            + "Cloud, e-commerce and telecom services. ".repeat(100) + "\"}";

    @Test
    void aClientThatAcceptsGzipGetsItWithItsOwnETag() throws Exception {
        stubCompanyRead("application/json", "\"7\"", COMPANY.getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> gzipped = read(Map.of("Accept-Encoding", "gzip, deflate, br"));
        HttpResponse<byte[]> plain = read(Map.of());
        HttpResponse<byte[]> identity = read(Map.of("Accept-Encoding", "identity"));
        HttpResponse<byte[]> refused = read(Map.of("Accept-Encoding", "gzip;q=0, identity"));
        HttpResponse<byte[]> deflateOnly = read(Map.of("Accept-Encoding", "deflate"));
        System.out.printf(
                "company read: gzip %d bytes (%s, ETag %s), plain %d bytes (ETag %s): %.2f of the plain size;"
                        + " identity %d bytes, gzip;q=0 %d bytes, deflate only %d bytes%n",
                gzipped.body().length,
                gzipped.headers().firstValue("Content-Encoding").orElse("-"),
                gzipped.headers().firstValue("ETag").orElse("-"),
                plain.body().length,
                plain.headers().firstValue("ETag").orElse("-"),
                (double) gzipped.body().length / plain.body().length,
                identity.body().length,
                refused.body().length,
                deflateOnly.body().length);

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(COMPANY);
        assertThat(gzipped.body().length).isLessThan(COMPANY.length() / 4);
        assertThat(gzipped.headers().firstValue("ETag")).hasValue("\"7-gzip\"");
        // One Vary line naming both fields the answer depends on (CORS adds Origin).
        assertThat(gzipped.headers().allValues("Vary"))
                .singleElement()
                .satisfies(vary -> assertThat(vary).contains("Accept-Encoding", "Origin"));

        for (HttpResponse<byte[]> uncompressed : java.util.List.of(plain, identity, refused, deflateOnly)) {
            assertThat(uncompressed.statusCode()).isEqualTo(200);
            assertThat(uncompressed.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(uncompressed.body(), StandardCharsets.UTF_8)).isEqualTo(COMPANY);
            assertThat(uncompressed.headers().firstValue("ETag")).hasValue("\"7\"");
            assertThat(uncompressed.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        }
    }

    /** Whatever Accept-Encoding says, the ETag names the body sent: gzip tag with a gzip body, plain with plain. */
    @Test
    void theETagFollowsTheBodyForAnyAcceptEncoding() throws Exception {
        stubCompanyRead("application/json", "\"7\"", COMPANY.getBytes(StandardCharsets.UTF_8));
        String[] offers = {
            "*",
            "*;q=0",
            "GZIP",
            "x-gzip",
            "gzip;q=abc",
            "deflate;q=1, gzip;q=0.5",
            "gzip;q=0.5, deflate;q=0.4",
            "br",
            "br, *",
            "identity;q=0, *;q=0",
            ",,",
            "gzip;q=1.5",
            "gzip, gzip;q=0"
        };
        int gzipped = 0;
        StringBuilder seen = new StringBuilder();
        for (String offer : offers) {
            HttpResponse<byte[]> answer = read(Map.of("Accept-Encoding", offer));
            assertThat(answer.statusCode()).as(offer).isEqualTo(200);
            boolean gzip = answer.headers()
                    .firstValue("Content-Encoding")
                    .map("gzip"::equals)
                    .orElse(false);
            String body = gzip ? gunzip(answer.body()) : new String(answer.body(), StandardCharsets.UTF_8);
            assertThat(body).as(offer).isEqualTo(COMPANY);
            assertThat(answer.headers().firstValue("ETag")).as(offer).hasValue(gzip ? "\"7-gzip\"" : "\"7\"");
            gzipped += gzip ? 1 : 0;
            seen.append(String.format("%n  %-28s -> %s", offer, gzip ? "gzip" : "plain"));
        }
        System.out.printf("Accept-Encoding offers, %d of %d answered with gzip:%s%n", gzipped, offers.length, seen);
        assertThat(gzipped).as("some offers select gzip, some do not").isBetween(1, offers.length - 1);
    }

    /** What is not text the API compresses is passed on as it came, with its own ETag, to any client. */
    @Test
    void otherMediaTypesPassUnchanged() throws Exception {
        byte[] binary = new byte[2048];
        new java.util.Random(7).nextBytes(binary);
        stubCompanyRead("application/octet-stream", "\"9\"", binary);
        HttpResponse<byte[]> answer = read(Map.of("Accept-Encoding", "gzip"));
        System.out.printf(
                "application/octet-stream to a gzip client: %d, Content-Encoding %s, ETag %s, %d bytes%n",
                answer.statusCode(),
                answer.headers().firstValue("Content-Encoding").orElse("-"),
                answer.headers().firstValue("ETag").orElse("-"),
                answer.body().length);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"9\"");
        assertThat(answer.body()).isEqualTo(binary);
    }

    @Test
    void theGzipETagWorksInConditionalRequests() throws Exception {
        Backends.company()
                .stubFor(get(urlEqualTo(COMPANY_PATH))
                        .withHeader("If-None-Match", equalTo("\"7\""))
                        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"7\"")));
        Backends.company()
                .stubFor(patch(urlEqualTo(COMPANY_PATH))
                        .withHeader("If-Match", equalTo("\"7\""))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("ETag", "\"8\"")
                                .withBody(COMPANY)));

        HttpResponse<byte[]> unchanged = read(Map.of("Accept-Encoding", "gzip", "If-None-Match", "\"7-gzip\""));
        HttpResponse<byte[]> written = send(HttpRequest.newBuilder(URI.create(root + "api/v1" + COMPANY_PATH))
                .header("Authorization", KeycloakTokens.bearer("analyst"))
                .header("Accept-Encoding", "gzip")
                .header("If-Match", "\"7-gzip\"")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"headquartersCity\":\"Hangzhou\"}")));
        System.out.printf(
                "conditional with the gzip ETag: If-None-Match -> %d (ETag %s), If-Match -> %d (ETag %s)%n",
                unchanged.statusCode(),
                unchanged.headers().firstValue("ETag").orElse("-"),
                written.statusCode(),
                written.headers().firstValue("ETag").orElse("-"));

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("ETag")).hasValue("\"7-gzip\"");
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(written.headers().firstValue("ETag")).hasValue("\"8-gzip\"");
        assertThat(gunzip(written.body())).isEqualTo(COMPANY);
        // The backends never see the suffix: it is the gateway's, as the coding is.
        Backends.company()
                .verify(1, getRequestedFor(urlEqualTo(COMPANY_PATH)).withHeader("If-None-Match", equalTo("\"7\"")));
        Backends.company()
                .verify(1, patchRequestedFor(urlEqualTo(COMPANY_PATH)).withHeader("If-Match", equalTo("\"7\"")));
    }

    @Test
    void problemsAndTheGatewaysOwnAnswersAreCompressedToo() throws Exception {
        HttpResponse<byte[]> problem = send(HttpRequest.newBuilder(URI.create(root + "api/v1/no-such-resource"))
                .header("Authorization", KeycloakTokens.bearer("analyst"))
                .header("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> contract = send(HttpRequest.newBuilder(URI.create(root + "q/openapi?format=json"))
                .header("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> contractPlain = send(HttpRequest.newBuilder(URI.create(root + "q/openapi?format=json")));
        System.out.printf(
                "problem %d (%s); OpenAPI document %d bytes gzip against %d plain: %.2f%n",
                problem.statusCode(),
                problem.headers().firstValue("Content-Encoding").orElse("-"),
                contract.body().length,
                contractPlain.body().length,
                (double) contract.body().length / contractPlain.body().length);

        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(problem.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(problem.body())).contains("\"status\":404");

        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(contract.body())).isEqualTo(new String(contractPlain.body(), StandardCharsets.UTF_8));
        assertThat(contract.body().length).isLessThan(contractPlain.body().length / 4);
    }

    /** company-service answers a read of the company with this body, media type and ETag. */
    private static void stubCompanyRead(String contentType, String etag, byte[] body) {
        Backends.company()
                .stubFor(get(urlEqualTo(COMPANY_PATH))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", contentType)
                                .withHeader("ETag", etag)
                                .withBody(body)));
    }

    private HttpResponse<byte[]> read(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "api/v1" + COMPANY_PATH))
                .header("Authorization", KeycloakTokens.bearer("analyst"));
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
