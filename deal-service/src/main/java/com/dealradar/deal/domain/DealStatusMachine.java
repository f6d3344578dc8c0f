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

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The deal status machine of DESIGN.md, as a pure function of the deal type and the current status:
 * <pre>
 * rumored          -> in_talks | announced | abandoned
 * in_talks         -> announced | abandoned
 * announced        -> pending_approval | completed | abandoned
 * pending_approval -> completed | blocked | abandoned
 * completed        -> active           (ongoing types only: partnership, hosting_reseller, joint_venture)
 * active           -> terminated       (ongoing types only)
 * blocked, abandoned, terminated: final
 * </pre>
 * A deal may be created in any status its type can reach (we often learn of a deal late), but every
 * later change must be one of these. Whether a deal may complete also depends on its regulatory
 * matters; that is checked by the service, not here.
 */
public final class DealStatusMachine {

    private static final Map<DealStatus, Set<DealStatus>> COMMON = new EnumMap<>(DealStatus.class);
    private static final Map<DealStatus, Set<DealStatus>> ONGOING_ONLY = new EnumMap<>(DealStatus.class);

    static {
        COMMON.put(rumored, EnumSet.of(in_talks, announced, abandoned));
        COMMON.put(in_talks, EnumSet.of(announced, abandoned));
        COMMON.put(announced, EnumSet.of(pending_approval, completed, abandoned));
        COMMON.put(pending_approval, EnumSet.of(completed, blocked, abandoned));
        ONGOING_ONLY.put(completed, EnumSet.of(active));
        ONGOING_ONLY.put(active, EnumSet.of(terminated));
    }

    private DealStatusMachine() {}

    /** The statuses a deal of {@code type} may change to from {@code from}, in declaration order; empty when final. */
    public static Set<DealStatus> allowedNext(DealType type, DealStatus from) {
        EnumSet<DealStatus> next = EnumSet.noneOf(DealStatus.class);
        next.addAll(COMMON.getOrDefault(from, Set.of()));
        if (type.isOngoing()) {
            next.addAll(ONGOING_ONLY.getOrDefault(from, Set.of()));
        }
        return Collections.unmodifiableSet(next);
    }

    public static boolean isAllowed(DealType type, DealStatus from, DealStatus to) {
        return allowedNext(type, from).contains(to);
    }

    /** Whether a deal of {@code type} can ever be in {@code status}: active and terminated only for ongoing types. */
    public static boolean isReachable(DealType type, DealStatus status) {
        return type.isOngoing() || (status != active && status != terminated);
    }

    public static boolean isFinal(DealType type, DealStatus status) {
        return allowedNext(type, status).isEmpty();
    }
}
