package com.dealradar.platform.audit;

import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.security.Actor;
import com.dealradar.platform.time.Clocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Records who made each successful write, in the write's own transaction: either the change and its audit
 * row are both kept or neither. The shared write paths call it ({@code Idempotency}, {@code ConditionalWrites}
 * and the deletes), so a new write operation is attributed by using them. Writes without a caller (seeding at
 * start) are not recorded.
 */
@ApplicationScoped
public class WriteAudit {

    private final EntityManager em;
    private final Instance<CurrentIdentityAssociation> identity;
    private final CurrentVertxRequest request;
    private final InstantSource clock;
    private final ObjectMapper mapper;

    WriteAudit(
            EntityManager em,
            Instance<CurrentIdentityAssociation> identity,
            CurrentVertxRequest request,
            InstantSource clock,
            ObjectMapper mapper) {
        this.em = em;
        this.identity = identity;
        this.request = request;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The caller of the current request, or null outside a request or for an anonymous one. */
    public Actor currentActor() {
        if (!identity.isResolvable() || request.getCurrent() == null) {
            return null;
        }
        try {
            return Actor.of(identity.get().getIdentity());
        } catch (RuntimeException e) {
            return null; // no request context (a start-up task)
        }
    }

    /** Records the current request's write when {@code response} is a success; call inside the write's transaction. */
    public void record(Response response) {
        if (response == null || response.getStatus() >= 300) {
            return;
        }
        RoutingContext routing = request.getCurrent();
        Actor actor = currentActor();
        if (routing == null || actor == null) {
            return;
        }
        WriteAuditEntry entry = new WriteAuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = Clocks.storedNow(clock);
        entry.actor = actor.toString();
        entry.actorKind = actor.kind().name();
        entry.actorId = actor.id();
        entry.keyId = actor.keyId();
        entry.method = routing.request().method().name();
        URI location = response.getLocation();
        entry.resource = location != null && location.getRawPath() != null
                ? location.getRawPath()
                : canonicalPath(routing.request().path(), response.getEntity());
        entry.status = response.getStatus();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        entry.requestId = requestId == null ? null : requestId.toString();
        em.persist(entry);
    }

    /**
     * The path of the resource by its id, whatever the request named it by: a company written through its slug
     * ({@code /companies/whale-cloud}) or an id in capitals is recorded under {@code /companies/<id>}, so that the
     * audit of a resource, asked by its id, has all its writes.
     */
    private String canonicalPath(String path, Object entity) {
        String[] segments = path.split("/", -1);
        if (entity == null || segments.length < 3 || segments[2].isEmpty()) {
            return path;
        }
        JsonNode id = mapper.valueToTree(entity).path("id");
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().contains("/")) {
            return path;
        }
        segments[2] = id.asText();
        return String.join("/", segments);
    }

    /** The writes of one resource (exact path) or, with {@code prefix}, of everything under a path; newest first. */
    public List<WriteAuditEntry> history(String resource, boolean prefix, int limit) {
        return em.createQuery(
                        "from WriteAuditEntry w where "
                                + (prefix ? "w.resource like :resource escape '!'" : "w.resource = :resource")
                                + " order by w.occurredAt desc, w.id desc",
                        WriteAuditEntry.class)
                .setParameter(
                        "resource",
                        prefix ? resource.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%" : resource)
                .setMaxResults(limit)
                .getResultList();
    }
}
