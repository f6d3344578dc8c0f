package com.dealradar.region.domain;

import com.dealradar.platform.persistence.SeededEntity;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A regulatory regime of one region: who decides, whether filing is mandatory and suspensory, its rules and clocks. */
@Entity
@Table(name = "regime")
public class Regime extends SeededEntity {

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
    @Column(nullable = false)
    public List<AuthorityPeriod> authorities = List.of();

    @Convert(converter = JsonColumn.TriggerRules.class)
    @Column(name = "trigger_rules", nullable = false)
    public List<TriggerRule> triggerRules = List.of();

    @Convert(converter = JsonColumn.Clocks.class)
    @Column(nullable = false)
    public List<StatutoryClock> clocks = List.of();

    /**
     * The regime's rules over time, oldest first. Empty for a regime whose rules never changed: then the
     * top-level flags, rules and clocks are its only version. When given, the top-level flags are the defaults of
     * versions that give none, and the top-level rules and clocks are empty.
     */
    @Convert(converter = JsonColumn.Versions.class)
    @Column(nullable = false)
    public List<RegimeVersion> versions = List.of();

    @ElementCollection
    @CollectionTable(name = "regime_source", joinColumns = @JoinColumn(name = "regime_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    public boolean inForceOn(LocalDate day) {
        return (inForceFrom == null || !day.isBefore(inForceFrom)) && (inForceTo == null || !day.isAfter(inForceTo));
    }

    /**
     * The authority in charge on {@code day}. When none covers the day (the regime was not in force), the first
     * one before its period and the last one after it.
     */
    public String authorityOn(LocalDate day) {
        if (authorities.isEmpty()) {
            return null;
        }
        Optional<AuthorityPeriod> covering =
                authorities.stream().filter(a -> a.coversDay(day)).findFirst();
        AuthorityPeriod first = authorities.getFirst();
        return covering.orElse(first.from() != null && day.isBefore(first.from()) ? first : authorities.getLast())
                .name();
    }

    /**
     * The version in force on {@code day}, with the regime's flags filled in where the version leaves them out.
     * Before the first version the first one answers, after the last the last one (the regime is then not in
     * force, which the caller checks).
     */
    public RegimeVersion versionOn(LocalDate day) {
        if (versions.isEmpty()) {
            return new RegimeVersion(
                    "single",
                    "the regime's only version",
                    inForceFrom,
                    inForceTo,
                    mandatory,
                    suspensory,
                    triggerRules,
                    clocks,
                    null);
        }
        RegimeVersion found = versions.stream()
                .filter(v -> v.covers(day))
                .findFirst()
                .orElse(
                        versions.getFirst().validFrom() != null
                                        && day.isBefore(versions.getFirst().validFrom())
                                ? versions.getFirst()
                                : versions.getLast());
        return complete(found);
    }

    /** {@code version} with the regime's flags where it gives none. */
    public RegimeVersion complete(RegimeVersion version) {
        return new RegimeVersion(
                version.code(),
                version.label(),
                version.validFrom() != null ? version.validFrom() : inForceFrom,
                version.validTo() != null ? version.validTo() : (version == versions.getLast() ? inForceTo : null),
                version.mandatory() != null ? version.mandatory() : mandatory,
                version.suspensory() != null ? version.suspensory() : suspensory,
                version.rulesOrEmpty(),
                version.clocksOrEmpty(),
                version.note());
    }

    /**
     * Every clock of every version. Not what a matter's extension is checked against (that is the version in force when
     * its clock started, {@code MatterService.versionOfClock}); only for naming a clock that exists in another version.
     */
    public List<StatutoryClock> allClocks() {
        if (versions.isEmpty()) {
            return clocks;
        }
        return versions.stream().flatMap(v -> v.clocksOrEmpty().stream()).toList();
    }

    /** The facts of the version in force on {@code day}. */
    public TriggerEvaluator.RegimeFacts facts(LocalDate day) {
        RegimeVersion version = versionOn(day);
        return new TriggerEvaluator.RegimeFacts(
                code,
                regionCode,
                version.mandatory(),
                version.suspensory(),
                inForceFrom,
                inForceTo,
                version.rulesOrEmpty());
    }
}
