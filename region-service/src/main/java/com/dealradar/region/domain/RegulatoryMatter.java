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
import java.util.Objects;
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

    /**
     * The code of the regime's trigger rule the review is under, when known; its own mandatory and suspensory flags,
     * where it gives them, decide {@link #blocking}. Null: the version's flags.
     */
    @Column(name = "trigger_rule", length = 40)
    public String triggerRule;

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

    /**
     * Open under a regime whose rules for this matter are mandatory and suspensory: the deal may not complete. The
     * rules are those of the version in force on {@link #rulesDay()} (an AWV review notified in 2019 did not suspend
     * completion; one notified since 17 July 2020 does), or of the version in force {@code today} when the matter has
     * no known day; of its {@link #triggerRule} where that rule has its own flags (an AWV cross-sector review, opened
     * by the ministry of its own motion, never suspends).
     */
    public boolean blocking(LocalDate today) {
        RegimeVersion version = rules(today);
        return status.isOpen() && version.blocksCompletion(rule(version));
    }

    /** The matter's trigger rule in {@code version} (the one that governs it); null when it names none. */
    public TriggerRule rule(RegimeVersion version) {
        return triggerRule == null ? null : version.rule(triggerRule).orElse(null);
    }

    /**
     * The day whose regime version decides the matter's regime-wide facts (mandatory, suspensory): the day it was first
     * notified, else the day it was opened, else its first dated status change; null when none is known.
     */
    public LocalDate rulesDay() {
        for (StatusChange change : history) {
            if (change.status() == MatterStatus.notified && change.exactDay() != null) {
                return change.exactDay();
            }
        }
        if (openedOn != null) {
            return openedOn;
        }
        return history.stream()
                .map(StatusChange::exactDay)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The version of the regime in force on {@link #rulesDay()}, or on {@code today} when no day is known. */
    public RegimeVersion rules(LocalDate today) {
        LocalDate day = rulesDay();
        return regime.versionOn(day != null ? day : today);
    }

    /** The history entry of the last time the matter entered {@code status}, if any. */
    public StatusChange lastEntryInto(MatterStatus wanted) {
        return lastEntryInto(history, wanted);
    }

    /** The last entry of {@code history} into {@code wanted}, if any. */
    static StatusChange lastEntryInto(List<StatusChange> history, MatterStatus wanted) {
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
