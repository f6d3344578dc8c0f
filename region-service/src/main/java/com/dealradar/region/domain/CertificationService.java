package com.dealradar.region.domain;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.region.persistence.CertificationRepository;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegionRepository;
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

    CertificationService(
            CertificationRepository certifications, MatterRepository matters, RegionRepository regions, Today today) {
        this.certifications = certifications;
        this.matters = matters;
        this.regions = regions;
        this.today = today;
    }

    public Certification get(UUID id) {
        return certifications.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Certification", id));
    }

    /** A page of certifications, their status as of today. */
    public List<Certification> search(CertificationRepository.Filter filter, Cursor after, int limit) {
        return certifications.search(filter, today.date(), after, limit);
    }

    @Transactional
    public <R> R create(CertificationDraft input, Function<Certification, R> answer) {
        return answer.apply(create(UUID.randomUUID(), input));
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

    /** Replaces the certification with what {@code change} makes of it, after checking {@code expected} against its row. */
    @Transactional
    public <R> R replace(
            UUID id,
            VersionCheck expected,
            Function<Certification, CertificationDraft> change,
            Function<Certification, R> answer) {
        Certification certification = get(id);
        expected.check(certification.version);
        apply(certification, change.apply(certification));
        certifications.flush();
        return answer.apply(certification);
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
