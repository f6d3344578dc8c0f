package com.dealradar.region.domain;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Read-only views for the collections inside regime records. Regimes are reference data whose parsed JSON columns are
 * cached and shared between requests and threads, so their inner sets and lists must not be changeable by whoever
 * holds them. A view rather than {@code List.copyOf}: it keeps the order given and accepts a null element, which
 * must reach Bean Validation as a 400 that names the field, not fail here as a NullPointerException.
 */
final class Unmodifiable {

    private Unmodifiable() {}

    static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(list);
    }

    static <T> Set<T> set(Set<T> set) {
        return set == null ? null : Collections.unmodifiableSet(set);
    }
}
