package com.dealradar.company.domain;

import com.dealradar.company.persistence.CompanyFilter;
import com.dealradar.company.persistence.CompanyRepository;
import com.dealradar.company.persistence.CompanySort;
import com.dealradar.company.persistence.OwnershipLinkRepository;
import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.geo.CountryCodes;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.text.VisibleText;
import com.dealradar.platform.time.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rules for companies and ownership links, and the unit of work of each write: every public write method is
 * one transaction (see the README, "Where things go"). A write takes the caller's {@link VersionCheck} (If-Match,
 * checked against the row it changes) and an {@code answer} that it calls with the result inside the transaction,
 * so the HTTP layer's bookkeeping (the write audit, the stored Idempotency-Key answer) commits with the change.
 */
@ApplicationScoped
public class CompanyService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CompanyRepository companies;
    private final OwnershipLinkRepository links;
    private final InstantSource clock;
    private final RepresentationChanges changes;
    private final TransactionWrites writes;

    CompanyService(
            CompanyRepository companies,
            OwnershipLinkRepository links,
            InstantSource clock,
            RepresentationChanges changes,
            TransactionWrites writes) {
        this.companies = companies;
        this.links = links;
        this.clock = clock;
        this.changes = changes;
        this.writes = writes;
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
        company.status = draft.status() == null ? CompanyStatus.active : draft.status();
        apply(company, draft);
        companies.persistAndFlush(company);
        writes.created(id);
        return company;
    }

    @Transactional
    public <R> R replace(CompanyKey key, VersionCheck expected, CompanyDraft draft, Function<Company, R> answer) {
        return update(key, expected, current -> draft, answer);
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
        // The company and the companies linked to it, locked in id order (the order every link write takes too): if
        // this write changes what the others embed (slug, name, country), their versions change with it, and no link
        // write can come between. A link added to an unlocked neighbour after the neighbours were read is locked
        // below, out of order; that window is one statement wide.
        Set<UUID> neighbours = links.neighbourIds(company.id);
        Set<UUID> toLock = new HashSet<>(neighbours);
        toLock.add(company.id);
        companies.lockInIdOrder(toLock);
        // If-Match again, against the row as it is under the lock. The version is the version of the whole
        // representation, parents and subsidiaries included (link writes bump it), so a client that read the company
        // before a link to it changed gets 412 even though it only changes the company's own fields. On purpose:
        // If-Match
        // asks "is the representation I read still the current one" (RFC 9110 13.1.1) and one ETag cannot mean two
        // things; a client may have based its change on the ownership it saw (the ownership kind, the description
        // naming the parent), and re-reading is one GET. Checked here, in the writing transaction, with the row locked.
        expected.check(company.version);
        String embeddedBefore = embedded(company);
        apply(company, change.apply(company));
        companies.flush();
        writes.written(company.id);
        if (!embedded(company).equals(embeddedBefore)) {
            Set<UUID> added = links.neighbourIds(company.id);
            added.removeAll(toLock);
            companies.lockInIdOrder(added);
            touch(links.involving(company.id));
        }
        return answer.apply(company);
    }

    @Transactional
    public <R> R archive(CompanyKey key, VersionCheck expected, Function<Company, R> answer) {
        Company company = get(key);
        expected.check(company.version);
        // The status is not part of what links and other companies embed: only this row is locked and changed.
        companies.lockInIdOrder(Set.of(company.id));
        expected.check(company.version);
        if (company.status == CompanyStatus.archived) {
            // Nothing changes, so nothing is announced: a second archiving would be a second company.archived.
            throw new ProblemException(
                    ProblemType.INVALID_TRANSITION,
                    "Company " + company.slug + " is already archived; restore it first (PATCH its status to active)");
        }
        company.status = CompanyStatus.archived;
        company.updatedAt = now();
        companies.flush();
        writes.written(company.id);
        return answer.apply(company);
    }

    /** What other representations embed of a company ({@code CompanyRef}: id, slug, name, country). */
    private static String embedded(Company company) {
        return company.slug + "\u0000" + company.name + "\u0000" + company.country;
    }

    /**
     * A new version for every representation that embeds {@code changedLinks} (the links themselves and the
     * companies on their ends) and was not already written in this transaction, and its {@code .updated} event:
     * a representation's ETag changes whenever any part of it does. The companies must be locked by the caller.
     * Only direct links: a company embeds its parents and subsidiaries, not theirs, so nothing spreads further.
     * {@code formerEnds}: companies a link has left (re-pointed or deleted), which lose it from their representation.
     */
    private void touch(List<OwnershipLink> changedLinks, Company... formerEnds) {
        Instant at = now();
        List<OwnershipLink> touchedLinks = new ArrayList<>();
        List<Company> ends = new ArrayList<>(List.of(formerEnds));
        for (OwnershipLink link : changedLinks) {
            if (writes.firstTouch(link.id)) {
                link.updatedAt = at;
                touchedLinks.add(link);
            }
            ends.add(link.owner);
            ends.add(link.owned);
        }
        Map<UUID, Company> touchedCompanies = new TreeMap<>();
        for (Company end : ends) {
            if (writes.firstTouch(end.id)) {
                end.updatedAt = at;
                touchedCompanies.put(end.id, end);
            }
        }
        companies.flush();
        touchedLinks.forEach(changes::linkChanged);
        touchedCompanies.values().forEach(changes::companyChanged);
    }

    private void apply(Company company, CompanyDraft draft) {
        String slug = draft.slug() != null ? draft.slug() : SearchText.slugOf(draft.name());
        if (slug.isEmpty()) {
            throw ProblemException.invalid("slug", "cannot derive a slug from this name; send one");
        }
        // A path takes an id or a slug, and a UUID is read as an id: a company with this slug could not be reached by
        // it, and its path would name another company (the one with that id).
        if (CompanyKey.readsAsId(slug)) {
            throw ProblemException.invalid(
                    "slug",
                    "'" + slug + "' has the form of a company id (a UUID), which paths read as an id; "
                            + (draft.slug() != null ? "choose another slug" : "send a slug"));
        }
        if (companies.slugTaken(slug, company.id)) {
            throw ProblemException.taken("slug", "Slug '" + slug + "' is already used by another company");
        }
        if (!CountryCodes.isCountry(draft.country())) {
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
        List<String> aliases = orEmpty(draft.aliases());
        company.rename(
                VisibleText.strip("name", draft.name()),
                IntStream.range(0, aliases.size())
                        .mapToObj(i -> VisibleText.strip("aliases[" + i + "]", aliases.get(i)))
                        .distinct()
                        .toList());
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
        company.status = statusAfter(company, draft.status());
        company.sources.clear();
        company.sources.addAll(orEmpty(draft.sources()));
        company.updatedAt = now();
    }

    /**
     * The status after writing a draft ({@link #create} sets a new company's first: active unless the draft says
     * otherwise). A replace keeps the status when the draft names none (a PUT without it used to make an archived
     * company active again, unannounced), may restore an archived company ({@code active}), and does not archive:
     * that is {@code POST /companies/{id}/archive}, whose event partners follow ({@code company.archived}), so here it
     * is a 409 pointing there.
     */
    private static CompanyStatus statusAfter(Company company, CompanyStatus requested) {
        CompanyStatus current = company.status;
        if (requested == null || requested == current) {
            return current;
        }
        if (requested == CompanyStatus.archived) {
            throw ProblemException.conflict(
                    "status",
                    "must be the current status " + current + " or absent",
                    "A company is archived with POST /companies/" + company.slug + "/archive, which announces it"
                            + " (company.archived)");
        }
        return requested;
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
        checkDates(draft);
        Ends ends = lockEnds(draft, Set.of());
        applyLink(link, draft, ends);
        links.persistAndFlush(link);
        writes.written(link.id);
        touch(List.of(link));
        return link;
    }

    @Transactional
    public <R> R replaceLink(
            UUID id, VersionCheck expected, OwnershipLinkDraft draft, Function<OwnershipLink, R> answer) {
        OwnershipLink link = getLink(id);
        expected.check(link.version);
        checkDates(draft);
        UUID oldOwner = link.owner.id;
        UUID oldOwned = link.owned.id;
        Ends ends = lockEnds(draft, Set.of(oldOwner, oldOwned));
        relockedUnchanged(link, oldOwner, oldOwned);
        expected.check(link.version);
        // The companies the link left lose it from their representation: they change as well.
        Company formerOwner = link.owner;
        Company formerOwned = link.owned;
        applyLink(link, draft, ends);
        links.flush();
        writes.written(link.id);
        touch(List.of(link), formerOwner, formerOwned);
        return answer.apply(link);
    }

    @Transactional
    public <R> R unlink(UUID id, VersionCheck expected, Function<OwnershipLink, R> answer) {
        OwnershipLink link = getLink(id);
        expected.check(link.version);
        UUID owner = link.owner.id;
        UUID owned = link.owned.id;
        companies.lockInIdOrder(Set.of(owner, owned));
        relockedUnchanged(link, owner, owned);
        expected.check(link.version);
        links.delete(link);
        links.flush();
        writes.written(link.id);
        touch(List.of(), link.owner, link.owned);
        return answer.apply(link);
    }

    /** The companies a link names, locked with {@code alsoLock} (a replaced link's former ends) in id order. */
    private record Ends(Company owner, Company owned) {}

    private Ends lockEnds(OwnershipLinkDraft draft, Set<UUID> alsoLock) {
        // A cycle can close through companies this write does not lock: with B->C and D->A recorded, A->B (locking A
        // and B) and C->D (locking C and D) each saw no cycle and both were kept. Link writes that add an edge take
        // turns, always before any company lock (company writes take none of this, so no two wait on each other).
        links.holdGraphForTransaction();
        if (companies.findByIdOptional(draft.ownerId()).isEmpty()) {
            throw ProblemException.unprocessable("ownerId", "company " + draft.ownerId() + " does not exist");
        }
        if (companies.findByIdOptional(draft.ownedId()).isEmpty()) {
            throw ProblemException.unprocessable("ownedId", "company " + draft.ownedId() + " does not exist");
        }
        // Every write of a link locks the companies on both of its ends (and a replaced link's former ends) in id
        // order, so the rules below (no cycle, no duplicate, at most 100% of a company) are checked against a state
        // that no concurrent link write can change before this transaction commits.
        Set<UUID> ids = new HashSet<>(alsoLock);
        ids.add(draft.ownerId());
        ids.add(draft.ownedId());
        Map<UUID, Company> locked = companies.lockInIdOrder(ids);
        return new Ends(locked.get(draft.ownerId()), locked.get(draft.ownedId()));
    }

    /** The link read again now that its ends are locked; 412 if a concurrent write moved it meanwhile. */
    private void relockedUnchanged(OwnershipLink link, UUID owner, UUID owned) {
        links.getEntityManager().refresh(link);
        if (!link.owner.id.equals(owner) || !link.owned.id.equals(owned)) {
            throw new OptimisticLockException("ownership link " + link.id + " was re-pointed concurrently");
        }
    }

    private static void checkDates(OwnershipLinkDraft draft) {
        if (draft.validFrom() != null
                && draft.validTo() != null
                && draft.validTo().isBefore(draft.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
    }

    private void applyLink(OwnershipLink link, OwnershipLinkDraft draft, Ends ends) {
        Company owner = ends.owner();
        Company owned = ends.owned();
        boolean sameEnds = link.owner != null && link.owner.id.equals(owner.id) && link.owned.id.equals(owned.id);
        if (!sameEnds) {
            // Only the edge of the link being replaced is left out: another link between the same two companies
            // still makes the one own the other.
            var graph = links.holdingsGraph(link.owner == null ? null : link.id);
            OwnershipGraph.cycleIfLinked(owner.id, owned.id, graph).ifPresent(cycle -> {
                throw ProblemException.unprocessable(
                        "ownedId",
                        owner.id.equals(owned.id)
                                ? "a company cannot own itself"
                                : "this link would make " + owner.name + " own itself through " + names(cycle));
            });
        }
        links.sameLink(owner.id, owned.id, draft.type(), link.id).ifPresent(existing -> {
            throw ProblemException.conflict(
                    "ownedId",
                    "already linked by ownership link " + existing.id,
                    "Ownership link " + existing.id + " already records that " + owner.name + " holds " + owned.name
                            + " (" + draft.type() + "); change that link instead of adding another");
        });
        if (draft.stakePercent() != null) {
            List<OwnershipLink> others = links.stakesIn(owned.id, link.id);
            BigDecimal total = Stakes.peakTotal(draft, others);
            if (total.compareTo(HUNDRED) > 0) {
                throw ProblemException.unprocessable(
                        "stakePercent",
                        "the stakes of " + owned.name + "'s owners would add up to "
                                + total.stripTrailingZeros().toPlainString()
                                + "% (over 100%) while this link is valid");
            }
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
