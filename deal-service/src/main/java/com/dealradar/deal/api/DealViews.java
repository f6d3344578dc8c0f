package com.dealradar.deal.api;

import com.dealradar.deal.domain.Deal;
import com.dealradar.deal.domain.DealStatusChange;
import com.dealradar.deal.domain.DealStatusMachine;
import com.dealradar.deal.domain.DealValue;
import com.dealradar.deal.domain.Money;
import com.dealradar.deal.domain.PartialDate;
import com.dealradar.deal.domain.Participant;
import com.dealradar.platform.provenance.Precision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Entity to API shapes, and back to the writable input shape that PATCH merges into. */
public final class DealViews {

    private DealViews() {}

    public static DealView view(Deal d) {
        return new DealView(
                d.id,
                d.title,
                d.type,
                d.status,
                DealStatusMachine.allowedNext(d.type, d.status),
                d.confidence,
                date(d.announcedOn, d.announcedPrecision),
                date(d.completedOn, d.completedPrecision),
                money(d.value),
                decimal(d.valueUsd),
                d.stakePercent == null ? null : d.stakePercent.stripTrailingZeros(),
                d.regions.stream().sorted().toList(),
                participants(d),
                d.description,
                List.copyOf(d.sources),
                d.createdAt,
                d.updatedAt);
    }

    public static DealInput input(Deal d) {
        return new DealInput(
                d.title,
                d.type,
                d.status,
                d.confidence,
                date(d.announcedOn, d.announcedPrecision),
                date(d.completedOn, d.completedPrecision),
                money(d.value),
                d.stakePercent == null ? null : d.stakePercent.stripTrailingZeros(),
                d.regions.stream().sorted().toList(),
                participants(d),
                d.description,
                List.copyOf(d.sources));
    }

    public static StatusChangeView view(DealStatusChange c) {
        return new StatusChangeView(
                c.id,
                c.sequence,
                c.fromStatus,
                c.toStatus,
                date(c.effectiveOn, c.effectivePrecision),
                c.note,
                c.source,
                c.recordedAt);
    }

    private static List<Participant> participants(Deal d) {
        return d.participants.stream()
                .map(p -> new Participant(p.companyId, p.role, p.note))
                .toList();
    }

    static PartialDate date(LocalDate firstDay, Precision precision) {
        return firstDay == null || precision == null ? null : new PartialDate(precision.format(firstDay), precision);
    }

    static Money money(DealValue v) {
        if (v == null || v.currency == null) {
            return null;
        }
        return new Money(
                decimal(v.amount),
                decimal(v.amountMin),
                decimal(v.amountMax),
                v.currency,
                decimal(v.amountUsd),
                decimal(v.amountUsdMin),
                decimal(v.amountUsdMax),
                Boolean.TRUE.equals(v.estimated));
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
