package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Source;
import java.util.List;

/** A region as a write states it: the command {@link RegionService} applies its rules to. */
public record RegionDraft(
        String code,
        String name,
        String description,
        List<Source> sources,
        RegionKind kind,
        List<Membership> members,
        String timeZone) {}
