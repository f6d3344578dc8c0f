package com.dealradar.deal.persistence;

import com.dealradar.deal.domain.Confidence;
import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.domain.DealType;
import com.dealradar.deal.domain.ParticipantRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of the deal list; null means "any". All given filters must hold. {@code role} without
 * {@code company} means deals having any participant in that role. Dates compare the first day of the
 * announced date; USD values compare {@code Deal#valueUsd}. Bounds are inclusive.
 */
public record DealFilter(
        UUID company,
        ParticipantRole role,
        DealType type,
        DealStatus status,
        Confidence confidence,
        String region,
        LocalDate announcedFrom,
        LocalDate announcedTo,
        BigDecimal valueUsdMin,
        BigDecimal valueUsdMax,
        Set<UUID> ids) {

    /** The same filters for the deals of {@code company}. */
    public DealFilter withCompany(UUID company) {
        return new DealFilter(
                company,
                role,
                type,
                status,
                confidence,
                region,
                announcedFrom,
                announcedTo,
                valueUsdMin,
                valueUsdMax,
                ids);
    }
}
