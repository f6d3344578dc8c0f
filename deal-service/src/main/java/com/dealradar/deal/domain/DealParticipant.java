package com.dealradar.deal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** A company (owned by company-service, referred to by id) in one role in a deal. */
@Embeddable
public class DealParticipant {

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    public ParticipantRole role;

    @Column(name = "note", length = 500)
    public String note;

    public DealParticipant() {}

    public DealParticipant(UUID companyId, ParticipantRole role, String note) {
        this.companyId = companyId;
        this.role = role;
        this.note = note;
    }
}
