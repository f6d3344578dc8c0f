package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.provenance.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A regulatory matter as a write states it: the command {@link MatterService} applies its rules to. */
public record MatterDraft(
        UUID dealId,
        UUID companyId,
        String regimeCode,
        String triggerRule,
        String title,
        MatterStatus status,
        String stage,
        LocalDate openedOn,
        Precision openedPrecision,
        LocalDate decidedOn,
        String outcome,
        List<String> conditions,
        List<ClockStop> clockStops,
        List<AppliedExtension> extensions,
        Basis basis,
        String basisNote,
        List<Source> sources) {}
