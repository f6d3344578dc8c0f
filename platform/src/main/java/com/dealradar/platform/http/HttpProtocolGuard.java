package com.dealradar.platform.http;

import com.dealradar.platform.security.Actor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Requests that are malformed at the HTTP level are refused first, with a 4xx problem, one debug line and no
 * stack trace (a bad request must not be a cheap way to flood the log), before any other handler runs:
 * <ul>
 * <li>no {@code Host} header (HTTP/1.0 allows it; nothing here can build a URL without it): 400, connection closed;
 * more than one, or one that is not a host and port: 400 (RFC 9112 3.2 says a server must);</li>
 * <li>a request target that is not a path ({@code OPTIONS *}, {@code CONNECT host:443}; a full URL is read as its
 * path): 400;</li>
 * <li>both {@code Content-Length} and {@code Transfer-Encoding}, or a repeated {@code Content-Length} (ambiguous
 * framing, the request-smuggling pattern): 400, connection closed;</li>
 * <li>a {@code Transfer-Encoding} other than chunked: 400 (RFC 9112 6.1), connection closed;</li>
 * <li>bad percent-encoding in the path or query ({@code /%zz}, {@code ?q=%}): 400;</li>
 * <li>a compressed body ({@code Content-Encoding} other than identity; read as JSON it was "an illegal character"): 415
 * with {@code Accept-Encoding: identity} (RFC 9110 15.5.16), connection closed (the body is not read). A charset on a
 * JSON Content-Type is not checked: RFC 8259 defines none and says it has no effect, JSON is UTF-8;</li>
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
    /** RFC 9112's Host: an IP literal, or a registered name or IPv4 address (possibly empty), then an optional port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]*)?");
    /** The detail for asterisk-form ({@code OPTIONS *}) and authority-form ({@code CONNECT host:443}) targets. */
    private static final String NOT_A_PATH = "The request target must be a path starting with /";
    /**
     * Names of query parameters that carry a credential: their values never reach a log (a key sent in the URL is still
     * refused, but not logged).
     */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(?:api[_-]?key|apikey|key|access[_-]?token|token|secret|password|client[_-]?secret)");

    private final RawProblems problems;
    private final BodySizeLimit bodyLimit;
    private final StrictHttp1 strictHttp1;

    /** Whether a query parameter of this name carries a credential (its value is masked in the access log). */
    public static boolean secretParameter(String name) {
        return SECRET_NAME.matcher(name).matches();
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
            Optional<String> badHost = hostProblem(request);
            if (badHost.isPresent()) {
                // A missing Host closes the connection (as it did); several, or a malformed one, leave the framing
                // intact.
                refuse(ctx, 400, badHost.get(), request.getHeader(HttpHeaders.HOST) == null);
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
            String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
            if (coding != null && !coding.strip().equalsIgnoreCase("identity")) {
                ctx.response().putHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
                refuse(
                        ctx,
                        415,
                        "Send the body uncompressed: Content-Encoding " + printable(coding) + " is not accepted",
                        true);
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
                String path = ctx.request().path();
                if (path == null || !path.startsWith("/")) {
                    // The router finds no route for "*" or "host:443" and says 404; the request itself is the fault.
                    refuse(ctx, 400, NOT_A_PATH, false);
                    return;
                }
                String detail = switch (status) {
                    case 413 -> bodyLimit.detail();
                    case 414 -> "The request target is too long";
                    case 431 -> "The request headers are too large";
                    default -> hostProblem(ctx.request()).orElse("The request is malformed");
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

    /** What is wrong with the request's Host header (RFC 9112 3.2: none, several, or not a host), if anything. */
    static Optional<String> hostProblem(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return Optional.empty(); // :authority instead
        }
        List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
        if (hosts.isEmpty()) {
            return Optional.of("A Host header is required");
        }
        if (hosts.size() > 1) {
            return Optional.of("Send one Host header, not " + hosts.size());
        }
        if (!HOST.matcher(hosts.getFirst()).matches()) {
            return Optional.of("The Host header must be a host name or address, with an optional port");
        }
        return Optional.empty();
    }

    /** A header value as a detail may quote it: printable ASCII, at most 40 characters. */
    private static String printable(String value) {
        String shown = value.strip().chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? value.strip() : "(not ASCII)";
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }

    static String masked(String uri) {
        if (uri == null) {
            return "-";
        }
        int q = uri.indexOf('?');
        if (q < 0) {
            return uri;
        }
        return uri.substring(0, q + 1) + maskedQuery(uri.substring(q + 1));
    }

    /**
     * A query string (without its {@code ?}) with the values of credential parameters masked. Names are compared
     * percent-decoded, as the parameters are read ({@code %74oken=} is the {@code token} parameter).
     */
    static String maskedQuery(String query) {
        String[] parameters = query.split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            int equals = parameters[i].indexOf('=');
            if (equals > 0 && secretParameter(decoded(parameters[i].substring(0, equals)))) {
                parameters[i] = parameters[i].substring(0, equals + 1) + "***";
            }
        }
        return String.join("&", parameters);
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            // Refused with a 400 anyway (BAD_ESCAPE); logged as written.
            return name;
        }
    }
}
