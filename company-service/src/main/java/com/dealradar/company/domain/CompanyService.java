package com.dealradar.company.domain;

import com.dealradar.company.persistence.CompanyFilter;
import com.dealradar.company.persistence.CompanyRepository;
import com.dealradar.company.persistence.CompanySort;
import com.dealradar.company.persistence.OwnershipLinkRepository;
import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.time.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules for companies and ownership links, and the unit of work of each write: every public write method is
 * one transaction (see the README, "Where things go"). A write takes the caller's {@link VersionCheck} (If-Match,
 * checked against the row it changes) and an {@code answer} that it calls with the result inside the transaction,
 * so the HTTP layer's bookkeeping (the write audit, the stored Idempotency-Key answer) commits with the change.
 */
@ApplicationScoped
public class CompanyService {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final CompanyRepository companies;
    private final OwnershipLinkRepository links;
    private final InstantSource clock;

    CompanyService(CompanyRepository companies, OwnershipLinkRepository links, InstantSource clock) {
        this.companies = companies;
        this.links = links;
        this.clock = clock;
    }

    /** By id or by slug. 404 when none has it. */
    public Company get(CompanyKey key) {
        return (key.id() != null ? companies.findByIdOptional(key.id()) : companies.findBySlug(key.slug()))
                .orElseThrow(() -> ProblemException.notFound("Company", key.raw()));
    }

    public List<Company> search(CompanyFilter filter, CompanySort order, Cursor after, int limit) {
        return companies.search(filter, order, after, limit);
    }

    /** Links in which the company is the owned one: its parents. */
    public List<OwnershipLink> ownersOf(Company company) {
        return links.ownersOf(company.id);
    }

    /** Links in which the company is the owner: its subsidiaries, divisions and stakes. */
    public List<OwnershipLink> holdingsOf(Company company) {
        return links.holdingsOf(company.id);
    }

    @Transactional
    public <R> R create(CompanyDraft draft, Function<Company, R> answer) {
        return answer.apply(create(UUID.randomUUID(), draft));
    }

    /** Creates with a given id: seed data keeps stable ids that other services refer to. */
    @Transactional
    public Company create(UUID id, CompanyDraft draft) {
        Company company = new Company();
        company.id = id;
        company.createdAt = now();
        apply(company, draft);
        companies.persistAndFlush(company);
        return company;
    }

    @Transactional
    public <R> R replace(CompanyKey key, VersionCheck expected, CompanyDraft draft, Function<Company, R> answer) {
        Company company = get(key);
        expected.check(company.version);
        apply(company, draft);
        companies.flush();
        return answer.apply(company);
    }

    /**
     * Like {@link #replace}, with the new state computed from the current one inside the transaction (a merge
     * patch): the draft is derived from exactly the row that If-Match was checked against.
     */
    @Transactional
    public <R> R update(
            CompanyKey key,
            VersionCheck expected,
            Function<Company, CompanyDraft> change,
            Function<Company, R> answer) {
        Company company = get(key);
        expected.check(company.version);
        apply(company, change.apply(company));
        companies.flush();
        return answer.apply(company);
    }

    @Transactional
    public <R> R archive(CompanyKey key, VersionCheck expected, Function<Company, R> answer) {
        Company company = get(key);
        expected.check(company.version);
        company.status = CompanyStatus.archived;
        company.updatedAt = now();
        companies.flush();
        return answer.apply(company);
    }

