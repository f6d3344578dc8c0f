package com.dealradar.region.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The generic status of a regulatory matter; each regime maps its own terms onto it (DESIGN.md).
 * Constants are the wire values. Clock-stop is a flag of the matter, not a status.
 *
 * <pre>
 * anticipated | not_assessed -> not_required | prefiling | notified
 * prefiling -> notified;  notified -> accepted | rejected;  rejected -> notified;  accepted -> phase1
 * phase1 -> cleared | phase2;  phase2 -> cleared | cleared_with_conditions | prohibited
 * any open status -> withdrawn
 * </pre>
 */
public enum MatterStatus {
    /** expected from the facts or the press, nobody has filed yet */
    anticipated,
    /** recorded, whether the regime applies is not yet assessed */
    not_assessed,
    /** the regime turned out not to apply (terminal) */
    not_required,
    /** pre-notification contacts with the authority */
    prefiling,
    /** notification filed */
    notified,
    /** notification rejected as incomplete; may be filed again */
    rejected,
    /** notification accepted as complete; the review clock starts */
    accepted,
    phase1,
    phase2,
    cleared,
    cleared_with_conditions,
    prohibited,
    withdrawn;

    public static final Set<MatterStatus> ENTRY = EnumSet.of(anticipated, not_assessed);
    public static final Set<MatterStatus> TERMINAL =
            EnumSet.of(not_required, cleared, cleared_with_conditions, prohibited, withdrawn);
    public static final Set<MatterStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(TERMINAL));

    public boolean isOpen() {
        return !TERMINAL.contains(this);
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** The statuses this one may change to. */
    public Set<MatterStatus> next() {
        Set<MatterStatus> next = switch (this) {
            case anticipated, not_assessed -> EnumSet.of(not_required, prefiling, notified);
            case prefiling -> EnumSet.of(notified);
            case notified -> EnumSet.of(accepted, rejected);
            case rejected -> EnumSet.of(notified);
            case accepted -> EnumSet.of(phase1);
            case phase1 -> EnumSet.of(cleared, phase2);
            case phase2 -> EnumSet.of(cleared, cleared_with_conditions, prohibited);
            case not_required, cleared, cleared_with_conditions, prohibited, withdrawn ->
                EnumSet.noneOf(MatterStatus.class);
        };
        if (isOpen()) {
            next.add(withdrawn);
        }
        return next;
    }

    public boolean canChangeTo(MatterStatus target) {
        return next().contains(target);
    }

    /** A decision ends the review: its date is the matter's decision date. */
    public boolean isDecision() {
        return isTerminal();
    }
}
