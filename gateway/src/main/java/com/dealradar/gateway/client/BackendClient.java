package com.dealradar.gateway.client;

import com.dealradar.gateway.config.GatewayConfig.BackendConfig;
import com.dealradar.platform.client.CallerTimeout;
import com.dealradar.platform.metrics.Gauges;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Calls one backend. Its own pooled keep-alive HTTP/1.1 connections and one guard
 * (SmallRye Fault Tolerance, programmatic): circuit breaker, then timeout, then bulkhead, all from
 * {@link BackendConfig}. Idempotent calls are retried here, outside the circuit breaker, only when the
 * request most likely never ran (connection refused, 502/503/504) and never after a timeout, so that a down
 * backend costs a request about one timeout at most.
 *
 * <p>The HTTP client is Vert.x's, on the event loops that serve the gateway's own requests: a call made on an event
 * loop is written, answered and completed on that same loop, with no thread of its own and no hand-over between
 * threads (the JDK HttpClient used before had its own selector thread and executor, so every call crossed threads
 * twice). Bodies stay Vert.x buffers end to end.
 */
public final class BackendClient {

    private static final Logger LOG = Logger.getLogger(BackendClient.class);
    private static final TypeLiteral<CompletionStage<BackendResponse>> RESPONSE_STAGE = new TypeLiteral<>() {};

    private final String name;
    private final URI base;
    private final BackendConfig config;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /**
     * One client (with its own connection pool) per event loop. A Vert.x pool lends any idle connection to any caller,
     * and a connection answers on the event loop it was opened on: shared across loops, nearly every response crossed
     * to the caller's loop (a task hand-over and a selector wake-up per response event; 8.5% of the gateway's CPU on
     * the dossier). A connection opened by a loop's own client stays on that loop.
     */
    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();

    /**
     * When each open connection was opened (System.nanoTime), for {@link BackendConfig#connectionMaxAge}. Written
     * when a connection opens, removed when it closes.
     */
    private final Map<HttpConnection, Long> openedAt = new ConcurrentHashMap<>();

    /** This backend's timeout as the {@link CallerTimeout#HEADER} every attempt sends, formatted once. */
    private final String timeoutHeader;

    private final Vertx vertx;
    private final String basePath;
    private final Guard guard;
    private final ObjectMapper mapper;
    /**
     * The backends' JSON, read without the duplicate-key check that the strict mapper applies to what clients send:
     * the backends write their answers with Jackson, and the check was 1.4% of the gateway's CPU on the dossier.
     */
    private final ObjectReader backendJson;

    private final AtomicReference<CircuitBreakerState> circuit = new AtomicReference<>(CircuitBreakerState.CLOSED);
    /**
     * The backend's metrics, registered once: SmallRye Fault Tolerance's own metrics are off
     * ({@code quarkus.fault-tolerance.metrics.enabled}) because they look their meters up by name and tags on every
     * call, which was 7% of the gateway's CPU on the dossier.
     */
    private final Timer calls;

    private final Map<BackendFailure.Kind, Counter> failures = new EnumMap<>(BackendFailure.Kind.class);

