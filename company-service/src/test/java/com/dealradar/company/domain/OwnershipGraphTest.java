package com.dealradar.company.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OwnershipGraphTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    @Test
    void selfOwnershipIsACycle() {
        assertThat(OwnershipGraph.cycleIfLinked(a, a, Map.of())).contains(java.util.List.of(a));
    }

    @Test
    void closingAChainIsACycleAndTheChainIsReported() {
        Map<UUID, Set<UUID>> holdings = Map.of(a, Set.of(b), b, Set.of(c));
        assertThat(OwnershipGraph.cycleIfLinked(c, a, holdings)).contains(java.util.List.of(a, b, c));
    }

    @Test
    void diamondsAndUnrelatedLinksAreAllowed() {
        Map<UUID, Set<UUID>> holdings = Map.of(a, Set.of(b, c), b, Set.of(d), c, Set.of(d));
        assertThat(OwnershipGraph.cycleIfLinked(a, d, holdings)).isEmpty();
        assertThat(OwnershipGraph.cycleIfLinked(d, UUID.randomUUID(), holdings)).isEmpty();
        assertThat(OwnershipGraph.cycleIfLinked(d, a, holdings)).isPresent();
    }
}
