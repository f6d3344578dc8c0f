package com.dealradar.gateway.webhooks;

import com.dealradar.gateway.events.EventLog;
import com.dealradar.gateway.events.FeedConfig;
import com.dealradar.gateway.events.FeedEvent;
import com.dealradar.platform.metrics.Gauges;
import com.dealradar.platform.scheduling.PeriodicTask;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks: every poll interval, claim due deliveries (see {@link Deliveries}), POST each event to its
 * endpoint signed per Standard Webhooks, record the attempt. Runs on every gateway replica; the claims keep them apart.
 * HTTP: Vert.x's HTTP client with a connect timeout and a deadline on the whole exchange, no redirects, connecting to
 * the address the SSRF check approved (the URL's host is still sent as Host and used for TLS); only the answer's status
 * is read.
 *
 * <p>Every {@link #BACKLOG_EVERY} it counts what waits to be delivered, for {@code
 * dealradar_gateway_webhook_deliveries_pending} and {@code dealradar_gateway_webhook_oldest_pending_seconds} (every
 * replica reports the same, the whole queue's): a backlog that grows, or an oldest delivery older than the retries'
 * schedule, is a dispatcher that cannot keep up or receivers that fail.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String USER_AGENT = "DealRadar-Webhooks/1.0";
    /** Beyond an attempt's timeout, for recording its outcome when the replica stops. */
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(5);
    /** How often the backlog is counted (one indexed count of the pending deliveries). */
    static final Duration BACKLOG_EVERY = Duration.ofSeconds(10);

    private final Deliveries deliveries;
    private final EventLog log;
    private final UrlGuard guard;
    private final WebhookConfig config;
    private final FeedConfig feed;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final InstantSource clock;
    private final Vertx vertx;
    private final String replica = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private HttpClient client;
    private PeriodicTask dispatcher;
    private Instant nextPurge = Instant.EPOCH;
    private ExecutorService workers;
    private Instant nextBacklog = Instant.EPOCH;
    private volatile Deliveries.Backlog backlog = new Deliveries.Backlog(0, null);

    WebhookDispatcher(
            Deliveries deliveries,
            EventLog log,
            UrlGuard guard,
            WebhookConfig config,
            FeedConfig feed,
            EntityManager em,
            ObjectMapper mapper,
            InstantSource clock,
            Vertx vertx,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.log = log;
        this.guard = guard;
        this.config = config;
        this.feed = feed;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.vertx = vertx;
        Gauges.replace(
                meters,
                "dealradar.gateway.webhook.deliveries.pending",
                Tags.empty(),
                null,
                "Webhook deliveries waiting for enabled endpoints (due, backing off or in flight), counted every 10 s",
                this,
                dispatcher -> dispatcher.backlog.pending());
        Gauges.replace(
                meters,
                "dealradar.gateway.webhook.oldest.pending",
                Tags.empty(),
                "seconds",
                "Age of the oldest webhook delivery still waiting for an enabled endpoint; 0 when none waits",
                this,
                dispatcher -> dispatcher.oldestPendingSeconds());
    }

    private double oldestPendingSeconds() {
        Instant oldest = backlog.oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Counts the backlog now (the dispatcher's rounds do every {@link #BACKLOG_EVERY}). */
    void countBacklog() {
        backlog = deliveries.backlog();
    }

    void start(@Observes StartupEvent start) {
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(false)
                        .setVerifyHost(true)
                        // A receiver is a third party: it gets no traceparent of ours (no trace ids, no spans of its
                        // own in our traces).
                        .setTracingPolicy(TracingPolicy.IGNORE),
                // A whole batch may go to one receiver at once: each attempt's deadline runs from before it asks for
                // a connection, so with Vert.x's default of 5 connections per address the sixth to the batch-th
                // waited for one and timed out unsent, or sent and cut off (a duplicate for the receiver).
                new PoolOptions().setHttp1MaxSize(config.batch()));
        if (!config.deliveryEnabled()) {
            return;
        }
        workers = Executors.newVirtualThreadPerTaskExecutor();
        dispatcher =
                PeriodicTask.start("webhook-dispatcher", config.pollInterval(), config.pollInterval(), this::runOnce);
    }

    /**
     * The batch in progress is delivered (each attempt is bounded by the request timeout, connection included) and
     * recorded before the replica stops; what it had not claimed yet stays for the other replicas. Waiting less than an
     * attempt may take would interrupt attempts already sent, which the receivers would then get again after the lease.
     */
    void stop(@Observes ShutdownEvent stop) {
        if (dispatcher != null) {
            dispatcher.close(config.timeout().plus(RECORDING_GRACE));
            workers.shutdownNow();
        }
    }

    public String replica() {
        return replica;
    }

    /** One round: claim a batch, deliver it in parallel, wait for the batch (each attempt is bounded by the timeout). */
    public void runOnce() {
        try {
            List<Deliveries.Claimed> claimed = deliveries.claim(replica, config.batch());
            List<Future<?>> running = claimed.stream()
                    .<Future<?>>map(d -> workers.submit(() -> deliver(d)))
                    .toList();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // Not recorded (the event or the endpoint could not be read): its lease runs out and it is
                    // claimed again. The other deliveries of the batch are still waited for.
                    LOG.warnf(
                            "webhook delivery failed before its attempt was recorded: %s",
                            e.getCause().toString());
                }
            }
            purgeIfDue();
            countBacklogIfDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("webhook round failed: %s", e.toString());
        }
    }

    void deliver(Deliveries.Claimed delivery) {
        FeedEvent event = QuarkusTransaction.requiringNew().call(() -> log.at(delivery.position()));
        if (event == null) {
            deliveries.abandon(delivery, "the event is past the feed's retention");
            return;
        }
        WebhookEndpoint endpoint = QuarkusTransaction.requiringNew().call(() -> {
            WebhookEndpoint e = em.find(WebhookEndpoint.class, delivery.endpointId());
            if (e != null) {
                em.detach(e);
            }
            return e;
        });
        if (endpoint == null) {
            return;
        }
        if (!endpoint.wants(event.type())) {
            // Its partner narrowed the endpoint's event types after the delivery was queued (held while the endpoint
            // was disabled, or waiting behind a retry): what it no longer subscribes to is not sent.
            deliveries.abandon(delivery, Deliveries.UNSUBSCRIBED + event.type());
            return;
        }
        long started = System.nanoTime();
        Deliveries.Outcome outcome;
        try {
            UrlGuard.Target target = guard.resolve(endpoint.url);
            byte[] body = mapper.writeValueAsBytes(event);
            Instant now = clock.instant();
            long timestamp = now.getEpochSecond();
            String id = event.id().toString();
            String path = target.uri().getRawPath() == null
                            || target.uri().getRawPath().isEmpty()
                    ? "/"
                    : target.uri().getRawPath();
            if (target.uri().getRawQuery() != null) {
                path += "?" + target.uri().getRawQuery();
            }
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(
                            target.port(), target.address().getHostAddress()))
                    .setPort(target.port())
                    .setHost(target.uri().getHost())
                    .setURI(path)
                    .setSsl(target.https())
                    .putHeader("user-agent", USER_AGENT)
                    .putHeader("content-type", "application/json")
                    .putHeader("webhook-id", id)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader(
                            "webhook-signature",
                            WebhookSigner.header(endpoint.signingSecrets(now), id, timestamp, body));
            int status = post(request, Buffer.buffer(body))
                    .toCompletableFuture()
                    .get(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            outcome = new Deliveries.Outcome(status, elapsed(started), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            outcome = new Deliveries.Outcome(
                    null, elapsed(started), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        deliveries.record(delivery, replica, outcome);
    }

    /**
     * POSTs {@code body} and answers the receiver's status code as soon as its status line arrives. The answer's body
     * is not read: the status is all a delivery needs, and a receiver (a third party) that streamed an endless body
     * would otherwise hold the attempt, and what it sent, in the gateway's memory. The whole exchange, from the
     * connection on, is bounded by {@link WebhookConfig#timeout()}: a receiver that reads the request slowly or never
     * answers has its connection reset then (a per-read idle timeout would let one that trickles bytes go on for ever).
     */
    private CompletionStage<Integer> post(RequestOptions options, Buffer body) {
        Promise<Integer> status = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // From before the connection is asked for: the connect and TLS handshake count against the same deadline, so an
        // attempt never outlasts it (a replica stopping waits for the attempts in progress, see stop()).
        long deadline = vertx.setTimer(config.timeout().toMillis(), expired -> {
            if (status.tryFail(new TimeoutException("no answer within " + config.timeout()))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        client.request(options)
                .onFailure(e -> {
                    vertx.cancelTimer(deadline);
                    status.tryFail(e);
                })
                .onSuccess(request -> {
                    sent.set(request);
                    if (status.future().isComplete()) {
                        request.reset();
                        return;
                    }
                    request.exceptionHandler(e -> {
                        vertx.cancelTimer(deadline);
                        status.tryFail(e);
                    });
                    request.send(body).onComplete(answered -> {
                        vertx.cancelTimer(deadline);
                        if (answered.failed()) {
                            status.tryFail(answered.cause());
                            return;
                        }
                        HttpClientResponse response = answered.result();
                        response.exceptionHandler(ignored -> {});
                        response.handler(ignored -> {});
                        status.tryComplete(response.statusCode());
                        // The connection is not kept alive: closing it now ends a body the receiver may still be
                        // sending.
                        request.reset();
                    });
                });
        return status.future().toCompletionStage();
    }

    private void countBacklogIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextBacklog)) {
            return;
        }
        nextBacklog = now.plus(BACKLOG_EVERY);
        countBacklog();
    }

    /**
     * The delivery log is kept as long as the feed keeps events ({@link FeedConfig#retention()}), purged as often and
     * in steps of the same size.
     */
    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(feed.purgeInterval());
        Deliveries.Purged purged = deliveries.purge(now.minus(feed.retention()), feed.purgeBatch());
        if (purged.deleted() > 0 || purged.expired() > 0) {
            LOG.infof(
                    "webhook deliveries and attempts past the retention of %s: %d rows deleted, %d held deliveries (a"
                            + " disabled endpoint, a partner without a key in force) dead-lettered, in %d transactions",
                    feed.retention(), purged.deleted(), purged.expired(), purged.batches());
        }
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