    private void apply(Company company, CompanyDraft draft) {
        String slug = draft.slug() != null ? draft.slug() : SearchText.slugOf(draft.name());
        if (slug.isEmpty()) {
            throw ProblemException.invalid("slug", "cannot derive a slug from this name; send one");
        }
        if (companies.slugTaken(slug, company.id)) {
            throw ProblemException.taken("slug", "Slug '" + slug + "' is already used by another company");
        }
        if (!ISO_COUNTRIES.contains(draft.country())) {
            throw ProblemException.invalid(
                    "country", "'" + draft.country() + "' is not an ISO 3166-1 alpha-2 country code");
        }
        if (draft.lei() != null && !Lei.isValid(draft.lei())) {
            throw ProblemException.invalid("identifiers.lei", "check digits do not match (ISO 17442)");
        }
        if (companies.identifierTaken("lei", draft.lei(), company.id)) {
            throw ProblemException.taken(
                    "identifiers.lei", "LEI " + draft.lei() + " already belongs to another company");
        }
        if (companies.identifierTaken("wikidataQid", draft.wikidataQid(), company.id)) {
            throw ProblemException.taken(
                    "identifiers.wikidataQid",
                    "Wikidata id " + draft.wikidataQid() + " already belongs to another company");
        }
        company.slug = slug;
        company.rename(
                draft.name().strip(),
                orEmpty(draft.aliases()).stream().map(String::strip).distinct().toList());
        company.legalName = draft.legalName();
        company.country = draft.country();
        company.headquartersCity = draft.headquartersCity();
        company.kind = draft.kind();
        company.sectors.clear();
        company.sectors.addAll(draft.sectors() == null ? Set.of() : new LinkedHashSet<>(draft.sectors()));
        company.ownership = draft.ownership();
        company.listings.clear();
        company.listings.addAll(orEmpty(draft.listings()));
        company.lei = draft.lei();
        company.wikidataQid = draft.wikidataQid();
        company.description = draft.description();
        company.status = draft.status() == null ? CompanyStatus.active : draft.status();
        company.sources.clear();
        company.sources.addAll(orEmpty(draft.sources()));
        company.updatedAt = now();
    }

    public OwnershipLink getLink(UUID id) {
        return links.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Ownership link", id));
    }

    /** Links in id order, after {@code afterId} when given, involving {@code companyId} when given. */
    public List<OwnershipLink> links(UUID companyId, UUID afterId, int limit) {
        return links.page(companyId, afterId, limit);
    }

    @Transactional
    public <R> R link(OwnershipLinkDraft draft, Function<OwnershipLink, R> answer) {
        return answer.apply(link(UUID.randomUUID(), draft));
    }

    @Transactional
    public OwnershipLink link(UUID id, OwnershipLinkDraft draft) {
        OwnershipLink link = new OwnershipLink();
        link.id = id;
        link.createdAt = now();
        applyLink(link, draft);
        links.persistAndFlush(link);
        return link;
    }

    @Transactional
    public <R> R replaceLink(
            UUID id, VersionCheck expected, OwnershipLinkDraft draft, Function<OwnershipLink, R> answer) {
        OwnershipLink link = getLink(id);
        expected.check(link.version);
        applyLink(link, draft);
        links.flush();
        return answer.apply(link);
    }

    @Transactional
    public <R> R unlink(UUID id, VersionCheck expected, Function<OwnershipLink, R> answer) {
        OwnershipLink link = getLink(id);
        expected.check(link.version);
        links.delete(link);
        links.flush();
        return answer.apply(link);
    }

    private void applyLink(OwnershipLink link, OwnershipLinkDraft draft) {
        if (draft.validFrom() != null
                && draft.validTo() != null
                && draft.validTo().isBefore(draft.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        Company owner = companies
                .findByIdOptional(draft.ownerId())
                .orElseThrow(() ->
                        ProblemException.unprocessable("ownerId", "company " + draft.ownerId() + " does not exist"));
        Company owned = companies
                .findByIdOptional(draft.ownedId())
                .orElseThrow(() ->
                        ProblemException.unprocessable("ownedId", "company " + draft.ownedId() + " does not exist"));
        boolean sameEnds = link.owner != null && link.owner.id.equals(owner.id) && link.owned.id.equals(owned.id);
        if (!sameEnds) {
            var graph = links.holdingsGraph();
            if (link.owner != null) {
                graph.getOrDefault(link.owner.id, new HashSet<>()).remove(link.owned.id);
            }
            OwnershipGraph.cycleIfLinked(owner.id, owned.id, graph).ifPresent(cycle -> {
                throw ProblemException.unprocessable(
                        "ownedId",
                        owner.id.equals(owned.id)
                                ? "a company cannot own itself"
                                : "this link would make " + owner.name + " own itself through " + names(cycle));
            });
        }
        link.owner = owner;
        link.owned = owned;
        link.type = draft.type();
        link.stakePercent = draft.stakePercent();
        link.validFrom = draft.validFrom();
        link.validTo = draft.validTo();
        link.sources.clear();
        link.sources.addAll(orEmpty(draft.sources()));
        link.updatedAt = now();
    }

    private String names(List<UUID> chain) {
        return chain.stream()
                .map(id -> companies.findByIdOptional(id).map(c -> c.name).orElse(id.toString()))
                .collect(Collectors.joining(" -> "));
    }

    private Instant now() {
        return Clocks.storedNow(clock);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null
                ? List.of()
                : new ArrayList<>(list.stream().filter(Objects::nonNull).toList());
    }
}
