package com.dealradar.gateway.events;

import com.dealradar.gateway.client.BackendClient;
import com.dealradar.gateway.client.BackendRequest;
import com.dealradar.gateway.client.BackendResponse;
import com.dealradar.gateway.client.Backends;
import com.dealradar.gateway.security.InternalTokenIssuer;
import com.dealradar.platform.metrics.Gauges;
import com.dealradar.platform.scheduling.PeriodicTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Moves events from the services' outboxes into the gateway's {@link EventLog}: read a batch
 * ({@code GET /internal/outbox}, with the gateway's own internal token), store it (positions assigned under the log's
 * lock), then acknowledge it ({@code POST /internal/outbox/ack}, which deletes the rows there). A crash between storing
 * and acknowledging only means the batch is read again and skipped as already stored, so nothing is lost or doubled.
 * One thread per replica, on a fixed delay; no broker is needed (the local run has none).
 *
 * <p>Per backend it reports {@code dealradar_gateway_event_relay_behind_seconds}, the time since it last read that
 * backend's outbox to its end (about the relay interval while it keeps up; growing while the backend cannot be read or
 * its events come faster than they are relayed: how late its events may reach the feed and webhooks at most), and
 * {@code dealradar_gateway_event_relay_events_total}, the events it stored.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** How long a backend's relay fails before it is a warning (a backend still starting is not one). */
    static final Duration WARN_AFTER = Duration.ofMinutes(1);

    private final Backends backends;
    private final EventLog log;
    private final InternalTokenIssuer tokens;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final InstantSource clock;
    private PeriodicTask relay;
    private volatile Instant nextPurge = Instant.EPOCH;
    /** Backends whose relay is failing, since when; those warned about. */
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** When each backend's outbox was last read to its end (from this relay's creation, before its first round). */
    private final Map<String, Instant> caughtUpAt = new ConcurrentHashMap<>();

    private final Map<String, Counter> relayed = new ConcurrentHashMap<>();

    EventRelay(
            Backends backends,
            EventLog log,
            InternalTokenIssuer tokens,
            ObjectMapper mapper,
            FeedConfig config,
            InstantSource clock,
            MeterRegistry meters) {
        this.backends = backends;
        this.log = log;
        this.tokens = tokens;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        Instant created = clock.instant();
        for (String name : backends.all().keySet()) {
            caughtUpAt.put(name, created);
            Gauges.replace(
                    meters,
                    "dealradar.gateway.event.relay.behind",
                    Tags.of("backend", name),
                    "seconds",
                    "Time since the relay last read this backend's outbox to its end: about the relay interval while"
                            + " it keeps up, growing while the outbox cannot be read or fills faster than it is relayed",
                    this,
                    relay -> relay.behind(name));
            relayed.put(
                    name,
                    Counter.builder("dealradar.gateway.event.relay.events")
                            .description("Events the relay stored in the feed, by the backend whose outbox held them")
                            .tag("backend", name)
                            .register(meters));
        }
    }

    /** Seconds since {@code backend}'s outbox was last read to its end. */
    double behind(String backend) {
        Instant since = caughtUpAt.get(backend);
        return since == null
                ? Double.NaN
                : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }

    void start(@Observes StartupEvent start) {
        if (!config.relayEnabled()) {
            return;
        }
        relay = PeriodicTask.start("event-relay", config.relayInterval(), config.relayInterval(), this::runOnce);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (relay != null) {
            relay.close();
        }
    }

    /**
     * One round over every backend; failures are retried next round. A backend that keeps failing for
     * {@link #WARN_AFTER} (not one that is still starting) is logged as a warning once, and its recovery once: its events
     * wait in its outbox meanwhile, and partners see none of them.
     */
    public void runOnce() {
        for (Map.Entry<String, BackendClient> backend : backends.all().entrySet()) {
            String name = backend.getKey();
            try {
                Instant reading = clock.instant();
                while (relay(name, backend.getValue()) >= config.relayBatch()) {
                    // a full batch: more are waiting, read on at once
                }
                // Everything committed before this round's first read has been stored.
                caughtUpAt.put(name, reading);
                recovered(name);
            } catch (Exception e) {
                failed(name, e);
            }
        }
        Instant now = clock.instant();
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(config.purgeInterval());
            try {
                int purged = log.purge(now.minus(config.retention()));
                if (purged > 0) {
                    LOG.infof("event feed: %d events past the retention of %s deleted", purged, config.retention());
                }
            } catch (Exception e) {
                LOG.warnf("event feed purge failed: %s", e.toString());
            }
        }
    }

    private int relay(String name, BackendClient client) throws Exception {
        Map<String, List<String>> headers = Map.of(
                "Authorization", List.of("Bearer " + tokens.relayToken(name)), "Accept", List.of("application/json"));
        BackendResponse answer = client.send(
                        BackendRequest.get("/internal/outbox?limit=" + config.relayBatch(), headers))
                .get();
        if (answer.status() != 200) {
            throw new IllegalStateException(name + " answered " + answer.status() + " to the outbox read");
        }
        JsonNode items = mapper.readTree(answer.bytes()).path("items");
        List<EventLog.Incoming> events = new ArrayList<>();
        for (JsonNode item : items) {
            events.add(new EventLog.Incoming(
                    UUID.fromString(item.get("eventId").asText()),
                    item.get("type").asText(),
                    item.get("resourceType").asText(),
                    item.get("resourceId").asText(),
                    item.get("resourcePath").asText(),
                    text(item, "etag"),
                    Instant.parse(item.get("occurredAt").asText()),
                    text(item, "data"),
                    text(item, "requestId")));
        }
        if (events.isEmpty()) {
            return 0;
        }
        log.append(name, events);
        relayed.get(name).increment(events.size());
        byte[] ack = mapper.writeValueAsBytes(Map.of(
                "eventIds", events.stream().map(EventLog.Incoming::eventId).toList()));
        Map<String, List<String>> ackHeaders = Map.of(
                "Authorization",
                headers.get("Authorization"),
                "Content-Type",
                List.of("application/json"),
                "Accept",
                List.of("application/json"));
        BackendResponse acked = client.send(
                        new BackendRequest("POST", "/internal/outbox/ack", ackHeaders, Buffer.buffer(ack), true))
                .get();
        if (acked.status() != 200) {
            // Not acknowledged: the batch is read again next round (and skipped, being in the log already). Reading on
            // at once would read the same batch again, for ever while the acknowledgement keeps failing.
            throw new IllegalStateException(name + " answered " + acked.status() + " to the acknowledgement: "
                    + new String(acked.bytes(), StandardCharsets.UTF_8));
        }
        return events.size();
    }

    private void failed(String name, Exception e) {
        Instant now = clock.instant();
        Instant since = failingSince.computeIfAbsent(name, n -> now);
        if (!now.isBefore(since.plus(WARN_AFTER)) && warned.add(name)) {
            LOG.warnf(
                    "event relay from %s has failed since %s (%s); its events wait in its outbox and reach neither the"
                            + " feed nor webhooks until it works again",
                    name, since, e.toString());
        } else {
            LOG.debugf("event relay from %s failed this round (%s); retrying next round", name, e.toString());
        }
    }

    private void recovered(String name) {
        Instant since = failingSince.remove(name);
        if (since != null && warned.remove(name)) {
            LOG.infof("event relay from %s works again (it had failed since %s)", name, since);
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
