package com.dealradar.gateway.events;

import com.dealradar.gateway.api.PublicPaths;
import com.dealradar.gateway.webhooks.Deliveries;
import com.dealradar.gateway.webhooks.WebhookEndpoint;
import com.dealradar.platform.persistence.JdbcBatches;
import com.dealradar.platform.persistence.NativeValues;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The gateway's event log: one global, gap-free order over the events of the three services.
 * <p>
 * Why not the outboxes' own ids: an id (a sequence) is taken before its transaction commits, so transactions commit
 * out of id order and a reader that has seen id 12 can later find a committed 11 that it skipped. Here a position is
 * handed out only while holding the lock on the single {@code event_log_state} row, and the transaction commits before
 * the lock is released: positions become visible strictly in order, so "everything after my last cursor" is complete.
 * Several gateway replicas may relay at once; they take turns on the lock, and an event already stored (same event id,
 * read twice before its outbox row was deleted) is skipped, so each event gets exactly one position.
 */
@ApplicationScoped
public class EventLog {

    private final EntityManager em;
    private final Deliveries deliveries;
    private final InstantSource clock;
    private final FeedConfig config;

    EventLog(EntityManager em, Deliveries deliveries, InstantSource clock, FeedConfig config) {
        this.em = em;
        this.deliveries = deliveries;
        this.clock = clock;
        this.config = config;
    }

    /** An event read from a service's outbox. */
    public record Incoming(
            UUID eventId,
            String type,
            String resourceType,
            String resourceId,
            String resourcePath,
            String etag,
            Instant occurredAt,
            String data,
            String requestId) {}

