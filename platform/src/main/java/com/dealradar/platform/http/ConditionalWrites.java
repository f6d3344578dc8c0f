package com.dealradar.platform.http;

import com.dealradar.platform.audit.WriteAudit;
import com.dealradar.platform.events.Outbox;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The conditional write of every resource: in one transaction, read the current row, check If-Match
 * against it (428/412), change it, and answer 200 with its new state and ETag. Checking and changing the
 * same row in one transaction, with the version as optimistic lock, is what makes "two writers with one
 * ETag: exactly one wins" hold. The write's actor is recorded in the same transaction ({@link WriteAudit}), and so is
 * its event ({@link Outbox}).
 */
public final class ConditionalWrites {

    private ConditionalWrites() {
    }

    public static <E> Response update(String ifMatch, Supplier<E> current, ToLongFunction<E> version,
            UnaryOperator<E> change, Function<? super E, ?> view) {
        return QuarkusTransaction.requiringNew().call(() -> {
            E entity = current.get();
            EntityTags.requireMatch(ifMatch, version.applyAsLong(entity));
            E changed = change.apply(entity);
            Response response = Response.ok(view.apply(changed)).tag(EntityTags.of(version.applyAsLong(changed))).build();
            recorded(response);
            return response;
        });
    }

    /**
     * A write outside the two shared paths (a DELETE): runs it in a new transaction and records its actor in the
     * same transaction.
     */
    public static Response inTransaction(Supplier<Response> write) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Response response = write.get();
            recorded(response);
            return response;
        });
    }

    /** The write's audit row and its event (transactional outbox), in the write's transaction. */
    private static void recorded(Response response) {
        Arc.container().instance(WriteAudit.class).get().record(response);
        Arc.container().instance(Outbox.class).get().recordWrite(response);
    }
}
