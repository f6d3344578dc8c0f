package com.dealradar.platform.http;

import com.dealradar.platform.security.Actor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Requests that are malformed at the HTTP level are refused first, with a 4xx problem, one debug line and no
 * stack trace (a bad request must not be a cheap way to flood the log), before any other handler runs:
 * <ul>
 * <li>no {@code Host} header (HTTP/1.0 allows it; nothing here can build a URL without it): 400, connection closed;</li>
 * <li>both {@code Content-Length} and {@code Transfer-Encoding}, or a repeated {@code Content-Length} (ambiguous
 * framing, the request-smuggling pattern): 400, connection closed;</li>
 * <li>a {@code Transfer-Encoding} other than chunked: 400 (RFC 9112 6.1), connection closed;</li>
 * <li>bad percent-encoding in the path or query ({@code /%zz}, {@code ?q=%}): 400;</li>
 * <li>failures Vert.x reports without a body (bodies over the limit while reading, 414, 431): the same status as a problem.</li>
 * </ul>
 * Also fills the access log's {@code %{d,dealradar.target}} (path and query with credentials masked) and
 * {@code %{d,dealradar.actor}} (set by the access rules once the caller is known).
 */
@ApplicationScoped
public class HttpProtocolGuard {

    private static final Logger LOG = Logger.getLogger(HttpProtocolGuard.class);
    /** Access-log field: the request target with secrets masked. */
    public static final String TARGET_KEY = "dealradar.target";

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    /** Names of query parameters that carry a credential. */
    private static final String SECRET_NAME =
            "(?:api[_-]?key|apikey|key|access[_-]?token|token|secret|password|client[_-]?secret)";
    /** Query parameters whose values never reach a log (a key sent in the URL is still refused, but not logged). */
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)(^|&)(" + SECRET_NAME + "=)[^&]*");

    private static final Pattern SECRET_NAME_ONLY = Pattern.compile("(?i)" + SECRET_NAME);

    private final RawProblems problems;
    private final BodySizeLimit bodyLimit;
    private final StrictHttp1 strictHttp1;

    /** Whether a query parameter of this name carries a credential (its value is masked in the access log). */
    public static boolean secretParameter(String name) {
        return SECRET_NAME_ONLY.matcher(name).matches();
    }

    HttpProtocolGuard(RawProblems problems, BodySizeLimit bodyLimit, StrictHttp1 strictHttp1) {
        this.problems = problems;
        this.bodyLimit = bodyLimit;
        this.strictHttp1 = strictHttp1;
    }

    void install(@Observes Router router) {
        router.route().order(-3000).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            String uri = request.uri();
            ctx.put(TARGET_KEY, masked(uri));
            ctx.put(Actor.LOG_KEY, "-");
            if (request.version() != HttpVersion.HTTP_2 && request.getHeader(HttpHeaders.HOST) == null) {
                refuse(ctx, 400, "A Host header is required", true);
                return;
            }
            int lengths = request.headers().getAll(HttpHeaders.CONTENT_LENGTH).size();
            String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
            if (encoding != null && lengths > 0 || lengths > 1) {
                refuse(ctx, 400, "Send either Content-Length or Transfer-Encoding, once", true);
                return;
            }
            if (encoding != null
                    && (!encoding.strip().equalsIgnoreCase("chunked")
                            || request.headers()
                                            .getAll(HttpHeaders.TRANSFER_ENCODING)
                                            .size()
                                    > 1)) {
                refuse(ctx, 400, "The only Transfer-Encoding accepted is chunked", true);
                return;
            }
            if (uri != null && BAD_ESCAPE.matcher(uri).find()) {
                refuse(ctx, 400, "The request target has a '%' that is not followed by two hex digits", false);
                return;
            }
            strictHttp1.routing(ctx);
            ctx.next();
        });
        // Failures raised by Vert.x or Quarkus themselves (e.g. a chunked body found over the limit while it is
        // read) carry only a status; give them the problem body every other answer has.
        router.route().order(-3000).failureHandler(ctx -> {
            if (ctx.response().ended()
                    && (ctx.response().getStatusCode() == 413 || ctx.response().getStatusCode() == 408)) {
                // Answered 413 while a chunked body streamed in, or 408 when a body was late; then the reading side
                // fails too. The client has its answer; logging this as a server error would turn every refused body
                // into a stack trace.
                LOG.debugf(
                        "Request body refused, already answered %d: %s",
                        ctx.response().getStatusCode(), ctx.failure());
                return;
            }
            int status = ctx.statusCode();
            if (status >= 400 && status < 500 && !ctx.response().headWritten()) {
                String detail = switch (status) {
                    case 413 -> bodyLimit.detail();
                    case 414 -> "The request target is too long";
                    case 431 -> "The request headers are too large";
                    default ->
                        ctx.request().getHeader(HttpHeaders.HOST) == null
                                ? "A Host header is required"
                                : "The request is malformed";
                };
                refuse(ctx, status, detail, status == 413);
                return;
            }
            ctx.next();
        });
    }

    private void refuse(RoutingContext ctx, int status, String detail, boolean close) {
        LOG.debugf("Refused a malformed request with %d: %s", status, detail);
        problems.send(ctx, status, detail, close);
    }

    static String masked(String uri) {
        if (uri == null) {
            return "-";
        }
        int q = uri.indexOf('?');
        if (q < 0) {
            return uri;
        }
        return uri.substring(0, q + 1)
                + SECRET_PARAM.matcher(uri.substring(q + 1)).replaceAll("$1$2***");
    }
}
