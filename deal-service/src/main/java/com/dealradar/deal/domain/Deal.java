package com.dealradar.deal.domain;

import com.dealradar.platform.persistence.AuditedEntity;
import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.provenance.Source;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "deal")
public class Deal extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public DealType type;

    /** Changed only through {@link DealService#changeStatus}, which keeps the history. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DealStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Confidence confidence;

    /** First day of the announced date; its precision says how much of it is known. */
    @Column(name = "announced_on")
    public LocalDate announcedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "announced_precision", length = 5)
    public Precision announcedPrecision;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "completed_precision", length = 5)
    public Precision completedPrecision;

    @Embedded
    public DealValue value;

    /** {@link DealValue#comparableUsd()}, kept in a column so that lists can filter and sort on it. */
    @Column(name = "value_usd", precision = 20, scale = 4)
    public BigDecimal valueUsd;

    @Column(name = "stake_percent", precision = 5, scale = 2)
    public BigDecimal stakePercent;

    /** ISO 3166-1 alpha-2 codes of the regions the deal touches. */
    @ElementCollection
    @CollectionTable(name = "deal_region", joinColumns = @JoinColumn(name = "deal_id"))
    @Column(name = "region", length = 2, nullable = false)
    public Set<String> regions = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "deal_participant", joinColumns = @JoinColumn(name = "deal_id"))
    @OrderColumn(name = "position")
    public List<DealParticipant> participants = new ArrayList<>();

    /**
     * Search rows derived from {@link #participants}, {@link #status} and {@link #announcedOn}, read only by the deal
     * list's company filter; {@link #refreshParticipatingCompanies} keeps them up to date.
     */
    @ElementCollection
    @CollectionTable(name = "deal_company", joinColumns = @JoinColumn(name = "deal_id"))
    Set<ParticipatingCompany> participatingCompanies = new HashSet<>();

    @Column(length = 4000)
    public String description;

    @ElementCollection
    @CollectionTable(name = "deal_source", joinColumns = @JoinColumn(name = "deal_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    /**
     * Brings the search rows in line with the participants, status and announced date; every write that changes
     * one of them calls this before its transaction ends. A changed set is replaced as a whole (one delete of the
     * deal's rows, then the inserts): a deal has two or three participants, and a set of embeddables with a nullable
     * column cannot be updated row by row reliably.
     */
    void refreshParticipatingCompanies() {
        Set<ParticipatingCompany> current = new HashSet<>();
        participants.forEach(p -> current.add(new ParticipatingCompany(p.companyId, status, announcedOn)));
        if (!current.equals(participatingCompanies)) {
            participatingCompanies = current;
        }
    }
}
