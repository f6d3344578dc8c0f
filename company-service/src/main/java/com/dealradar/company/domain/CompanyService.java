package com.dealradar.company.domain;

import com.dealradar.company.api.CompanyInput;
import com.dealradar.company.api.Identifiers;
import com.dealradar.company.api.OwnershipLinkInput;
import com.dealradar.company.persistence.CompanyRepository;
import com.dealradar.company.persistence.OwnershipLinkRepository;
import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rules for writing companies and ownership links. */
@ApplicationScoped
public class CompanyService {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final CompanyRepository companies;
    private final OwnershipLinkRepository links;

    CompanyService(CompanyRepository companies, OwnershipLinkRepository links) {
        this.companies = companies;
        this.links = links;
    }

    /** By UUID, or by slug when {@code idOrSlug} is not a UUID. 404 when neither finds one. */
    public Company get(String idOrSlug) {
        UUID id = QueryParams.asUuid(idOrSlug).orElse(null);
        return (id != null ? companies.findByIdOptional(id) : companies.findBySlug(idOrSlug))
                .orElseThrow(() -> ProblemException.notFound("Company", idOrSlug));
    }

    @Transactional
    public Company create(CompanyInput input) {
        return create(UUID.randomUUID(), input);
    }

    /** Creates with a given id: seed data keeps stable ids that other services refer to. */
    @Transactional
    public Company create(UUID id, CompanyInput input) {
        Company company = new Company();
        company.id = id;
        company.createdAt = now();
        apply(company, input);
        companies.persistAndFlush(company);
        return company;
    }

    @Transactional
    public Company replace(Company company, CompanyInput input) {
        apply(company, input);
        companies.flush();
        return company;
    }

    @Transactional
    public Company archive(Company company) {
        company.status = CompanyStatus.archived;
        company.updatedAt = now();
        companies.flush();
        return company;
    }

    private void apply(Company company, CompanyInput input) {
        String slug = input.slug() != null ? input.slug() : SearchText.slugOf(input.name());
        if (slug.isEmpty()) {
            throw ProblemException.invalid("slug", "cannot derive a slug from this name; send one");
        }
        if (companies.slugTaken(slug, company.id)) {
            throw ProblemException.taken("slug", "Slug '" + slug + "' is already used by another company");
        }
        if (!ISO_COUNTRIES.contains(input.country())) {
            throw ProblemException.invalid("country", "'" + input.country() + "' is not an ISO 3166-1 alpha-2 country code");
        }
        Identifiers ids = input.identifiers() == null ? new Identifiers(null, null) : input.identifiers();
        if (ids.lei() != null && !Lei.isValid(ids.lei())) {
            throw ProblemException.invalid("identifiers.lei", "check digits do not match (ISO 17442)");
        }
        if (companies.identifierTaken("lei", ids.lei(), company.id)) {
            throw ProblemException.taken("identifiers.lei", "LEI " + ids.lei() + " already belongs to another company");
        }
        if (companies.identifierTaken("wikidataQid", ids.wikidataQid(), company.id)) {
            throw ProblemException.taken("identifiers.wikidataQid", "Wikidata id " + ids.wikidataQid() + " already belongs to another company");
        }
        company.slug = slug;
        company.rename(input.name().strip(), orEmpty(input.aliases()).stream().map(String::strip).distinct().toList());
        company.legalName = input.legalName();
        company.country = input.country();
        company.headquartersCity = input.headquartersCity();
        company.kind = input.kind();
        company.sectors.clear();
        company.sectors.addAll(input.sectors() == null ? Set.of() : new LinkedHashSet<>(input.sectors()));
        company.ownership = input.ownership();
        company.listings.clear();
        company.listings.addAll(orEmpty(input.listings()));
        company.lei = ids.lei();
        company.wikidataQid = ids.wikidataQid();
        company.description = input.description();
        company.status = input.status() == null ? CompanyStatus.active : input.status();
        company.sources.clear();
        company.sources.addAll(orEmpty(input.sources()));
        company.updatedAt = now();
    }

    public OwnershipLink getLink(UUID id) {
        return links.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Ownership link", id));
    }

    @Transactional
    public OwnershipLink link(OwnershipLinkInput input) {
        return link(UUID.randomUUID(), input);
    }

    @Transactional
    public OwnershipLink link(UUID id, OwnershipLinkInput input) {
        OwnershipLink link = new OwnershipLink();
        link.id = id;
        link.createdAt = now();
        applyLink(link, input);
        links.persistAndFlush(link);
        return link;
    }

    @Transactional
    public OwnershipLink replaceLink(OwnershipLink link, OwnershipLinkInput input) {
        applyLink(link, input);
        links.flush();
        return link;
    }

    @Transactional
    public void unlink(OwnershipLink link) {
        links.delete(link);
        links.flush();
    }

    private void applyLink(OwnershipLink link, OwnershipLinkInput input) {
        if (input.validFrom() != null && input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        Company owner = companies.findByIdOptional(input.ownerId())
                .orElseThrow(() -> ProblemException.unprocessable("ownerId", "company " + input.ownerId() + " does not exist"));
        Company owned = companies.findByIdOptional(input.ownedId())
                .orElseThrow(() -> ProblemException.unprocessable("ownedId", "company " + input.ownedId() + " does not exist"));
        boolean sameEnds = link.owner != null && link.owner.id.equals(owner.id) && link.owned.id.equals(owned.id);
        if (!sameEnds) {
            var graph = links.holdingsGraph();
            if (link.owner != null) {
                graph.getOrDefault(link.owner.id, new java.util.HashSet<>()).remove(link.owned.id);
            }
            OwnershipGraph.cycleIfLinked(owner.id, owned.id, graph).ifPresent(cycle -> {
                throw ProblemException.unprocessable("ownedId", owner.id.equals(owned.id)
                        ? "a company cannot own itself"
                        : "this link would make " + owner.name + " own itself through " + names(cycle));
            });
        }
        link.owner = owner;
        link.owned = owned;
        link.type = input.type();
        link.stakePercent = input.stakePercent();
        link.validFrom = input.validFrom();
        link.validTo = input.validTo();
        link.sources.clear();
        link.sources.addAll(orEmpty(input.sources()));
        link.updatedAt = now();
    }

    private String names(List<UUID> chain) {
        return chain.stream().map(id -> companies.findByIdOptional(id).map(c -> c.name).orElse(id.toString()))
                .collect(Collectors.joining(" -> "));
    }

    /** PostgreSQL keeps microseconds; truncating here keeps in-memory and stored timestamps (and cursors) equal. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : new ArrayList<>(list.stream().filter(Objects::nonNull).toList());
    }
}
