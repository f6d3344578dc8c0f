package com.dealradar.region.domain;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.region.client.References;
import com.dealradar.region.persistence.CertificationRepository;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
public class CertificationService {

    private final CertificationRepository certifications;
    private final MatterRepository matters;
    private final RegionRepository regions;
    private final Today today;
    private final References references;

    CertificationService(
            CertificationRepository certifications,
            MatterRepository matters,
            RegionRepository regions,
            Today today,
            References references) {
        this.certifications = certifications;
        this.references = references;
        this.matters = matters;
        this.regions = regions;
        this.today = today;
    }

    public Certification get(UUID id) {
        return certifications.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Certification", id));
    }

    /** A page of certifications, their status as of today in their regions. */
    public List<Certification> search(CertificationRepository.Filter filter, Cursor after, int limit) {
        return certifications.search(filter, today.everywhere(), after, limit);
    }

    /**
     * Records a new certification: its company is first looked up in company-service, outside any transaction (422
     * when unknown, 503 when it cannot say), then one transaction writes it.
     */
    public <R> R create(CertificationDraft input, Function<Certification, R> answer) {
        requireCompany(input, null);
        return QuarkusTransaction.requiringNew().call(() -> answer.apply(create(UUID.randomUUID(), input)));
    }

    @Transactional
    public Certification create(UUID id, CertificationDraft input) {
        Certification certification = new Certification();
        certification.id = id;
        certification.createdAt = today.now();
        apply(certification, input);
        certifications.persistAndFlush(certification);
        return certification;
    }

    /**
     * Replaces the certification with what {@code change} makes of it: If-Match and the change are first computed on
     * the certification as last read, a company the change names instead is looked up outside any transaction, then
     * one short transaction checks If-Match again against the row it changes.
     */
    public <R> R replace(
            UUID id,
            VersionCheck expected,
            Function<Certification, CertificationDraft> change,
            Function<Certification, R> answer) {
        record Snapshot(CertificationDraft draft, UUID companyId) {}
        Snapshot before = QuarkusTransaction.requiringNew().call(() -> {
            Certification certification = get(id);
            expected.check(certification.version);
            return new Snapshot(change.apply(certification), certification.companyId);
        });
        requireCompany(before.draft(), before.companyId());
        // If-Match is required, so the row the second transaction changes is the one the change was checked on.
        return QuarkusTransaction.requiringNew().call(() -> {
            Certification certification = get(id);
            expected.check(certification.version);
            apply(certification, change.apply(certification));
            certifications.flush();
            return answer.apply(certification);
        });
    }

    /** A company other than {@code current} must exist in company-service (422; 503 when it cannot say). */
    private void requireCompany(CertificationDraft input, UUID current) {
        if (input.companyId() != null
                && !input.companyId().equals(current)
                && !references.unknownCompanies(List.of(input.companyId())).isEmpty()) {
            throw ProblemException.unprocessable(
                    "companyId", "company " + input.companyId() + " does not exist in company-service");
        }
    }

    private void apply(Certification c, CertificationDraft input) {
        if (input.validFrom() != null
                && input.validTo() != null
                && input.validTo().isBefore(input.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        if (input.regionCode() != null
                && regions.findByIdOptional(input.regionCode()).isEmpty()) {
            throw ProblemException.unprocessable("regionCode", "region " + input.regionCode() + " does not exist");
        }
        if (input.matterId() != null
                && matters.findByIdOptional(input.matterId()).isEmpty()) {
            throw ProblemException.unprocessable(
                    "matterId", "regulatory matter " + input.matterId() + " does not exist");
        }
        c.companyId = input.companyId();
        c.regionCode = input.regionCode();
        c.scheme = input.scheme();
        c.reportType = input.reportType();
        c.scope = input.scope();
        c.auditor = input.auditor();
        c.validFrom = input.validFrom();
        c.validTo = input.validTo();
        c.status = input.status();
        c.matterId = input.matterId();
        c.basis = input.basis();
        c.basisNote = input.basisNote();
        c.sources.clear();
        c.sources.addAll(RegionService.orEmpty(input.sources()));
        c.updatedAt = today.now();
    }
}
