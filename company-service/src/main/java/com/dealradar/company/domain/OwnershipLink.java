package com.dealradar.company.domain;

import com.dealradar.platform.persistence.AuditedEntity;
import com.dealradar.platform.provenance.Source;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** "owner holds owned": a subsidiary, division, joint venture or minority stake, over a period. */
@Entity
@Table(name = "ownership_link")
public class OwnershipLink extends AuditedEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    public Company owner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owned_id", nullable = false)
    public Company owned;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public OwnershipLinkType type;

    @Column(name = "stake_percent", precision = 5, scale = 2)
    public BigDecimal stakePercent;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @ElementCollection
    @CollectionTable(name = "ownership_link_source", joinColumns = @JoinColumn(name = "link_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();
}
