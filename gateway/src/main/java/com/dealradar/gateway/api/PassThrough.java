package com.dealradar.gateway.api;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.gateway.client.BackendRequest;
import com.dealradar.gateway.client.BackendResponse;
import com.dealradar.gateway.client.Backends;
import com.dealradar.gateway.contract.DeclaredOperations;
import com.dealradar.gateway.ratelimit.FailureLimiter;
import com.dealradar.gateway.ratelimit.RateLimitFilter;
import com.dealradar.gateway.security.GatewayAccessRules;
import com.dealradar.gateway.security.InternalCaller;
import com.dealradar.platform.http.BodySizeLimit;
import com.dealradar.platform.http.HttpConfig;
import com.dealradar.platform.http.MediaTypeHeaders;
import com.dealradar.platform.http.PublicLocations;
import com.dealradar.platform.http.RawProblems;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemMappers;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.security.AccessConfig;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The pass-through part of the public API: {@code /api/v1/<resource>/...} goes to the backend that owns
 * {@code <resource>} with method, path, query, body and the relevant headers; the answer comes back with its status,
 * body, ETag, Location and Link (the last two rewritten to public paths). Documented in the contract from the
 * backends' own OpenAPI documents.
 *
 * <p>Served as a plain Vert.x route, not a JAX-RS resource: every request of a partner or a frontend passes here, and
 * the RESTEasy handler chain, its CDI request context and its filters cost the gateway more CPU per forwarded read
 * than the backend spends answering it (bench/MEASUREMENTS.md, "The gateway's cost per read"). The checks are the
 * same as for the gateway's own operations, from the same code: request id, media-type headers, the refusal budget
 * ({@link FailureLimiter}), the access rules ({@link GatewayAccessRules}), the rate limit ({@link RateLimitFilter}),
 * problem answers. Paths that a JAX-RS resource of the gateway serves (composites, the calendar) are left to it, as
 * are resources no backend owns.
 */
@ApplicationScoped
public class PassThrough {

    private static final Logger LOG = Logger.getLogger(PassThrough.class);

    /** Response headers of a backend that the client gets too. */
    static final List<String> RETURNED_HEADERS = List.of(
            "ETag",
            "Link",
            "Retry-After",
            "Idempotent-Replayed",
            "Cache-Control",
            "Last-Modified",
            "Vary",
            "WWW-Authenticate",
            "Allow",
            "Content-Language",
            "RateLimit",
            "RateLimit-Policy",
            "Deprecation",
            "Sunset");

    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (ctx, failure) -> {};

    private final Backends backends;
    private final PublicPaths paths;
    private final DeclaredOperations declared;
    private final GatewayAccessRules access;
    private final RateLimitFilter limits;
    private final FailureLimiter failures;
    private final AccessConfig accessConfig;
    private final HttpConfig http;
    private final BodySizeLimit bodyLimit;
    private final RawProblems problems;
    /** Paths under /api/v1 that a JAX-RS resource of the gateway serves (read from the resources at start). */
    private List<Pattern> ownPaths;