    public BackendClient(String name, BackendConfig config, Vertx vertx, ObjectMapper mapper, MeterRegistry meters) {
        this.name = name;
        this.config = config;
        this.timeoutHeader = CallerTimeout.headerValue(config.timeout());
        this.mapper = mapper;
        this.backendJson = mapper.reader().without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        String url = config.url().endsWith("/")
                ? config.url().substring(0, config.url().length() - 1)
                : config.url();
        this.base = URI.create(url);
        this.vertx = vertx;
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        this.clientOptions = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setName("gateway-" + name);
        // As many connections as the bulkhead lets calls run at once; the bulkhead's queue waits before them.
        this.poolOptions = new PoolOptions().setHttp1MaxSize(config.bulkhead().limit());
        this.calls = Timer.builder("dealradar.gateway.backend.calls")
                .description(
                        "Calls to a backend with a usable answer (any status but a 5xx without a problem body), by duration")
                .tag("backend", name)
                .register(meters);
        for (BackendFailure.Kind kind : BackendFailure.Kind.values()) {
            failures.put(
                    kind,
                    Counter.builder("dealradar.gateway.backend.failures")
                            .description(
                                    "Calls to a backend without a usable answer, by kind (a retried call counts each attempt)")
                            .tag("backend", name)
                            .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
        Gauges.replace(
                meters,
                "dealradar.gateway.backend.circuit.state",
                Tags.of("backend", name),
                null,
                "The backend's circuit breaker: 0 closed, 1 half-open, 2 open (calls refused)",
                this,
                client -> switch (client.circuitState()) {
                    case CLOSED -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN -> 2;
                });
        this.guard = Guard.create()
                .withDescription(name)
                .withCircuitBreaker()
                .name("gateway-" + name)
                .requestVolumeThreshold(config.circuitBreaker().requestVolumeThreshold())
                .failureRatio(config.circuitBreaker().failureRatio())
                .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(config.circuitBreaker().successThreshold())
                .skipOn(BulkheadException.class)
                .onStateChange(state -> {
                    circuit.set(state);
                    LOG.infof("Circuit breaker of %s is now %s", name, state);
                })
                .done()
                .withTimeout()
                .duration(config.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withBulkhead()
                .limit(config.bulkhead().limit())
                .queueSize(config.bulkhead().queueSize())
                .done()
                .build();
    }

    public String name() {
        return name;
    }

    public CircuitBreakerState circuitState() {
        return circuit.get();
    }

    /** How long a client should wait before retrying when this backend cannot be used. */
    public Duration retryAfter() {
        return config.circuitBreaker().delay();
    }

    /**
     * Sends the request. Completes normally with any answer the backend gave deliberately (2xx to 4xx, its own
     * 503 problem), exceptionally with a {@link BackendFailure} otherwise.
     */
    public CompletableFuture<BackendResponse> send(BackendRequest request) {
        return attempt(request, request.idempotent() ? config.retry().maxRetries() : 0);
    }

    private CompletableFuture<BackendResponse> attempt(BackendRequest request, int retriesLeft) {
        CompletableFuture<BackendResponse> result = new CompletableFuture<>();
        long started = System.nanoTime();
        CompletionStage<BackendResponse> guarded;
        try {
            guarded = guard.get(() -> exchange(request), RESPONSE_STAGE);
        } catch (RuntimeException e) {
            guarded = CompletableFuture.failedFuture(e);
        }
        guarded.whenComplete((response, error) -> {
            if (error == null) {
                calls.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                result.complete(response);
                return;
            }
            BackendFailure failure = classify(error);
            failures.get(failure.kind()).increment();
            if (retriesLeft > 0 && failure.retryable()) {
                LOG.debugf(
                        "Retrying %s %s on %s after %s",
                        request.method(), request.pathAndQuery(), name, failure.getMessage());
                vertx.setTimer(
                        Math.max(1, config.retry().delay().toMillis()),
                        timer -> attempt(request, retriesLeft - 1).whenComplete((r, e) -> {
                            if (e == null) {
                                result.complete(r);
                            } else {
                                result.completeExceptionally(unwrap(e));
                            }
                        }));
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private CompletionStage<BackendResponse> exchange(BackendRequest request) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setURI(basePath + request.pathAndQuery())
                .setConnectTimeout(config.connectTimeout().toMillis())
                // No byte for this long fails the call (the guard's timeout bounds the whole call as well).
                .setIdleTimeout(config.timeout().toMillis())
                .setFollowRedirects(false)
                // How long this attempt waits: the backend gives up (and commits nothing) when this call does.
                .putHeader(CallerTimeout.HEADER, timeoutHeader);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                options.addHeader(header.getKey(), value);
            }
        }
        Buffer body = request.body();
        boolean bodiless = request.idempotent() || request.method().equals("DELETE");
        CompletableFuture<BackendResponse> result = new CompletableFuture<>();
        Context context = Vertx.currentContext();
        if (context != null && context.isEventLoopContext()) {
            call(request, options, body, bodiless, result);
        } else {
            // Not on an event loop (a worker thread, a scheduler, a test): the call runs on one, so that a caller
            // that waits for the answer never blocks the context that has to deliver it.
            ((VertxInternal) vertx)
                    .createEventLoopContext()
                    .runOnContext(v -> call(request, options, body, bodiless, result));
        }
        return result;
    }

    private void call(
            BackendRequest request,
            RequestOptions options,
            Buffer body,
            boolean bodiless,
            CompletableFuture<BackendResponse> result) {
        client().request(options)
                .compose(call -> {
                    retireIfOld(call);
                    return bodiless && (body == null || body.length() == 0)
                            ? call.send()
                            : call.send(body == null ? Buffer.buffer() : body);
                })
                .compose(this::read)
                .onComplete(done -> {
                    if (done.failed()) {
                        result.completeExceptionally(done.cause());
                        return;
                    }
                    try {
                        result.complete(check(request, done.result()));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
    }

    private Future<BackendResponse> read(HttpClientResponse response) {
        return response.body().map(body -> new BackendResponse(response.statusCode(), response.headers(), body, null));
    }

    /**
     * Answers that must count against the backend (and open its circuit when they pile up) become failures:
     * only a 5xx without a problem body, which is the backend (or what stands in front of it) failing. A problem
     * answer is the backend's deliberate answer to this request, whatever its status: counting it would let one
     * caller's bad requests take the backend away from every other caller.
     */
    private BackendResponse check(BackendRequest request, BackendResponse response) {
        int status = response.status();
        boolean serverFault = status >= 500 && !response.isProblem();
        if (serverFault) {
            throw new BackendFailure(name, BackendFailure.Kind.SERVER_ERROR, name + " answered " + status, response);
        }
        if (request.expectJson() && status >= 200 && status < 300 && status != 204) {
            if (!response.isJson()) {
                throw new BackendFailure(
                        name,
                        BackendFailure.Kind.BAD_RESPONSE,
                        name + " answered " + status + " with Content-Type '" + response.contentType()
                                + "' instead of JSON",
                        response);
            }
            try {
                // Parsed here (inside the guard, so garbage counts against the backend) and kept for the caller.
                JsonNode json = response.hasBody()
                        ? backendJson.readTree(response.body().getBytes())
                        : mapper.nullNode();
                return new BackendResponse(status, response.headers(), response.body(), json);
            } catch (IOException e) {
                throw new BackendFailure(
                        name,
                        BackendFailure.Kind.BAD_RESPONSE,
                        name + " answered " + status + " with a body that is not valid JSON",
                        response);
            }
        }
        return response;
    }

    private BackendFailure classify(Throwable error) {
        Throwable cause = unwrap(error);
        return switch (cause) {
            case BackendFailure failure -> failure;
            case TimeoutException t -> timeoutFailure();
            case ConnectTimeoutException t ->
                new BackendFailure(
                        name,
                        BackendFailure.Kind.UNREACHABLE,
                        name + " did not accept a connection within "
                                + config.connectTimeout().toMillis() + " ms",
                        null);
            case java.util.concurrent.TimeoutException t -> timeoutFailure(); // qualified: two TimeoutExceptions
            case CircuitBreakerOpenException c ->
                new BackendFailure(
                        name,
                        BackendFailure.Kind.CIRCUIT_OPEN,
                        name + " is failing; calls to it are suspended for a few seconds",
                        null);
            case BulkheadException b ->
                new BackendFailure(
                        name, BackendFailure.Kind.BULKHEAD_FULL, name + " has too many calls in progress", null);
            case ConnectException c ->
                new BackendFailure(name, BackendFailure.Kind.UNREACHABLE, name + " refused the connection", null);
            case ClosedChannelException c ->
                new BackendFailure(name, BackendFailure.Kind.UNREACHABLE, name + " closed the connection", null);
            case HttpClosedException c ->
                new BackendFailure(name, BackendFailure.Kind.UNREACHABLE, name + " closed the connection", null);
            case DecoderException d ->
                new BackendFailure(
                        name,
                        BackendFailure.Kind.BAD_RESPONSE,
                        name + " answered with something that is not HTTP",
                        null);
            case VertxException v ->
                new BackendFailure(
                        name,
                        BackendFailure.Kind.UNREACHABLE,
                        name + " could not be reached (" + v.getMessage() + ")",
                        null);
            case IOException io ->
                new BackendFailure(
                        name,
                        BackendFailure.Kind.UNREACHABLE,
                        name + " could not be reached (" + io.getClass().getSimpleName() + ")",
                        null);
            default -> {
                LOG.warnf(cause, "Unexpected failure calling %s", name);
                yield new BackendFailure(name, BackendFailure.Kind.UNREACHABLE, name + " could not be called", null);
            }
        };
    }

    private BackendFailure timeoutFailure() {
        return new BackendFailure(
                name,
                BackendFailure.Kind.TIMEOUT,
                name + " did not answer within " + config.timeout().toMillis() + " ms",
                null);
    }

    /**
     * A call on a connection older than {@link BackendConfig#connectionMaxAge} is its last: it asks the backend to close
     * the connection once it has answered (the pool then opens a new one, through the Service, to a replica in it).
     */
    private void retireIfOld(HttpClientRequest call) {
        Long opened = openedAt.get(call.connection());
        if (opened != null
                && System.nanoTime() - opened > config.connectionMaxAge().toNanos()) {
            call.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    /** The client of the current event loop (called on one: {@link #exchange} makes sure). */
    private HttpClient client() {
        EventLoop loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
        HttpClient client = clients.get(loop);
        return client != null
                ? client
                : clients.computeIfAbsent(
                        loop,
                        l -> vertx.httpClientBuilder()
                                .with(clientOptions)
                                .with(poolOptions)
                                .withConnectHandler(connection -> {
                                    openedAt.put(connection, System.nanoTime());
                                    connection.closeHandler(closed -> openedAt.remove(connection));
                                })
                                .build());
    }

    /** Closes the connections (at shutdown). */
    public void close() {
        clients.values().forEach(HttpClient::close);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException && cause.getCause() instanceof ConnectException connect) {
            return connect;
        }
        return cause;
    }
}
