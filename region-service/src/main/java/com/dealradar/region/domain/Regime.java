package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Source;
import com.dealradar.region.persistence.JsonColumn;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A regulatory regime of one region: who decides, whether filing is mandatory and suspensory, its rules and clocks. */
@Entity
@Table(name = "regime")
public class Regime {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 40)
    public String code;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(name = "region_code", nullable = false, length = 2)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public RegimeKind kind;

    @Column(nullable = false)
    public boolean mandatory;

    @Column(nullable = false)
    public boolean suspensory;

    @Column(name = "in_force_from")
    public LocalDate inForceFrom;

    @Column(name = "in_force_to")
    public LocalDate inForceTo;

    @Column(name = "legal_basis", length = 1000)
    public String legalBasis;

    @Column(length = 4000)
    public String description;

    @Convert(converter = JsonColumn.Authorities.class)
    @Column(nullable = false, length = 4000)
    public List<AuthorityPeriod> authorities = List.of();

    @Convert(converter = JsonColumn.TriggerRules.class)
    @Column(name = "trigger_rules", nullable = false, length = 20000)
    public List<TriggerRule> triggerRules = List.of();

    @Convert(converter = JsonColumn.Clocks.class)
    @Column(nullable = false, length = 20000)
    public List<StatutoryClock> clocks = List.of();

    @ElementCollection
    @CollectionTable(name = "regime_source", joinColumns = @JoinColumn(name = "regime_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean blocksCompletion() {
        return mandatory && suspensory;
    }

    public boolean inForceOn(LocalDate day) {
        return (inForceFrom == null || !day.isBefore(inForceFrom)) && (inForceTo == null || !day.isAfter(inForceTo));
    }

    /** The authority in charge on {@code day}; the latest one when none covers the day. */
    public String authorityOn(LocalDate day) {
        Optional<AuthorityPeriod> covering = authorities.stream().filter(a -> a.coversDay(day)).findFirst();
        return covering.or(() -> authorities.isEmpty() ? Optional.empty() : Optional.of(authorities.getLast()))
                .map(AuthorityPeriod::name).orElse(null);
    }

    /** The clock giving the deadline of a matter in {@code status}, if any. */
    public Optional<StatutoryClock> clockFor(MatterStatus status) {
        return clocks.stream().filter(c -> c.runsIn().contains(status)).findFirst();
    }

    public TriggerEvaluator.RegimeFacts facts() {
        return new TriggerEvaluator.RegimeFacts(code, regionCode, mandatory, suspensory, inForceFrom, inForceTo, triggerRules);
    }
}
