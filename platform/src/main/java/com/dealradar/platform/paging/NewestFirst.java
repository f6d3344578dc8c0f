package com.dealradar.platform.paging;

import jakarta.persistence.Query;

/**
 * The keyset of a list sorted newest first: by a time, then by id for rows of the same instant (both descending), and
 * the condition that starts a page after a {@link Cursor#timeAndId} cursor. Written once for the lists of that shape
 * (audit entries, write audit, calendar subscriptions, webhook attempts), in JPQL or SQL alike: only the two column
 * expressions differ.
 */
public record NewestFirst(String time, String id) {

    /** The rows after the cursor's (time, id): {@code :at} and {@code :id}, bound by {@link #bind}. */
    public String after() {
        return "(" + time + " < :at or (" + time + " = :at and " + id + " < :id))";
    }

    /** {@code " order by <time> desc, <id> desc"}. */
    public String orderBy() {
        return " order by " + time + " desc, " + id + " desc";
    }

    /** Binds the cursor's keys to the parameters of {@link #after}; nothing when there is no cursor. */
    public static <Q extends Query> Q bind(Q query, Cursor after) {
        if (after != null) {
            query.setParameter("at", after.instantKey(0)).setParameter("id", after.uuidKey(1));
        }
        return query;
    }
}
