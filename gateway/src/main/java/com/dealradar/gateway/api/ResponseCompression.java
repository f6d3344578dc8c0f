package com.dealradar.gateway.api;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * gzip for the clients that accept it: every JSON, problem, calendar and OpenAPI answer of the gateway, whichever
 * route gives it (forwarded, composite, the gateway's own), is compressed by Vert.x's Netty compressor
 * ({@code quarkus.http.enable-compression}, gzip only) when the request's {@code Accept-Encoding} selects gzip; other
 * answers stay as they are ({@code Content-Encoding: identity}, which is how Quarkus keeps Netty from compressing).
 *
 * <p>A gzip body is another representation of the resource (RFC 9110 8.8.3), so its strong ETag cannot be the one of
 * the plain body: it gets the suffix {@value #SUFFIX} inside the quotes ({@code "7"} becomes {@code "7-gzip"}), as
 * Apache's mod_deflate does. The suffix comes off every entity tag of {@code If-Match} and {@code If-None-Match}
 * before any route reads them, so a tag a client got with gzip works in its conditional requests (and reaches the
 * backends) as the plain one does: a conditional write never fails because the read before it was compressed. Each
 * compressible answer says {@code Vary: Accept-Encoding}, so that a shared cache keeps the two apart.
 */
@ApplicationScoped
public class ResponseCompression {

    /** What a gzip representation's entity tag ends with, inside its quotes. */
    static final String SUFFIX = "-gzip";

    /** Media types worth compressing: text the API answers with (images and archives are compressed already). */
    static final Set<String> COMPRESSIBLE = Set.of(
            "application/json",
            "application/problem+json",
            "text/calendar",
            "application/yaml",
            "application/vnd.oai.openapi",
            "application/vnd.oai.openapi+json");

    private static final Pattern SUFFIXED_TAG = Pattern.compile(Pattern.quote(SUFFIX) + "\"");
    private static final List<String> CONDITIONS = List.of("If-Match", "If-None-Match");
    private static final NettyChoice NETTY = new NettyChoice();

    void install(@Observes Router router) {
        // First of all routes: the conditions must be plain before the path guard, the pass-through or a resource
        // reads them.
        router.route().order(Integer.MIN_VALUE + 90).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        for (String name : CONDITIONS) {
            List<String> values = request.headers().getAll(name);
            if (values.stream().anyMatch(v -> v.contains(SUFFIX))) {
                request.headers().remove(name);
                values.forEach(
                        v -> request.headers().add(name, SUFFIXED_TAG.matcher(v).replaceAll("\"")));
            }
        }
        // Netty compresses nothing for HTTP/1.0 (no chunked coding to send it with).
        boolean gzip = request.version() != HttpVersion.HTTP_1_0 && selectsGzip(request.getHeader("Accept-Encoding"));
        ctx.addHeadersEndHandler(v -> answer(ctx, gzip));
        ctx.next();
    }

    private static void answer(RoutingContext ctx, boolean gzip) {
        MultiMap headers = ctx.response().headers();
        int status = ctx.response().getStatusCode();
        boolean unchanged = status == 304;
        if (!unchanged && !compressible(headers.get("Content-Type"))) {
            return;
        }
        VaryHeader.add(headers, "Accept-Encoding");
        if (!gzip) {
            return;
        }
        String encoding = headers.get("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            return; // already encoded by whoever wrote it: nothing to add
        }
        String tag = headers.get("ETag");
        if (tag != null && tag.endsWith("\"") && !tag.endsWith(SUFFIX + "\"")) {
            headers.set("ETag", tag.substring(0, tag.length() - 1) + SUFFIX + "\"");
        }
        if (unchanged || status < 200 || status == 204) {
            return;
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            // Netty sends no body, so compresses none: the headers say what a GET would get.
            headers.set("Content-Encoding", "gzip");
            headers.remove("Content-Length");
        } else {
            headers.remove("Content-Encoding"); // Netty's compressor encodes what has none
        }
    }

    /** Whether Netty's compressor, as configured (gzip only), picks gzip for this {@code Accept-Encoding}. */
    static boolean selectsGzip(String acceptEncoding) {
        return acceptEncoding != null && "gzip".equals(NETTY.choose(acceptEncoding));
    }

    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
        return COMPRESSIBLE.contains(type);
    }

    /**
     * Netty's own choice of coding, from the same code the server's compressor runs: its reading of q-values and
     * of {@code *} is the one that decides whether the body is gzip, so the ETag follows the body exactly.
     */
    private static final class NettyChoice extends HttpContentCompressor {

        NettyChoice() {
            super(0, StandardCompressionOptions.gzip());
        }

        String choose(String acceptEncoding) {
            return determineEncoding(acceptEncoding);
        }
    }
}
