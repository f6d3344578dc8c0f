package com.dealradar.company.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The owners' stakes in one company may not add up to more than 100% at any time. Links have validity periods
 * (validFrom and validTo, both inclusive, either open), so a stake that ended before another began does not count
 * with it: the total that matters is the largest sum of the stakes valid on one day within the new link's period.
 */
final class Stakes {

    private Stakes() {}

    /** The largest total of {@code draft}'s stake and the {@code others}' stakes valid on one day of its period. */
    static BigDecimal peakTotal(OwnershipLinkDraft draft, List<OwnershipLink> others) {
        // A sum of intervals peaks where one of them begins; within the draft's period, that is its own start or a
        // later start of another link.
        List<LocalDate> days = new ArrayList<>();
        days.add(draft.validFrom() == null ? LocalDate.MIN : draft.validFrom());
        for (OwnershipLink other : others) {
            if (other.validFrom != null && within(other.validFrom, draft.validFrom(), draft.validTo())) {
                days.add(other.validFrom);
            }
        }
        BigDecimal peak = draft.stakePercent();
        for (LocalDate day : days) {
            BigDecimal total = draft.stakePercent();
            for (OwnershipLink other : others) {
                if (other.stakePercent != null && within(day, other.validFrom, other.validTo)) {
                    total = total.add(other.stakePercent);
                }
            }
            peak = peak.max(total);
        }
        return peak;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
