package com.dealradar.platform.audit;

import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.NewestFirst;
import com.dealradar.platform.paging.Page;
import com.dealradar.platform.paging.Paging;
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

    /**
     * Records the current request's write when {@code response} is a success; {@code body} is its entity as JSON.
     * Called by {@link WriteRecords}, inside the write's transaction.
     */
    void record(Response response, JsonNode body) {
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
                : canonicalPath(routing.request().path(), body);
        entry.status = response.getStatus();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        entry.requestId = requestId == null ? null : requestId.toString();
        em.persist(entry);
    }

    /**
     * The path of the resource by its id, whatever the request named it by: a company written through its slug
     * ({@code /companies/whale-cloud}) or an id in capitals is recorded under {@code /companies/<id>}, so that the
     * audit of a resource, asked by its id, has all its writes. The segment that is the id (in any case) is written
     * in the answer's spelling; a backend's resource ({@code /<collection>/<id or slug>[/...]}) may be named by a slug
     * in its second segment. The gateway's own resources ({@code /api/v1/partners/<id>/keys/<id>}) are named by ids
     * only, deeper in the path: a segment is never replaced there by position.
     */
    private static String canonicalPath(String path, JsonNode body) {
        String[] segments = path.split("/", -1);
        JsonNode idNode = body == null ? null : body.path("id");
        if (idNode == null
                || !idNode.isTextual()
                || idNode.asText().isEmpty()
                || idNode.asText().contains("/")) {
            // No answer to take the id from (a delete): the ids in the path in their one spelling.
            for (int i = 1; i < segments.length; i++) {
                segments[i] = QueryParams.canonicalId(segments[i]);
            }
            return String.join("/", segments);
        }
        String id = idNode.asText();
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equalsIgnoreCase(id)) {
                segments[i] = id;
                return String.join("/", segments);
            }
        }
        if (segments.length < 3 || segments[2].isEmpty() || segments[1].equals("api")) {
            return path;
        }
        segments[2] = id;
        return String.join("/", segments);
    }

    /** The sort of the audit's pages: newest first (then by id, for a stable order). */
    static final String SORT = "-occurredAt";

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private static final NewestFirst NEWEST_FIRST = new NewestFirst("w.occurredAt", "w.id");

    /**
     * One page of the writes of one resource (exact path) or, with {@code prefix}, of everything under a path, newest
     * first. {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code cursor} (a previous
     * page's {@code nextCursor}) as the query gave them: 400 when either is not one.
     */
    public Page<WriteAuditEntry> page(String resource, boolean prefix, String limit, String cursor) {
        int size = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Cursor after = Cursor.timeAndId(cursor, SORT);
        StringBuilder where =
                new StringBuilder(prefix ? "w.resource like :resource escape '!'" : "w.resource = :resource");
        if (after != null) {
            where.append(" and ").append(NEWEST_FIRST.after());
        }
        var query = em.createQuery(
                        "from WriteAuditEntry w where " + where + NEWEST_FIRST.orderBy(), WriteAuditEntry.class)
                .setParameter(
                        "resource",
                        prefix ? resource.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%" : resource)
                .setMaxResults(size + 1);
        return Paging.page(
                NewestFirst.bind(query, after).getResultList(),
                size,
                SORT,
                e -> List.of(e.occurredAt.toString(), e.id.toString()));
    }
}
