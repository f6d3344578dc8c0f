package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Source;
import java.time.LocalDate;
import java.util.List;

/** A regulatory regime as a write states it: the command {@link RegimeService} applies its rules to. */
public record RegimeDraft(
        String code,
        String name,
        String regionCode,
        RegimeKind kind,
        List<AuthorityPeriod> authorities,
        Boolean mandatory,
        Boolean suspensory,
        LocalDate inForceFrom,
        LocalDate inForceTo,
        String legalBasis,
        String description,
        List<TriggerRule> triggerRules,
        List<StatutoryClock> clocks,
        List<Source> sources,
        List<RegimeVersion> versions) {}
