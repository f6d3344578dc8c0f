package com.dealradar.platform.events;

import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.time.Clocks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * The transactional outbox (issue #16): writes one event per successful write of a public resource in the
 * write's own transaction, so the event exists exactly when the change does. The shared write paths call
 * {@link #recordWrite} through {@code WriteRecords}, next to the write audit, so a
 * service gets events by naming its collections in {@link EventsConfig}, with no code in its resources. Events
 * that no request causes (deadlines approaching, certifications lapsing) are written with {@link #emit}.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final EventsConfig config;
    private final ObjectMapper mapper;
    private final CurrentVertxRequest request;
    private final InstantSource clock;

    Outbox(
            EntityManager em,
            EventsConfig config,
            ObjectMapper mapper,
            CurrentVertxRequest request,
            InstantSource clock) {
        this.em = em;
        this.config = config;
        this.mapper = mapper;
        this.request = request;
        this.clock = clock;
    }

    /**
     * Writes the event of the current request's write when {@code response} is a success and the request's
     * collection produces events; call inside the write's transaction. Creates ({@code POST /deals}) are
     * {@code .created}, PUT and PATCH {@code .updated}, DELETE {@code .deleted}, a POST on a resource's action
     * ({@code /deals/{id}/status-changes}) what {@link EventsConfig#actions()} names. {@code data} is the answer's
     * entity as JSON.
     */
    public void recordWrite(Response response, JsonNode data) {
        if (response == null
                || response.getStatus() >= 300
                || config.resources().isEmpty()) {
            return;
        }
        RoutingContext routing = request.getCurrent();
        if (routing == null) {
            return;
        }
        WriteKind kind = WriteKind.of(
                routing.request().method().name(), routing.request().path(), config);
        if (kind == null) {
            return;
        }
        // The id from the resource itself: a company may be addressed by its slug, the event names its id.
        String id = data != null && data.hasNonNull("id") ? data.get("id").asText() : kind.idInPath();
        if (id == null) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        emit(
                kind.type(),
                kind.resourceType(),
                id,
                "/" + kind.collection() + "/" + id,
                tag == null ? null : tag.toString(),
                "deleted".equals(kind.verb()) ? null : data);
    }

    /** Writes one event; call inside the transaction of the change it reports. */
    public OutboxEvent emit(
            String type, String resourceType, String resourceId, String resourcePath, String etag, JsonNode data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.type = type;
        event.resourceType = resourceType;
        event.resourceId = resourceId;
        event.resourcePath = resourcePath;
        event.etag = etag;
        event.occurredAt = Clocks.storedNow(clock);
        try {
            event.data = data == null ? null : mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the event's resource", e);
        }
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        event.requestId = requestId == null ? null : requestId.toString();
        em.persist(event);
        return event;
    }

    /** The oldest events still waiting for the relay, at most {@code limit}. */
    public List<OutboxEvent> pending(int limit) {
        return em.createQuery("from OutboxEvent e order by e.id", OutboxEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Forgets events the relay has stored; unknown ids are ignored, so an acknowledgement can be repeated. */
    public int acknowledge(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from OutboxEvent e where e.eventId in :ids")
                .setParameter("ids", eventIds)
                .executeUpdate();
    }

    /** What a request path and method say about the write (null when it writes nothing that has events). */
    record WriteKind(String collection, String resourceType, String verb, String idInPath) {

        String type() {
            return resourceType + "." + verb;
        }

        static WriteKind of(String method, String path, EventsConfig config) {
            String[] segments = path.replaceAll("^/+|/+$", "").split("/");
            String resourceType = config.resources().get(segments[0]);
            if (resourceType == null) {
                return null;
            }
            String verb = switch (segments.length) {
                case 1 -> method.equals("POST") ? "created" : null;
                case 2 ->
                    switch (method) {
                        case "PUT", "PATCH" -> "updated";
                        case "DELETE" -> "deleted";
                        default -> null;
                    };
                case 3 -> method.equals("POST") ? config.actions().getOrDefault(segments[2], "updated") : null;
                default -> null;
            };
            return verb == null
                    ? null
                    : new WriteKind(
                            segments[0],
                            resourceType,
                            verb,
                            // A delete has no body to take the id from: the path's, in the form every other event of
                            // the resource has (a UUID sent in capitals is that resource too, and its events one key).
                            segments.length > 1 ? QueryParams.canonicalId(segments[1]) : null);
        }
    }
}
