package com.dealradar.region.domain;

import com.dealradar.platform.persistence.AuditedEntity;
import com.dealradar.platform.provenance.Source;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A certification or attestation of a company's service (e.g. a BSI C5 attestation of a cloud service). */
@Entity
@Table(name = "certification")
public class Certification extends AuditedEntity {

    /** Recorded statuses that turn into expired once the validity has passed. */
    public static final Set<CertificationStatus> LAPSING =
            EnumSet.of(CertificationStatus.attested, CertificationStatus.qualified);

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "region_code", length = 2)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public CertificationScheme scheme;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_type", length = 20)
    public ReportType reportType;

    @Column(length = 2000)
    public String scope;

    @Column(length = 200)
    public String auditor;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CertificationStatus status;

    @Column(name = "matter_id")
    public UUID matterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Basis basis;

    @Column(name = "basis_note", length = 2000)
    public String basisNote;

    @ElementCollection
    @CollectionTable(name = "certification_source", joinColumns = @JoinColumn(name = "certification_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    /** The status as of {@code today}: an attestation past its validity reads as expired without anyone editing it. */
    public CertificationStatus statusOn(LocalDate today) {
        return effectiveStatus(status, validTo, today);
    }

    public static CertificationStatus effectiveStatus(
            CertificationStatus recorded, LocalDate validTo, LocalDate today) {
        if (LAPSING.contains(recorded) && validTo != null && validTo.isBefore(today)) {
            return CertificationStatus.expired;
        }
        return recorded;
    }
}
