package com.dealradar.region.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dealradar.region.domain.DealType;
import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.RegimeVersion;
import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.TriggerRule;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regime columns a converter has read are cached and handed to every later load on every thread, so nothing that
 * holds them may change them: not the lists, and not the sets and lists inside their records.
 */
class UnmodifiableRegimeRecordsTest {

    private static final String VERSIONS = """
            [{"code":"V1","label":"First version",
              "triggerRules":[{"code":"control","description":"Acquisition of control",
                               "dealTypes":["acquisition"],"domesticCountries":["AT"],"sectors":["telecom_operator"]}],
              "clocks":[{"code":"phase1","label":"Phase 1","length":1,"unit":"months","startsAt":"accepted",
                         "runsIn":["accepted","phase1"],
                         "extensions":[{"code":"remedies","label":"Remedies","length":10,"unit":"working_days"}]}]}]
            """;

    @Test
    void aCachedRegimeVersionCannotBeChangedByWhoeverReadsIt() {
        JsonColumn.Versions converter = new JsonColumn.Versions();
        List<RegimeVersion> first = converter.convertToEntityAttribute(VERSIONS);
        RegimeVersion version = first.getFirst();
        TriggerRule rule = version.triggerRules().getFirst();
        StatutoryClock clock = version.clocks().getFirst();

        assertThrows(UnsupportedOperationException.class, () -> first.add(version));
        assertThrows(
                UnsupportedOperationException.class,
                () -> version.triggerRules().clear());
        assertThrows(UnsupportedOperationException.class, () -> version.clocks().removeFirst());
        assertThrows(UnsupportedOperationException.class, () -> rule.dealTypes().add(DealType.merger));
        assertThrows(
                UnsupportedOperationException.class,
                () -> rule.domesticCountries().add("DE"));
        assertThrows(UnsupportedOperationException.class, () -> rule.sectors().clear());
        assertThrows(UnsupportedOperationException.class, () -> clock.runsIn().add(MatterStatus.phase2));
        assertThrows(
                UnsupportedOperationException.class, () -> clock.extensions().clear());

        List<RegimeVersion> again = converter.convertToEntityAttribute(VERSIONS);
        assertSame(first, again, "the second load is served from the cache");
        StatutoryClock cachedClock = again.getFirst().clocks().getFirst();
        assertEquals(2, cachedClock.runsIn().size());
        assertFalse(cachedClock.runsIn().contains(MatterStatus.phase2));
        assertEquals(1, cachedClock.extensions().size());
    }

    @Test
    void aNullElementStillReachesValidationInsteadOfFailingInTheConstructor() {
        TriggerRule rule = new TriggerRule(
                "control",
                "Acquisition of control",
                new HashSet<>(Arrays.asList(DealType.acquisition, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertTrue(rule.dealTypes().contains(null));
        assertEquals(null, rule.sectors(), "an absent condition stays absent");
    }
}
