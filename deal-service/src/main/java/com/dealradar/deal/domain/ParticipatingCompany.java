package com.dealradar.deal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One company taking part in a deal (in one or more roles), with copies of the deal's status and announced date: a
 * search row, so that a company's deals of a status, newest first, are one ordered index range (table deal_company)
 * instead of a walk over every deal of that status checked for the company. {@link Deal#refreshParticipatingCompanies}
 * keeps the copies equal to the deal's own fields.
 */
@Embeddable
public class ParticipatingCompany {

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    public DealStatus status;

    @Column(name = "announced_on")
    public LocalDate announcedOn;

    public ParticipatingCompany() {}

    ParticipatingCompany(UUID companyId, DealStatus status, LocalDate announcedOn) {
        this.companyId = companyId;
        this.status = status;
        this.announcedOn = announcedOn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipatingCompany other
                && companyId.equals(other.companyId)
                && status == other.status
                && Objects.equals(announcedOn, other.announcedOn);
    }

    @Override
    public int hashCode() {
        return companyId.hashCode();
    }
}
