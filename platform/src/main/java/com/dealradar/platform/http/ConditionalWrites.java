package com.dealradar.platform.http;

import com.dealradar.platform.audit.WriteAudit;
import com.dealradar.platform.audit.WriteRecords;
import com.dealradar.platform.events.Outbox;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * The answers of the conditional writes (PUT, PATCH, state-changing actions, DELETE). They are built inside the
 * domain service's transaction, the one that checked If-Match against the row and changed it (see
 * {@link EntityTags#ifMatch}): the resource passes them to the service as its answer, and the write's actor is
 * recorded in that same transaction ({@link WriteAudit}), and so is its event ({@link Outbox}), through
 * {@link WriteRecords}: the change, its audit row and its event are all kept or none. These helpers open no transaction of their own; called outside one they fail, loudly.
 */
public final class ConditionalWrites {

    private ConditionalWrites() {}

    /** 200 with the changed resource's view and its new ETag. */
    public static Response ok(long version, Object view) {
        return ok(EntityTags.of(version), view);
    }

    /** 200 with the changed resource's view and {@code tag} (a {@link ViewTags} tag). */
    public static Response ok(EntityTag tag, Object view) {
        return recorded(changed(tag, view));
    }

    /**
     * The same answer, not yet recorded: for a write whose answer an Idempotency-Key's {@code complete} records
     * (and stores for replays). Recording it here as well would record the write twice, which
     * {@link WriteRecords} refuses.
     */
    public static Response changed(long version, Object view) {
        return changed(EntityTags.of(version), view);
    }

    /** {@link #changed(long, Object)} with {@code tag} (a {@link ViewTags} tag). */
    public static Response changed(EntityTag tag, Object view) {
        return Response.ok(view).tag(tag).build();
    }

    /** 204, for a delete. */
    public static Response noContent() {
        return recorded(Response.noContent().build());
    }

    /** Records the write's actor and its event (transactional outbox) with {@code response}, in the caller's transaction. */
    public static Response recorded(Response response) {
        return Arc.container().instance(WriteRecords.class).get().record(response);
    }
}
