package com.dealradar.company.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ownership must stay acyclic: a company cannot own itself, directly or through a chain of holdings.
 * Works on the edges "owner -> owned ids" so that the rule is testable without a database.
 */
public final class OwnershipGraph {

    private OwnershipGraph() {}

    /**
     * The chain of companies that would close a cycle if {@code owner} came to own {@code owned}
     * (starting at {@code owned} and ending at {@code owner}), or empty when the new link is allowed.
     */
    public static Optional<List<UUID>> cycleIfLinked(UUID owner, UUID owned, Map<UUID, Set<UUID>> holdings) {
        if (owner.equals(owned)) {
            return Optional.of(List.of(owner));
        }
        Deque<List<UUID>> paths = new ArrayDeque<>();
        Set<UUID> seen = new HashSet<>();
        paths.add(List.of(owned));
        while (!paths.isEmpty()) {
            List<UUID> path = paths.poll();
            UUID last = path.getLast();
            if (last.equals(owner)) {
                return Optional.of(path);
            }
            if (seen.add(last)) {
                for (UUID next : holdings.getOrDefault(last, Set.of())) {
                    List<UUID> longer = new ArrayList<>(path);
                    longer.add(next);
                    paths.add(longer);
                }
            }
        }
        return Optional.empty();
    }
}
