package com.dealradar.platform.http;

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
 * ETag: exactly one wins" hold.
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
            return Response.ok(view.apply(changed)).tag(EntityTags.of(version.applyAsLong(changed))).build();
        });
    }
}
