package com.dealradar.platform.http;

import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * Problem answers written straight to Vert.x, for requests refused before they reach JAX-RS (framing, limits,
 * malformed request targets). They look exactly like the problems of the resources.
 */
@ApplicationScoped
public class RawProblems {

    /** Where Quarkus' HTTP metrics read the matched path template from (the request's Vert.x context). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** The {@code uri} label of every refusal that names no template of its own. */
    static final String REFUSED_LABEL = "/{refused}";

    private final ObjectMapper mapper;

    RawProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Ends the exchange with a problem; {@code close} also closes an HTTP/1 connection (framing is in doubt). */
    public void send(RoutingContext ctx, int status, String detail, boolean close) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            if (close) {
                ctx.request().connection().close();
            }
            return;
        }
        if (metricsLabel(ctx) == null) {
            labelForMetrics(ctx, REFUSED_LABEL);
        }
        boolean closeHttp1 = close && ctx.request().version() != HttpVersion.HTTP_2;
        if (closeHttp1) {
            // HTTP/2 forbids the header; its streams are framed, nothing to resynchronise.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        Future<Void> written = write(response, problem(status, detail, safePath(ctx), RequestIds.of(ctx)), Map.of());
        if (closeHttp1) {
            // Vert.x keeps a connection open whatever Connection header the answer has (it goes by the request's),
            // and would read the refused body to its end; the close lingers until the answer is read (StrictHttp1).
            written.onComplete(done -> ctx.request().connection().close());
        }
    }

    /** Writes a problem as the whole answer: its status, the problem media type, extra headers, the JSON body. */
    public Future<Void> write(HttpServerResponse response, Problem problem, Map<String, String> headers) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        return response.end(Buffer.buffer(body));
    }

    /**
     * The {@code uri} label of the HTTP metrics for an answer sent before any resource matched: a path template
     * instead of the request path, so that invented paths and ids never become label values (time series). The
     * same request-context entry Quarkus REST sets for the resources' templates.
     */
    public static void labelForMetrics(RoutingContext ctx, String template) {
        if (ctx.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    private static Object metricsLabel(RoutingContext ctx) {
        return ctx.request() instanceof HttpServerRequestInternal request
                ? request.context().getLocal(URL_PATH_TEMPLATE)
                : null;
    }

    public String body(int status, String detail, String path, String requestId) {
        try {
            return mapper.writeValueAsString(problem(status, detail, path, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Problem problem(int status, String detail, String path, String requestId) {
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == status)
                .findFirst()
                .orElse(null);
        return type == null
                ? new Problem(
                        URI.create(Problem.TYPE_BASE + "bad-request"),
                        "Bad request",
                        status,
                        detail,
                        path,
                        requestId,
                        null)
                : new Problem(type.uri(), type.title(), status, detail, path, requestId, null);
    }

    /** The request path only when it is printable ASCII, so that a problem never echoes raw garbage. */
    private static String safePath(RoutingContext ctx) {
        String path;
        try {
            path = ctx.request().path();
        } catch (RuntimeException e) {
            return null;
        }
        if (path == null || path.length() > 2048 || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return null;
        }
        return path;
    }
}
