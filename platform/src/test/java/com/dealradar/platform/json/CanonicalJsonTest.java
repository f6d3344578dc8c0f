package com.dealradar.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A retry's fingerprint must not depend on the order a set or a map happens to iterate in: that order differs between
 * JVMs (enum hash codes, {@code Set.copyOf}'s salt), so a byte-identical retry reaching another replica was refused
 * with 422 "a different request body" whenever a body held a set of two or more (a company's sectors, a source's
 * inferred fields). The two orders of one set stand in for two JVMs here.
 */
class CanonicalJsonTest {

    enum Sector {
        telecom,
        cloud,
        data_centers
    }

    record Source(String note, Set<String> inferred) {}

    record Body(String name, Set<Sector> sectors, List<Source> sources, Map<String, Integer> counts) {}

    private final CanonicalJson canonical = new CanonicalJson(new ObjectMapper());

    @Test
    void theSameRequestHasOneFingerprintWhateverOrderItsSetsAndMapsIterateIn() {
        Body one = new Body(
                "Vodafone",
                ordered(Sector.telecom, Sector.cloud, Sector.data_centers),
                List.of(new Source("filing", ordered("value", "date"))),
                map("a", 1, "b", 2));
        Body other = new Body(
                "Vodafone",
                ordered(Sector.data_centers, Sector.cloud, Sector.telecom),
                List.of(new Source("filing", ordered("date", "value"))),
                map("b", 2, "a", 1));
        assertThat(canonical.sha256Hex(one))
                .isEqualTo(canonical.sha256Hex(other))
                .hasSize(64);
    }

    @Test
    void aDifferentRequestHasAnotherFingerprint() {
        Body body = new Body("Vodafone", ordered(Sector.telecom), List.of(), Map.of());
        assertThat(canonical.sha256Hex(body))
                .isNotEqualTo(canonical.sha256Hex(new Body("Vodafone", ordered(Sector.cloud), List.of(), Map.of())))
                .isNotEqualTo(canonical.sha256Hex(
                        new Body("Vodafone", ordered(Sector.telecom, Sector.cloud), List.of(), Map.of())))
                .isNotEqualTo(
                        canonical.sha256Hex(new Body("Vodafone plc", ordered(Sector.telecom), List.of(), Map.of())));
        // A list's order is the request's: two sources in the other order are another request.
        Source a = new Source("a", Set.of());
        Source b = new Source("b", Set.of());
        assertThat(canonical.sha256Hex(new Body("x", Set.of(), List.of(a, b), Map.of())))
                .isNotEqualTo(canonical.sha256Hex(new Body("x", Set.of(), List.of(b, a), Map.of())));
    }

    @SafeVarargs
    private static <T> Set<T> ordered(T... elements) {
        return new LinkedHashSet<>(List.of(elements));
    }

    private static Map<String, Integer> map(String k1, int v1, String k2, int v2) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