    /** Stores the events not stored yet, in the given order, and their webhook deliveries; returns how many were new. */
    public int append(String source, List<Incoming> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            long last = ((Number)
                            em.createNativeQuery("select last_position from event_log_state where id = 1 for update")
                                    .getSingleResult())
                    .longValue();
            List<?> known = em.createNativeQuery("select event_id from event_log where event_id in (:ids)")
                    .setParameter("ids", events.stream().map(Incoming::eventId).toList())
                    .getResultList();
            Set<String> seen = new HashSet<>();
            known.forEach(k -> seen.add(k.toString()));
            Instant now = clock.instant();
            List<WebhookEndpoint> endpoints = deliveries.subscribedEndpoints();
            List<Positioned> added = new ArrayList<>();
            for (Incoming e : events) {
                if (seen.add(e.eventId().toString())) {
                    added.add(new Positioned(++last, e));
                }
            }
            // Both inserts in one batch each: the append lock is held for two round trips, however many events and
            // endpoints.
            var recorded = JdbcBatches.timestamp(now);
            JdbcBatches.run(
                    em,
                    "insert into event_log (position, event_id, type, source, resource_type, resource_id, resource_path,"
                            + " etag, occurred_at, recorded_at, data, request_id) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                    added,
                    (statement, row) -> {
                        Incoming e = row.event();
                        statement.setLong(1, row.position());
                        statement.setObject(2, e.eventId());
                        statement.setString(3, e.type());
                        statement.setString(4, source);
                        statement.setString(5, e.resourceType());
                        statement.setString(6, e.resourceId());
                        statement.setString(7, e.resourcePath());
                        statement.setString(8, e.etag());
                        statement.setObject(9, JdbcBatches.timestamp(e.occurredAt()));
                        statement.setObject(10, recorded);
                        statement.setString(11, e.data());
                        statement.setString(12, e.requestId());
                    });
            deliveries.fanOut(
                    endpoints,
                    added.stream()
                            .map(p -> new Deliveries.NewEvent(
                                    p.position(),
                                    p.event().eventId(),
                                    p.event().type(),
                                    p.event().resourceType() + ":" + p.event().resourceId()))
                            .toList(),
                    now);
            em.createNativeQuery("update event_log_state set last_position = ? where id = 1")
                    .setParameter(1, last)
                    .executeUpdate();
            return added.size();
        });
    }

    private record Positioned(long position, Incoming event) {}

    /**
     * One page of the feed in one read transaction: the events after {@code after} (from the oldest kept when null) of
     * the given types (all when empty), at most {@code limit}. 410 when retention has deleted events after
     * {@code after}, 400 when {@code after} is beyond the committed end (not a cursor this feed issued).
     */
    public EventPage read(Long after, Set<String> types, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            State state = state();
            long start = after == null ? state.purgedThrough() : after;
            if (after != null && after < state.purgedThrough()) {
                throw expired(state.purgedThrough());
            }
            if (start > state.lastPosition()) {
                throw ProblemException.badParameter("after", "not a cursor this feed issued");
            }
            List<FeedEvent> items = page(start, state.lastPosition(), types, limit + 1);
            // Each statement sees what had committed when it began (READ COMMITTED): a purge that committed between the
            // two reads would make this page start after events the reader never got. Checked again, it is a 410.
            long purgedNow = state().purgedThrough();
            if (after != null && after < purgedNow) {
                throw expired(purgedNow);
            }
            boolean more = items.size() > limit;
            List<FeedEvent> page = more ? items.subList(0, limit) : items;
            // A full page: read on after its last item. Otherwise everything up to the committed end has been read (the
            // events of other types included), so the next read starts there.
            String next = more ? page.get(page.size() - 1).cursor() : String.valueOf(state.lastPosition());
            return new EventPage(List.copyOf(page), next, more);
        });
    }

    private ProblemException expired(long purgedThrough) {
        return new ProblemException(
                ProblemType.CURSOR_EXPIRED,
                "Events up to cursor " + purgedThrough + " are past the retention of " + config.retention()
                        + " and deleted; re-read the resources you follow and start again without after=",
                List.of(),
                Map.of());
    }

    /** The committed end of the log and the highest position retention has deleted. */
    private record State(long lastPosition, long purgedThrough) {}

    private State state() {
        Object[] row = (Object[])
                em.createNativeQuery("select last_position, purged_through from event_log_state where id = 1")
                        .getSingleResult();
        return new State(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Events after {@code after} up to {@code upTo} (a committed last position read before), oldest first, of the given
     * types (all when empty), at most {@code limit}.
     */
    private List<FeedEvent> page(long after, long upTo, Set<String> types, int limit) {
        String sql =
                "select position, event_id, type, resource_type, resource_id, resource_path, etag, occurred_at, data from event_log"
                        + " where position > :after and position <= :upTo"
                        + (types.isEmpty() ? "" : " and type in (:types)")
                        + " order by position";
        var query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(limit);
        if (!types.isEmpty()) {
            query.setParameter("types", types);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(EventLog::event).toList();
    }

    /** One event by position (for a delivery), or null when retention deleted it. */
    public FeedEvent at(long position) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                        "select position, event_id, type, resource_type, resource_id, resource_path, etag,"
                                + " occurred_at, data from event_log where position = :p",
                        Tuple.class)
                .setParameter("p", position)
                .getResultList();
        return rows.isEmpty() ? null : event(rows.get(0));
    }

    /** What a purge deleted: events (or rows), in how many transactions, the most in one. */
    public record Purged(int deleted, int batches, int largestBatch) {
        public static final Purged NONE = new Purged(0, 0, 0);

        /** This and one more transaction, which deleted {@code rows}. */
        public Purged step(int rows) {
            return new Purged(deleted + rows, batches + 1, Math.max(largestBatch, rows));
        }

        /** This and {@code other} together. */
        public Purged and(Purged other) {
            return new Purged(
                    deleted + other.deleted, batches + other.batches, Math.max(largestBatch, other.largestBatch));
        }
    }

    /**
     * Deletes events recorded before {@code cutoff}, at most {@link FeedConfig#purgeBatch()} per transaction; cursors at
     * or below the highest deleted position then get 410.
     */
    public int purge(Instant cutoff) {
        return purge(cutoff, config.purgeBatch()).deleted();
    }

    /**
     * The same, {@code batch} positions per transaction, each holding the append lock only for its own delete:
     * positions are handed out one after another, so a range of {@code batch} positions is at most {@code batch} events.
     */
    public Purged purge(Instant cutoff, int batch) {
        long[] range = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[])
                    em.createNativeQuery("select (select max(position) from event_log where recorded_at < :cutoff),"
                                    + " purged_through from event_log_state where id = 1")
                            .setParameter("cutoff", cutoff)
                            .getSingleResult();
            return new long[] {row[0] == null ? 0 : ((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
        });
        long through = range[0];
        Purged purged = Purged.NONE;
        long from = range[1];
        while (from < through) {
            long after = from;
            long upTo = Math.min(through, from + batch);
            int rows = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("select last_position from event_log_state where id = 1 for update")
                        .getSingleResult();
                int gone = em.createNativeQuery("delete from event_log where position > :after and position <= :upTo")
                        .setParameter("after", after)
                        .setParameter("upTo", upTo)
                        .executeUpdate();
                em.createNativeQuery(
                                "update event_log_state set purged_through = greatest(purged_through, :p) where id = 1")
                        .setParameter("p", upTo)
                        .executeUpdate();
                return gone;
            });
            purged = purged.step(rows);
            from = upTo;
        }
        return purged;
    }

    private static FeedEvent event(Tuple row) {
        String path = row.get(5, String.class);
        return new FeedEvent(
                NativeValues.uuid(row.get(1)),
                String.valueOf(((Number) row.get(0)).longValue()),
                row.get(2, String.class),
                NativeValues.instant(row.get(7)),
                new FeedEvent.Resource(
                        row.get(3, String.class),
                        row.get(4, String.class),
                        PublicPaths.PREFIX + path,
                        row.get(6, String.class)),
                row.get(8, String.class));
    }
}
