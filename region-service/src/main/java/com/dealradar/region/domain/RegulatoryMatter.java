package com.dealradar.region.domain;

import com.dealradar.platform.persistence.AuditedEntity;
import com.dealradar.platform.provenance.Precision;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One review of one deal (or one company) under one regime. */
@Entity
@Table(name = "regulatory_matter")
public class RegulatoryMatter extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "deal_id")
    public UUID dealId;

    @Column(name = "company_id")
    public UUID companyId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "regime_id", nullable = false)
    public Regime regime;

    @Column(name = "region_code", nullable = false, length = 2)
    public String regionCode;

    @Column(length = 300)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public MatterStatus status;

    @Column(length = 200)
    public String stage;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    /** How much of {@link #openedOn} is known; null: the day. */
    @Enumerated(EnumType.STRING)
    @Column(name = "opened_precision", length = 5)
    public Precision openedPrecision;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(length = 2000)
    public String outcome;

    @ElementCollection
    @CollectionTable(name = "matter_condition", joinColumns = @JoinColumn(name = "matter_id"))
    @OrderColumn(name = "position")
    @Column(name = "description", length = 2000, nullable = false)
    public List<String> conditions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "matter_clock_stop", joinColumns = @JoinColumn(name = "matter_id"))
    @OrderColumn(name = "position")
    public List<ClockStop> clockStops = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "matter_extension", joinColumns = @JoinColumn(name = "matter_id"))
    @OrderColumn(name = "position")
    public List<AppliedExtension> extensions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "matter_status_change", joinColumns = @JoinColumn(name = "matter_id"))
    @OrderColumn(name = "position")
    public List<StatusChange> history = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Basis basis;

    @Column(name = "basis_note", length = 2000)
    public String basisNote;

    @ElementCollection
    @CollectionTable(name = "matter_source", joinColumns = @JoinColumn(name = "matter_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    /** Open under a mandatory, suspensory regime: the deal may not complete. */
    public boolean blocking() {
        return status.isOpen() && regime.blocksCompletion();
    }

    /** The history entry of the last time the matter entered {@code status}, if any. */
    public StatusChange lastEntryInto(MatterStatus wanted) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == wanted) {
                return history.get(i);
            }
        }
        return null;
    }

    public boolean clockStoppedOn(LocalDate day) {
        return clockStops.stream().anyMatch(s -> !day.isBefore(s.from()) && (s.to() == null || !day.isAfter(s.to())));
    }
}
