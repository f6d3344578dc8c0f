package com.dealradar.deal.domain;

import static com.dealradar.deal.domain.DealStatus.abandoned;
import static com.dealradar.deal.domain.DealStatus.active;
import static com.dealradar.deal.domain.DealStatus.announced;
import static com.dealradar.deal.domain.DealStatus.blocked;
import static com.dealradar.deal.domain.DealStatus.completed;
import static com.dealradar.deal.domain.DealStatus.in_talks;
import static com.dealradar.deal.domain.DealStatus.pending_approval;
import static com.dealradar.deal.domain.DealStatus.rumored;
import static com.dealradar.deal.domain.DealStatus.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every (type, from, to) triple against the machine of DESIGN.md, written out independently here. */
class DealStatusMachineTest {

    private static final Map<DealStatus, Set<DealStatus>> EVERY_TYPE = Map.of(
            rumored, Set.of(in_talks, announced, abandoned),
            in_talks, Set.of(announced, abandoned),
            announced, Set.of(pending_approval, completed, abandoned),
            pending_approval, Set.of(completed, blocked, abandoned));

    private static final Map<DealStatus, Set<DealStatus>> ONGOING_ONLY = Map.of(
            completed, Set.of(active),
            active, Set.of(terminated));

    private static final Set<DealType> ONGOING =
            EnumSet.of(DealType.partnership, DealType.hosting_reseller, DealType.joint_venture);

    @Test
    void everyAllowedAndEveryForbiddenTransition() {
        int allowed = 0;
        int forbidden = 0;
        for (DealType type : DealType.values()) {
            for (DealStatus from : DealStatus.values()) {
                for (DealStatus to : DealStatus.values()) {
                    boolean expected = EVERY_TYPE.getOrDefault(from, Set.of()).contains(to)
                            || ONGOING.contains(type)
                                    && ONGOING_ONLY.getOrDefault(from, Set.of()).contains(to);
                    assertThat(DealStatusMachine.isAllowed(type, from, to))
                            .as("%s: %s -> %s", type, from, to)
                            .isEqualTo(expected);
                    assertThat(DealStatusMachine.allowedNext(type, from).contains(to))
                            .isEqualTo(expected);
                    if (expected) {
                        allowed++;
                    } else {
                        forbidden++;
                    }
                }
            }
        }
        // 11 common transitions for 8 types, plus 2 for the 3 ongoing types
        assertThat(allowed).isEqualTo(11 * 8 + 2 * 3);
        assertThat(forbidden).isEqualTo(8 * 9 * 9 - allowed);
    }

    @Test
    void noStatusGoesToItself() {
        for (DealType type : DealType.values()) {
            for (DealStatus status : DealStatus.values()) {
                assertThat(DealStatusMachine.isAllowed(type, status, status)).isFalse();
            }
        }
    }

    @Test
    void finalStatuses() {
        assertThat(DealStatusMachine.isFinal(DealType.acquisition, completed)).isTrue();
        assertThat(DealStatusMachine.isFinal(DealType.partnership, completed)).isFalse();
        for (DealType type : DealType.values()) {
            assertThat(DealStatusMachine.isFinal(type, blocked)).isTrue();
            assertThat(DealStatusMachine.isFinal(type, abandoned)).isTrue();
            assertThat(DealStatusMachine.isFinal(type, terminated)).isTrue();
            assertThat(DealStatusMachine.isFinal(type, rumored)).isFalse();
        }
    }

    @Test
    void activeAndTerminatedOnlyForOngoingTypes() {
        assertThat(DealStatusMachine.isReachable(DealType.acquisition, active)).isFalse();
        assertThat(DealStatusMachine.isReachable(DealType.market_entry, terminated))
                .isFalse();
        assertThat(DealStatusMachine.isReachable(DealType.hosting_reseller, active))
                .isTrue();
        assertThat(DealStatusMachine.isReachable(DealType.acquisition, completed))
                .isTrue();
    }

    @Test
    void allowedNextIsInDeclarationOrder() {
        assertThat(DealStatusMachine.allowedNext(DealType.merger, rumored))
                .containsExactly(in_talks, announced, abandoned);
        assertThat(DealStatusMachine.allowedNext(DealType.joint_venture, completed))
                .containsExactly(active);
    }
}
