package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A certification as a write states it: the command {@link CertificationService} applies its rules to. */
public record CertificationDraft(
        UUID companyId,
        String regionCode,
        CertificationScheme scheme,
        ReportType reportType,
        String scope,
        String auditor,
        LocalDate validFrom,
        LocalDate validTo,
        CertificationStatus status,
        UUID matterId,
        Basis basis,
        String basisNote,
        List<Source> sources) {}
