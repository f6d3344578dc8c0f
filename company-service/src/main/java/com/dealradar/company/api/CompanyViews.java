package com.dealradar.company.api;

import com.dealradar.company.domain.Company;
import com.dealradar.company.domain.CompanyService;
import com.dealradar.company.domain.OwnershipLink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Entity to API shapes, and back to the writable input shape that PATCH merges into. */
@ApplicationScoped
public class CompanyViews {

    private final CompanyService service;

    CompanyViews(CompanyService service) {
        this.service = service;
    }

    /** The full view with parents and subsidiaries, for single reads. */
    public CompanyView detailed(Company c) {
        return view(
                c,
                service.ownersOf(c).stream().map(l -> related(l, l.owner)).toList(),
                service.holdingsOf(c).stream().map(l -> related(l, l.owned)).toList());
    }

    /** Without the ownership tree, for lists. */
    public CompanyView summary(Company c) {
        return view(c, null, null);
    }

    private static CompanyView view(Company c, List<RelatedCompany> parents, List<RelatedCompany> subsidiaries) {
        return new CompanyView(
                c.id,
                c.slug,
                c.name,
                c.legalName,
                List.copyOf(c.aliases),
                c.country,
                c.headquartersCity,
                c.kind,
                Set.copyOf(c.sectors),
                c.ownership,
                List.copyOf(c.listings),
                identifiers(c),
                c.description,
                c.status,
                List.copyOf(c.sources),
                parents,
                subsidiaries,
                c.createdAt,
                c.updatedAt);
    }

    public static CompanyInput input(Company c) {
        return new CompanyInput(
                c.slug,
                c.name,
                c.legalName,
                List.copyOf(c.aliases),
                c.country,
                c.headquartersCity,
                c.kind,
                Set.copyOf(c.sectors),
                c.ownership,
                List.copyOf(c.listings),
                identifiers(c),
                c.description,
                c.status,
                List.copyOf(c.sources));
    }

    public static OwnershipLinkView link(OwnershipLink l) {
        return new OwnershipLinkView(
                l.id,
                CompanyRef.of(l.owner),
                CompanyRef.of(l.owned),
                l.type,
                l.stakePercent,
                l.validFrom,
                l.validTo,
                List.copyOf(l.sources),
                l.createdAt,
                l.updatedAt);
    }

    public static OwnershipLinkInput input(OwnershipLink l) {
        return new OwnershipLinkInput(
                l.owner.id, l.owned.id, l.type, l.stakePercent, l.validFrom, l.validTo, List.copyOf(l.sources));
    }

    private static Identifiers identifiers(Company c) {
        return c.lei == null && c.wikidataQid == null ? null : new Identifiers(c.lei, c.wikidataQid);
    }

    private static RelatedCompany related(OwnershipLink l, Company other) {
        return new RelatedCompany(l.id, CompanyRef.of(other), l.type, l.stakePercent, l.validFrom, l.validTo);
    }
}