    PassThrough(
            Backends backends,
            PublicPaths paths,
            DeclaredOperations declared,
            GatewayAccessRules access,
            RateLimitFilter limits,
            FailureLimiter failures,
            AccessConfig accessConfig,
            HttpConfig http,
            BodySizeLimit bodyLimit,
            RawProblems problems) {
        this.backends = backends;
        this.paths = paths;
        this.declared = declared;
        this.access = access;
        this.limits = limits;
        this.failures = failures;
        this.accessConfig = accessConfig;
        this.http = http;
        this.bodyLimit = bodyLimit;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        ownPaths = ownPaths();
        // After the framing, body-size, path and method checks (-3000 to -900), CORS and authentication (lazy: only the
        // deferred identity is set up), before the JAX-RS resources (ROUTE_ORDER_DEFAULT).
        router.route(PublicPaths.PREFIX + "/*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String instance = request.path();
        String resource = resourceOf(instance);
        Optional<BackendClient> backend = resource == null ? Optional.empty() : backends.route(resource);
        if (backend.isEmpty()
                || ownPaths.stream().anyMatch(p -> p.matcher(instance).matches())) {
            ctx.next();
            return;
        }
        Exchange exchange = new Exchange(ctx, backend.get(), instance, RequestIds.of(ctx));
        try {
            exchange.start();
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
    }

    /** {@code companies} of {@code /api/v1/companies/...}, or null. */
    private static String resourceOf(String path) {
        if (path == null || !path.startsWith(PublicPaths.PREFIX + "/")) {
            return null;
        }
        int start = PublicPaths.PREFIX.length() + 1;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    /** One request on its way through: everything runs on the request's own Vert.x context. */
    private final class Exchange {

        private final RoutingContext ctx;
        private final BackendClient backend;
        private final String instance;
        private final String requestId;
        private final String method;
        private final Context context = Vertx.currentContext();
        private boolean closeAfterAnswer;

        Exchange(RoutingContext ctx, BackendClient backend, String instance, String requestId) {
            this.ctx = ctx;
            this.backend = backend;
            this.instance = instance;
            this.requestId = requestId;
            this.method = ctx.request().method().name();
        }

        void start() {
            HttpServerRequest request = ctx.request();
            Optional<DeclaredOperations.Allowed> allowed = declared.allowed(ctx);
            RawProblems.labelForMetrics(
                    ctx,
                    allowed.map(DeclaredOperations.Allowed::template)
                            .orElse(PublicPaths.PREFIX + "/" + resourceOf(instance) + "/{undeclared}"));
            if (request.method() == HttpMethod.OPTIONS) {
                options(allowed);
                return;
            }
            Optional<FieldViolation> badHeader = MediaTypeHeaders.invalid(request.headers()::getAll);
            if (badHeader.isPresent()) {
                send(MediaTypeHeaders.problem(badHeader.get()), Map.of());
                return;
            }
            if (failures.applies(instance)) {
                Optional<ProblemException> blocked = failures.blocked(ctx);
                if (blocked.isPresent()) {
                    fail(blocked.get());
                    return;
                }
            }
            // A failed authentication is answered here (a problem), not by Quarkus' own failure handler, which would
            // answer it a second time.
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
            Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (identity == null) {
                identity = Uni.createFrom().nullItem();
            }
            identity.subscribe().with(caller -> here(() -> authorized(caller)), failure -> here(() -> fail(failure)));
        }

        private void authorized(SecurityIdentity caller) {
            InternalCaller internal = access.authorize(caller, method, instance, ctx);
            if (!limits.applies(instance)) {
                readBody(body -> forward(internal, body));
                return;
            }
            limits.decide(caller)
                    .subscribe()
                    .with(
                            decision -> here(() -> {
                                if (decision != null) {
                                    ctx.response()
                                            .putHeader(RateLimitFilter.POLICY_HEADER, decision.policyHeader())
                                            .putHeader(RateLimitFilter.LIMIT_HEADER, decision.limitHeader());
                                    if (!decision.allowed()) {
                                        fail(RateLimitFilter.exceeded(decision));
                                        return;
                                    }
                                }
                                readBody(body -> forward(internal, body));
                            }),
                            failure -> here(() -> fail(failure)));
        }

        /** The request body (bounded by the body limit: a chunked body has no Content-Length checked before). */
        private void readBody(Consumer<Buffer> then) {
            HttpServerRequest request = ctx.request();
            if (request.isEnded()) {
                then.accept(null);
                return;
            }
            Buffer body = Buffer.buffer();
            request.handler(chunk -> {
                if (body.length() + chunk.length() > bodyLimit.maxBytes()) {
                    request.handler(null);
                    if (!ctx.response().ended()) {
                        // The rest of the body would be taken for the next request: the connection ends with the
                        // answer.
                        closeAfterAnswer = true;
                        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                        send(
                                ProblemMappers.problem(ProblemType.PAYLOAD_TOO_LARGE, bodyLimit.detail(), List.of()),
                                Map.of());
                    }
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(error -> {
                LOG.debugf("Request body of %s %s not read: %s", method, instance, error.getMessage());
                if (!ctx.response().ended()) {
                    send(
                            ProblemMappers.problem(
                                    ProblemType.BAD_REQUEST, "The request body could not be read", List.of()),
                            Map.of());
                }
            });
            request.endHandler(end -> {
                if (!ctx.response().ended()) {
                    here(() -> then.accept(body.length() == 0 ? null : body));
                }
            });
            request.resume();
        }

        private void forward(InternalCaller internal, Buffer body) {
            String query = ctx.request().query();
            BackendRequest call = new BackendRequest(
                    method,
                    instance.substring(PublicPaths.PREFIX.length()) + (query == null ? "" : "?" + query),
                    backends.forwardHeaders(
                            ctx.request().headers()::getAll, requestId, internal.tokenFor(backend.name())),
                    body,
                    false);
            backend.send(call)
                    .whenComplete((response, error) -> here(() -> {
                        if (error == null) {
                            relay(response);
                            return;
                        }
                        BackendFailure failure = error instanceof BackendFailure f
                                ? f
                                : error.getCause() instanceof BackendFailure f2 ? f2 : null;
                        if (failure == null) {
                            fail(error);
                        } else if (failure.kind() == BackendFailure.Kind.SERVER_ERROR
                                && failure.response() != null
                                && failure.response().isProblem()) {
                            relay(failure.response());
                        } else {
                            GatewayProblems.Answer answer =
                                    GatewayProblems.failure(failure, backend, instance, requestId, call.idempotent());
                            send(
                                    answer.problem(),
                                    answer.retryAfter() == null
                                            ? Map.of()
                                            : Map.of("Retry-After", answer.retryAfter()));
                        }
                    }));
        }

        private void relay(BackendResponse response) {
            HttpServerResponse out = ctx.response();
            out.setStatusCode(response.status());
            for (String name : RETURNED_HEADERS) {
                List<String> values = response.headers().getAll(name);
                boolean gatewayOwn =
                        name.equals(RateLimitFilter.LIMIT_HEADER) || name.equals(RateLimitFilter.POLICY_HEADER);
                // The gateway's own rate-limit headers win over a backend's.
                if (!values.isEmpty() && !(gatewayOwn && out.headers().contains(name))) {
                    out.headers().remove(name);
                    for (String value : values) {
                        out.headers().add(name, name.equals("Link") ? paths.link(value) : value);
                    }
                }
            }
            String location = response.header("Location");
            if (location != null) {
                out.putHeader(HttpHeaders.LOCATION, PublicLocations.at(http, paths.publicPath(location)));
            }
            Buffer body = null;
            String type = response.header("Content-Type");
            if (method.equals("HEAD")) {
                if (type != null) {
                    out.putHeader(HttpHeaders.CONTENT_TYPE, type); // what a GET would carry
                }
            } else if (response.hasBody() && response.status() != 304 && response.status() != 204) {
                out.putHeader(HttpHeaders.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
                // The backend's buffer goes out as it came in; only problem documents are rewritten (public instance).
                body = response.isProblem() ? Buffer.buffer(paths.problem(response.bytes())) : response.body();
            }
            Buffer answer = body;
            finish(response.status(), () -> {
                if (answer == null) {
                    out.end();
                } else {
                    out.end(answer);
                }
            });
        }

        /** OPTIONS on a path of the contract: the methods it declares; CORS preflights were answered before. */
        private void options(Optional<DeclaredOperations.Allowed> allowed) {
            if (allowed.isEmpty()) {
                send(notFound(), Map.of());
                return;
            }
            List<String> methods = new ArrayList<>(allowed.get().methods());
            if (methods.contains("GET") && !methods.contains("HEAD")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            ctx.response()
                    .setStatusCode(204)
                    .putHeader("Allow", String.join(", ", methods))
                    .end();
        }

        private Problem notFound() {
            return ProblemMappers.problem(ProblemType.NOT_FOUND, "No resource at " + instance, List.of());
        }

        /** Any failure on the way: refusals and problems as what they are, anything else a 500 that says nothing. */
        void fail(Throwable error) {
            Optional<Problem> refusal = ProblemMappers.refusal(error);
            if (refusal.isPresent()) {
                send(
                        refusal.get(),
                        refusal.get().status() == 401
                                ? Map.of("WWW-Authenticate", accessConfig.challenge())
                                : Map.of());
            } else if (error instanceof ProblemException problem) {
                send(problem.toProblem(), problem.headers());
            } else {
                LOG.errorf(error, "Unexpected failure of %s %s", method, instance);
                send(
                        ProblemMappers.problem(
                                ProblemType.INTERNAL,
                                "Something went wrong on our side; quote the request id when you report it",
                                List.of()),
                        Map.of());
            }
        }

        private void send(Problem problem, Map<String, String> headers) {
            HttpServerResponse out = ctx.response();
            if (out.ended()) {
                return;
            }
            finish(
                    problem.status(),
                    () -> problems.write(out, problem.withContext(instance, requestId), headers)
                            .onComplete(done -> {
                                if (closeAfterAnswer) {
                                    ctx.request().connection().close();
                                }
                            }));
        }

        /** Ends the exchange; a refusal (401, 403) counts against the client's budget first, as for JAX-RS answers. */
        private void finish(int status, Runnable end) {
            if ((status == 401 || status == 403) && failures.applies(instance)) {
                failures.countRefusal(ctx).subscribe().with(done -> here(end), failure -> here(end));
            } else {
                end.run();
            }
        }

        /** Runs on the request's own context (Mutiny may complete elsewhere, say on a worker after a database read). */
        private void here(Runnable step) {
            Runnable guarded = () -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    if (!ctx.response().ended()) {
                        fail(e);
                    } else {
                        LOG.debugf(e, "%s %s failed after its answer", method, instance);
                    }
                }
            };
            if (context == null || Vertx.currentContext() == context) {
                guarded.run();
            } else {
                context.runOnContext(v -> guarded.run());
            }
        }
    }

    /**
     * Every path template of the gateway's JAX-RS resources under a routed resource, as a pattern: these requests are
     * the gateway's own (composites, the calendar), so the pass-through leaves them to JAX-RS. Read from the resource
     * classes' {@code @Path}s, so that a new operation cannot be shadowed by the pass-through.
     */
    private List<Pattern> ownPaths() {
        List<String> templates = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            templates.add(template(root.value(), ""));
            for (Method m : type.getDeclaredMethods()) {
                Path sub = m.getAnnotation(Path.class);
                if (sub != null) {
                    templates.add(template(root.value(), sub.value()));
                }
            }
        }
        return templates.stream()
                .filter(template -> {
                    String resource = resourceOf(template);
                    return resource != null && backends.isPublicResource(resource);
                })
                .map(DeclaredOperations::pattern)
                .toList();
    }

    private static String template(String root, String sub) {
        String template = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return template.length() > 1 && template.endsWith("/")
                ? template.substring(0, template.length() - 1)
                : template;
    }
}
