package com.dealradar.company.domain;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the current transaction has already written, so that a representation it changes several times (both ends of
 * a re-pointed link, a company renamed and linked in one seed run) gets one version bump and one event, and a
 * company created in this transaction, which nobody can have read yet, none.
 */
@TransactionScoped
class TransactionWrites implements Serializable {

    private final Set<UUID> created = new HashSet<>();
    private final Set<UUID> touched = new HashSet<>();

    void created(UUID id) {
        created.add(id);
    }

    /** True the first time {@code id} is to be touched in this transaction, unless it was created in it. */
    boolean firstTouch(UUID id) {
        return !created.contains(id) && touched.add(id);
    }

    /** Marks {@code id} as already changed by this transaction's own write (its event is the write's own). */
    void written(UUID id) {
        touched.add(id);
    }
}
