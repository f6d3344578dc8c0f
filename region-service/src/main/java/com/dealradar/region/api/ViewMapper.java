package com.dealradar.region.api;

import com.dealradar.region.domain.Certification;
import com.dealradar.region.domain.MatterService;
import com.dealradar.region.domain.Regime;
import com.dealradar.region.domain.RegimeService;
import com.dealradar.region.domain.RegimeVersion;
import com.dealradar.region.domain.Region;
import com.dealradar.region.domain.RegionKind;
import com.dealradar.region.domain.RegulatoryMatter;
import com.dealradar.region.domain.Today;
import com.dealradar.region.domain.TriggerRule;
import com.dealradar.region.holidays.HolidayCalendars;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Entities to API shapes, and back to the writable input shapes that PATCH merges into. */
@ApplicationScoped
public class ViewMapper {

    private final RegimeService regimes;
    private final MatterService matters;
    private final HolidayCalendars calendars;
    private final Today today;

    ViewMapper(RegimeService regimes, MatterService matters, HolidayCalendars calendars, Today today) {
        this.regimes = regimes;
        this.matters = matters;
        this.calendars = calendars;
        this.today = today;
    }

    public Views.RegionView region(Region r, boolean withRegimes) {
        LocalDate day = today.in(r.code);
        List<Views.RegimeSummary> list = withRegimes
                ? regimes.ofRegion(r.code).stream().map(g -> summary(g, day)).toList()
                : null;
        boolean union = r.kind == RegionKind.supranational;
        return new Views.RegionView(
                r.code,
                r.name,
                r.description,
                r.kind,
                union ? List.copyOf(r.members) : null,
                union ? r.membersOn(day) : null,
                r.timeZone,
                calendars.forRegion(r.code).description(),
                list,
                List.copyOf(r.sources),
                r.createdAt,
                r.updatedAt);
    }

    static Views.RegimeSummary summary(Regime g, LocalDate day) {
        RegimeVersion now = g.versionOn(day);
        return new Views.RegimeSummary(
                g.id,
                g.code,
                g.name,
                g.kind,
                now.mandatory(),
                now.suspensory(),
                g.inForceFrom,
                g.inForceTo,
                g.inForceOn(day));
    }

    public Views.RegimeView regime(Regime g) {
        return regime(g, today.in(g.regionCode));
    }

    /** The regime as it stood on {@code day}: its authority, flags, rules, clocks and version then. */
    public Views.RegimeView regime(Regime g, LocalDate day) {
        RegimeVersion now = g.versionOn(day);
        return new Views.RegimeView(
                g.id,
                g.code,
                g.name,
                g.regionCode,
                g.kind,
                g.authorityOn(day),
                g.authorities,
                now.mandatory(),
                now.suspensory(),
                g.inForceFrom,
                g.inForceTo,
                g.inForceOn(day),
                g.legalBasis,
                g.description,
                now.rulesOrEmpty(),
                now.clocksOrEmpty(),
                List.copyOf(g.sources),
                g.createdAt,
                g.updatedAt,
                g.versions.isEmpty() ? null : g.versions,
                g.versions.isEmpty() ? null : now.code());
    }

    public static RegionInput input(Region r) {
        return new RegionInput(
                r.code,
                r.name,
                r.description,
                List.copyOf(r.sources),
                r.kind,
                r.kind == RegionKind.supranational ? List.copyOf(r.members) : null,
                r.timeZone);
    }

    public static RegimeInput input(Regime g) {
        boolean versioned = !g.versions.isEmpty();
        return new RegimeInput(
                g.code,
                g.name,
                g.regionCode,
                g.kind,
                g.authorities,
                g.mandatory,
                g.suspensory,
                g.inForceFrom,
                g.inForceTo,
                g.legalBasis,
                g.description,
                versioned ? null : g.triggerRules,
                versioned ? null : g.clocks,
                List.copyOf(g.sources),
                versioned ? g.versions : null);
    }

    /**
     * The matter's regime with the flags of the version that governs the matter (in force on its day), or of the
     * matter's trigger rule where it has its own.
     */
    private static Views.RegimeRef regimeRef(RegulatoryMatter m, LocalDate today) {
        Regime g = m.regime;
        RegimeVersion rules = m.rules(today);
        TriggerRule rule = m.rule(rules);
        return new Views.RegimeRef(g.id, g.code, g.name, rules.mandatoryUnder(rule), rules.suspensoryUnder(rule));
    }

    public Views.MatterView matter(RegulatoryMatter m) {
        LocalDate day = today.in(m.regionCode);
        return new Views.MatterView(
                m.id,
                m.dealId,
                m.companyId,
                regimeRef(m, day),
                m.triggerRule,
                m.regionCode,
                m.title,
                m.status,
                m.status.isOpen(),
                m.blocking(day),
                m.status.next(),
                m.stage,
                m.openedOn,
                m.openedPrecision,
                m.decidedOn,
                m.outcome,
                List.copyOf(m.conditions),
                List.copyOf(m.clockStops),
                m.clockStoppedOn(day),
                List.copyOf(m.extensions),
                matters.deadline(m).orElse(null),
                m.basis,
                m.basisNote,
                List.copyOf(m.sources),
                List.copyOf(m.history),
                m.createdAt,
                m.updatedAt);
    }

    public static MatterInput input(RegulatoryMatter m) {
        return new MatterInput(
                m.dealId,
                m.companyId,
                m.regime.code,
                m.triggerRule,
                m.title,
                m.status,
                m.stage,
                m.openedOn,
                m.openedPrecision,
                m.decidedOn,
                m.outcome,
                List.copyOf(m.conditions),
                List.copyOf(m.clockStops),
                List.copyOf(m.extensions),
                m.basis,
                m.basisNote,
                List.copyOf(m.sources));
    }

    public Views.CertificationView certification(Certification c) {
        return new Views.CertificationView(
                c.id,
                c.companyId,
                c.regionCode,
                c.scheme,
                c.scheme.displayName(),
                c.reportType,
                c.scope,
                c.auditor,
                c.validFrom,
                c.validTo,
                c.statusOn(today.in(c.regionCode)),
                c.status,
                c.matterId,
                c.basis,
                c.basisNote,
                List.copyOf(c.sources),
                c.createdAt,
                c.updatedAt);
    }

    public static CertificationInput input(Certification c) {
        return new CertificationInput(
                c.companyId,
                c.regionCode,
                c.scheme,
                c.reportType,
                c.scope,
                c.auditor,
                c.validFrom,
                c.validTo,
                c.status,
                c.matterId,
                c.basis,
                c.basisNote,
                List.copyOf(c.sources));
    }
}
