package com.dealradar.region.domain;

import static com.dealradar.region.domain.MatterStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of statuses: allowed exactly when DESIGN.md's machine says so. */
class MatterStatusTest {

    private static final Map<MatterStatus, Set<MatterStatus>> DESIGN = Map.ofEntries(
            Map.entry(anticipated, EnumSet.of(not_required, prefiling, notified, withdrawn)),
            Map.entry(not_assessed, EnumSet.of(not_required, prefiling, notified, withdrawn)),
            Map.entry(prefiling, EnumSet.of(notified, withdrawn)),
            Map.entry(notified, EnumSet.of(accepted, rejected, withdrawn)),
            Map.entry(rejected, EnumSet.of(notified, withdrawn)),
            Map.entry(accepted, EnumSet.of(phase1, withdrawn)),
            Map.entry(phase1, EnumSet.of(cleared, phase2, withdrawn)),
            Map.entry(phase2, EnumSet.of(cleared, cleared_with_conditions, prohibited, withdrawn)),
            Map.entry(not_required, EnumSet.noneOf(MatterStatus.class)),
            Map.entry(cleared, EnumSet.noneOf(MatterStatus.class)),
            Map.entry(cleared_with_conditions, EnumSet.noneOf(MatterStatus.class)),
            Map.entry(prohibited, EnumSet.noneOf(MatterStatus.class)),
            Map.entry(withdrawn, EnumSet.noneOf(MatterStatus.class)));

    @Test
    void everyAllowedAndForbiddenTransition() {
        assertThat(DESIGN).hasSize(MatterStatus.values().length);
        int checked = 0;
        for (MatterStatus from : MatterStatus.values()) {
            for (MatterStatus to : MatterStatus.values()) {
                assertThat(from.canChangeTo(to))
                        .as(from + " -> " + to)
                        .isEqualTo(DESIGN.get(from).contains(to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(169);
    }

    @Test
    void openAndTerminal() {
        assertThat(MatterStatus.TERMINAL)
                .containsExactlyInAnyOrder(not_required, cleared, cleared_with_conditions, prohibited, withdrawn);
        for (MatterStatus status : MatterStatus.values()) {
            assertThat(status.isOpen()).isEqualTo(!status.isTerminal());
            assertThat(status.canChangeTo(withdrawn))
                    .as(status + " -> withdrawn")
                    .isEqualTo(status.isOpen());
            assertThat(status.next().isEmpty()).isEqualTo(status.isTerminal());
        }
        assertThat(MatterStatus.ENTRY).containsExactlyInAnyOrder(anticipated, not_assessed);
        assertThat(rejected.isOpen()).isTrue();
    }

    @Test
    void noStatusLeadsBackToAnEntryStatus() {
        for (MatterStatus from : MatterStatus.values()) {
            assertThat(from.next()).doesNotContain(anticipated, not_assessed);
        }
    }
}
