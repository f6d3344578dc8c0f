package com.dealradar.deal.domain;

import com.dealradar.deal.client.ClearanceChecks;
import com.dealradar.deal.client.CompanyDirectory;
import com.dealradar.deal.persistence.DealFilter;
import com.dealradar.deal.persistence.DealRepository;
import com.dealradar.deal.persistence.DealSort;
import com.dealradar.deal.persistence.DealStatusChangeRepository;
import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.geo.CountryCodes;
import com.dealradar.platform.json.WireNames;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.provenance.Source;
import com.dealradar.platform.text.VisibleText;
import com.dealradar.platform.time.Clocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules for writing deals. Every check that can refuse a write (input rules, company-service,
 * region-service) runs before anything is changed, and all of a write happens in one transaction, so a
 * refused or failed write leaves nothing behind. Calls to other services ({@code check...} methods) run
 * before that transaction, never inside it: a slow company-service or region-service must not hold a
 * pooled connection or a row lock, or one slow neighbour stalls every write of this service. The short
 * transaction then re-checks what may have changed meanwhile (the version via If-Match, the status).
 */
@ApplicationScoped
public class DealService {

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private final DealRepository deals;
    private final DealStatusChangeRepository history;
    private final CompanyDirectory companies;
    private final ClearanceChecks clearances;
    private final InstantSource clock;

    DealService(
            DealRepository deals,
            DealStatusChangeRepository history,
            CompanyDirectory companies,
            ClearanceChecks clearances,
            InstantSource clock) {
        this.clock = clock;
        this.deals = deals;
        this.history = history;
        this.companies = companies;
        this.clearances = clearances;
    }

    /** 404 when no deal has {@code id}. */
    public Deal get(UUID id) {
        return deals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Deal", id));
    }

    /** A page of deals: the repository's query, for the list resource. */
    public List<Deal> search(DealFilter filter, DealSort sort, Cursor after, int limit) {
        return deals.search(filter, sort, after, limit);
    }

    /**
     * The id of the company {@code slug} names in company-service: empty when none does, 503 when it cannot say.
     * (A list's filter may name a company by id or slug; an id needs no look-up.)
     */
    public Optional<UUID> companyBySlug(String slug) {
        return companies.idOfSlug(slug);
    }

    /**
     * Like {@link #get} but locks the row for the rest of the transaction, so that concurrent status changes
     * of one deal run one after the other and the history never gets two entries with one sequence number.
     */
    public Deal getForUpdate(UUID id) {
        return deals.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Deal", id));
    }

    public List<DealStatusChange> history(Deal deal) {
        return history.historyOf(deal.id);
    }

    /**
     * A deal's status is the last entry of its history (issue 15: seed records had drifted from their own
     * history). Creation and every status change keep it so; the seeder asks again after loading, and a drift
     * is a bug, so it fails loudly.
     */
    public void requireStatusIsLastEntry(Deal deal) {
        List<DealStatusChange> entries = history.historyOf(deal.id);
        DealStatus last = entries.isEmpty() ? null : entries.getLast().toStatus;
        if (last != deal.status) {
            throw new IllegalStateException(
                    "deal " + deal.id + " has status " + deal.status + " but its history ends with " + last);
        }
    }

    /**
     * The checks of a new deal, run before its transaction: input rules (400) and, in company-service, the
     * participant companies (422 naming unknown ones, 503 when it cannot say).
     */
    public void checkNew(DealDraft input) {
        validate(input);
        requireCompanies(input.participants(), Set.of());
    }

    /**
     * Records a new deal: the checks of {@link #checkNew} first, outside any transaction (company-service may be
     * slow), then one transaction that writes the deal and calls {@code answer} with it.
     */
    public <R> R create(DealDraft input, Function<Deal, R> answer) {
        checkNew(input);
        return QuarkusTransaction.requiringNew().call(() -> answer.apply(create(UUID.randomUUID(), input)));
    }

    /**
     * Creates with a given id (seed data keeps stable ids that other services refer to). No company check here:
     * the API checks before (see {@link #checkNew}); the seed's company ids are company-service's own seed ids,
     * and company-service may not be up yet.
     */
    @Transactional
    public Deal create(UUID id, DealDraft input) {
        return create(id, input, null);
    }

    /**
     * As above; {@code first}, when given, is the first history entry as the seed knows it (its date, note and
     * source), and must be in the status the deal is created in.
     */
    @Transactional
    public Deal create(UUID id, DealDraft input, StatusChangeDraft first) {
        validate(input);
        DealStatus status = input.status() == null ? DealStatus.announced : input.status();
        if (!DealStatusMachine.isReachable(input.type(), status)) {
            throw ProblemException.invalid(
                    "status",
                    "a " + WireNames.of(input.type()) + " cannot be " + status + "; active and terminated are for "
                            + ongoingTypes());
        }
        requireCompletionFitsStatus(status, input);
        Deal deal = new Deal();
        deal.id = id;
        deal.createdAt = now();
        deal.status = status;
        apply(deal, input);
        deals.persist(deal);
        PartialDate since =
                status == DealStatus.completed && input.completed() != null ? input.completed() : input.announced();
        Source source = input.sources() == null || input.sources().isEmpty()
                ? null
                : input.sources().getFirst();
        if (first != null) {
            if (first.status() != status) {
                throw ProblemException.invalid(
                        "status",
                        "the first history entry is " + first.status() + " but the deal is created as " + status);
            }
            record(
                    deal,
                    null,
                    status,
                    first.effectiveDate() != null ? first.effectiveDate() : since,
                    first.note() != null ? first.note() : "status when the deal was recorded",
                    first.source() != null ? first.source() : source,
                    1);
        } else {
            record(deal, null, status, since, "status when the deal was recorded", source, 1);
        }
        deals.flush();
        return deal;
    }

    /**
     * The company check of a replacement, run before its transaction: participants not already on the deal
     * (as last read, {@code current}) must exist in company-service. Returns the companies now known to exist.
     */
    public Set<UUID> checkReplacement(Set<UUID> current, DealDraft input) {
        validate(input);
        requireCompanies(input.participants(), current);
        Set<UUID> known = new HashSet<>(current);
        input.participants().forEach(p -> known.add(p.companyId()));
        return known;
    }

    public static Set<UUID> participantIds(Deal deal) {
        return deal.participants.stream().map(p -> p.companyId).collect(Collectors.toSet());
    }

    /**
     * Replaces the deal with {@code input}, whose new participants {@link #checkReplacement} found in
     * {@code checked}. A participant outside it means the deal changed between the check and this
     * transaction: 412, read it again.
     */
    @Transactional
    public Deal replace(Deal deal, DealDraft input, Set<UUID> checked) {
        validate(input);
        if (input.status() != null && input.status() != deal.status) {
            throw ProblemException.conflict(
                    "status",
                    "must be the current status " + deal.status + " or absent",
                    "The status is " + deal.status + "; change it with POST /deals/" + deal.id
                            + "/status-changes, which keeps the history");
        }
        if (!DealStatusMachine.isReachable(input.type(), deal.status)) {
            throw ProblemException.conflict("A deal in status " + deal.status + " cannot become a "
                    + WireNames.of(input.type()) + "; active and terminated are for " + ongoingTypes());
        }
        requireCompletionFitsStatus(deal.status, input);
        Set<UUID> known = participantIds(deal);
        if (input.participants().stream()
                .map(Participant::companyId)
                .anyMatch(id -> !known.contains(id) && !checked.contains(id))) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_FAILED,
                    "The deal changed while its participants were being checked; read it again and reapply your change");
        }
        apply(deal, input);
        deals.flush();
        return deal;
    }

    /**
     * Replaces the deal with what {@code change} makes of it (the body of a PUT, or a merge patch applied to the
     * current state): If-Match and the change are first computed on the deal as last read, new participants are
     * checked in company-service outside any transaction, then one short transaction checks If-Match again against
     * the row it changes, applies the change and calls {@code answer}.
     */
    public <R> R replace(UUID id, VersionCheck expected, Function<Deal, DealDraft> change, Function<Deal, R> answer) {
        record Snapshot(DealDraft draft, Set<UUID> participants) {}
        Snapshot before = QuarkusTransaction.requiringNew().call(() -> {
            Deal deal = get(id);
            expected.check(deal.version);
            return new Snapshot(change.apply(deal), participantIds(deal));
        });
        Set<UUID> checked = checkReplacement(before.participants(), before.draft());
        return QuarkusTransaction.requiringNew().call(() -> {
            Deal deal = get(id);
            expected.check(deal.version);
            return answer.apply(replace(deal, change.apply(deal), checked));
        });
    }

    /**
     * Deletes a deal that has no regulatory matters: 404, If-Match (428/412) first, then region-service is asked
     * outside any transaction (409 naming the matters; 503 when it cannot say), then one transaction checks If-Match
     * again on the row it deletes. (A matter opened on the deal between the question and the delete is not seen.)
     */
    public <R> R delete(UUID id, VersionCheck expected, Function<Deal, R> answer) {
        QuarkusTransaction.requiringNew().run(() -> expected.check(get(id).version));
        clearances.requireNoRegulatoryMatters(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            Deal deal = get(id);
            expected.check(deal.version);
            history.deleteHistoryOf(deal.id);
            deals.delete(deal);
            deals.flush();
            return answer.apply(deal);
        });
    }

    /**
     * The checks of a status change, run before its transaction and without a lock: the deal exists (404),
     * {@code ifMatch} is its current ETag (428/412), the status machine allows the change (409) and, for
     * completion, region-service reports no open blocking matter (409 naming them; 503 when it cannot say).
     */
    void checkStatusChange(UUID id, VersionCheck expected, StatusChangeDraft change) {
        UUID dealId = QuarkusTransaction.requiringNew().call(() -> {
            Deal deal = get(id);
            expected.check(deal.version);
            requireValid(change);
            requireAllowed(deal, change.status());
            return deal.id;
        });
        if (change.status() == DealStatus.completed) {
            clearances.requireClearToComplete(dealId);
        }
    }

    /**
     * Changes the status of a deal after the checks of {@link #checkStatusChange} (run first, outside any
     * transaction, as region-service may be slow), then calls {@code answer}. The row is locked for this
     * short transaction only (no remote call from here on), so that concurrent changes of one deal run one
     * after the other and the history never gets two entries with one sequence number; If-Match and the
     * status machine are checked again, as the deal may have changed since.
     */
    public <R> R changeStatus(UUID id, VersionCheck expected, StatusChangeDraft change, Function<Deal, R> answer) {
        checkStatusChange(id, expected, change);
        return QuarkusTransaction.requiringNew().call(() -> {
            Deal deal = getForUpdate(id);
            expected.check(deal.version);
            return answer.apply(applyStatusChange(deal, change));
        });
    }

    /**
     * Moves the deal to {@code change.status()} when the status machine allows it (409 naming the allowed
     * statuses otherwise). Clearance is the caller's to check (the seed's history is taken as it is).
     */
    @Transactional
    public Deal applyStatusChange(Deal deal, StatusChangeDraft change) {
        LocalDate effective = requireValid(change);
        DealStatus from = deal.status;
        DealStatus to = change.status();
        requireAllowed(deal, to);
        if (to == DealStatus.completed
                && effective != null
                && deal.announcedOn != null
                && completedBeforeAnnounced(effective, change.effectiveDate().precision(), deal.announcedOn)) {
            // Kept, the deal's completion would precede its announcement, and every later edit would be refused
            // for a completed.value the client never sent.
            throw ProblemException.invalid(
                    "effectiveDate.value",
                    "must not be before the deal was announced ("
                            + (deal.announcedPrecision == null
                                    ? deal.announcedOn
                                    : deal.announcedPrecision.format(deal.announcedOn))
                            + ")");
        }
        record(
                deal,
                from,
                to,
                change.effectiveDate(),
                change.note(),
                change.source(),
                history.lastSequence(deal.id) + 1);
        deal.status = to;
        if (effective != null && to == DealStatus.completed && deal.completedOn == null) {
            deal.completedOn = effective;
            deal.completedPrecision = change.effectiveDate().precision();
        }
        if (effective != null && to == DealStatus.announced && deal.announcedOn == null) {
            deal.announcedOn = effective;
            deal.announcedPrecision = change.effectiveDate().precision();
        }
        deal.updatedAt = now();
        deal.refreshParticipatingCompanies();
        deals.flush();
        return deal;
    }

    private LocalDate requireValid(StatusChangeDraft change) {
        List<FieldViolation> errors = new ArrayList<>();
        LocalDate effective = firstDay(change.effectiveDate(), "effectiveDate", errors);
        notInTheFuture(effective, "effectiveDate", errors);
        failIfAny(errors);
        return effective;
    }

    /**
     * The latest day a fact of a deal can have happened: today, with a day's grace for the callers' time zones. A
     * date after it (a typo for 2017, a year 9999) is a 400: a status change or announcement that has not happened is
     * not a fact, and the dates derived from it are served back to every client.
     */
    private LocalDate latestFactDay() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    }

    private void notInTheFuture(LocalDate day, String field, List<FieldViolation> errors) {
        if (day != null && day.isAfter(latestFactDay())) {
            errors.add(new FieldViolation(field + ".value", "must not be in the future (" + day + ")"));
        }
    }

    private static void requireAllowed(Deal deal, DealStatus to) {
        DealStatus from = deal.status;
        if (!DealStatusMachine.isAllowed(deal.type, from, to)) {
            Set<DealStatus> allowed = DealStatusMachine.allowedNext(deal.type, from);
            String options = DealStatusMachine.isFinal(deal.type, from)
                    ? "none: " + from + " is final for a " + WireNames.of(deal.type)
                    : allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
            throw new ProblemException(
                    ProblemType.INVALID_TRANSITION,
                    "A " + WireNames.of(deal.type) + " cannot change from " + from + " to " + to + "; allowed: "
                            + options,
                    List.of(new FieldViolation("status", "allowed from " + from + ": " + options)),
                    Map.of());
        }
    }

    private void record(
            Deal deal,
            DealStatus from,
            DealStatus to,
            PartialDate effective,
            String note,
            Source source,
            int sequence) {
        DealStatusChange entry = new DealStatusChange();
        entry.id = UUID.randomUUID();
        entry.dealId = deal.id;
        entry.sequence = sequence;
        entry.fromStatus = from;
        entry.toStatus = to;
        if (effective != null) {
            entry.effectiveOn =
                    effective.precision().firstDay(effective.value()).orElseThrow();
            entry.effectivePrecision = effective.precision();
        }
        entry.note = note;
        entry.source = source;
        entry.recordedAt = now();
        history.persist(entry);
    }

    /** 422 naming every participant company that company-service does not know; 503 when it cannot say. */
    private void requireCompanies(List<Participant> participants, Set<UUID> alreadyChecked) {
        List<UUID> toCheck = participants.stream()
                .map(Participant::companyId)
                .filter(id -> !alreadyChecked.contains(id))
                .distinct()
                .toList();
        if (toCheck.isEmpty()) {
            return;
        }
        Set<UUID> unknown = companies.unknown(toCheck);
        if (unknown.isEmpty()) {
            return;
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            if (unknown.contains(participants.get(i).companyId())) {
                errors.add(new FieldViolation(
                        "participants[" + i + "].companyId",
                        "company " + participants.get(i).companyId() + " does not exist in company-service"));
            }
        }
        throw new ProblemException(
                ProblemType.UNPROCESSABLE,
                "Unknown participant compan" + (unknown.size() == 1 ? "y " : "ies ")
                        + unknown.stream().map(UUID::toString).collect(Collectors.joining(", ")),
                errors,
                Map.of());
    }

    private void apply(Deal deal, DealDraft input) {
        deal.title = VisibleText.strip("title", input.title());
        deal.type = input.type();
        deal.confidence = input.confidence();
        deal.announcedOn = firstDay(input.announced(), "announced", null);
        deal.announcedPrecision =
                input.announced() == null ? null : input.announced().precision();
        deal.completedOn = firstDay(input.completed(), "completed", null);
        deal.completedPrecision =
                input.completed() == null ? null : input.completed().precision();
        deal.value = value(input.value());
        deal.valueUsd = deal.value == null ? null : deal.value.comparableUsd();
        deal.stakePercent = input.stakePercent();
        deal.regions.clear();
        deal.regions.addAll(input.regions() == null ? Set.of() : new TreeSet<>(input.regions()));
        deal.participants.clear();
        input.participants()
                .forEach(p -> deal.participants.add(new DealParticipant(p.companyId(), p.role(), p.note())));
        deal.description = input.description();
        deal.sources.clear();
        deal.sources.addAll(
                input.sources() == null
                        ? List.of()
                        : input.sources().stream().filter(Objects::nonNull).toList());
        deal.updatedAt = now();
        deal.refreshParticipatingCompanies();
    }

    private static DealValue value(Money money) {
        if (money == null) {
            return null;
        }
        DealValue v = new DealValue();
        v.amount = decimal(money.amount());
        v.amountMin = decimal(money.amountMin());
        v.amountMax = decimal(money.amountMax());
        v.currency = money.currency();
        v.amountUsd = decimal(money.amountUsd());
        v.amountUsdMin = decimal(money.amountUsdMin());
        v.amountUsdMax = decimal(money.amountUsdMax());
        v.estimated = money.estimated();
        return v;
    }

    /** The statuses of a deal that has completed (an ongoing one may since be active, or terminated). */
    private static final Set<DealStatus> COMPLETED_OR_LATER =
            EnumSet.of(DealStatus.completed, DealStatus.active, DealStatus.terminated);

    /** Whether a deal in {@code status} has completed, and so may carry a completion date. */
    public static boolean hasCompleted(DealStatus status) {
        return COMPLETED_OR_LATER.contains(status);
    }

    /**
     * A completion date says the deal completed: a rumored or pending deal with one misleads every reader that takes
     * the date for the fact. It comes with the status change to completed (or with a deal recorded as completed).
     */
    private static void requireCompletionFitsStatus(DealStatus status, DealDraft input) {
        if (input.completed() != null && !hasCompleted(status)) {
            throw ProblemException.invalid(
                    "completed",
                    "a deal in status " + status
                            + " has not completed; the completion date comes with the status change"
                            + " to completed (POST /deals/{id}/status-changes)");
        }
    }

    /**
     * Whether a completion known to {@code precision} certainly comes before the announcement (by its first day): only
     * when its last possible day does. "Completed in 2017" after "announced in June 2017" may well be true.
     */
    private static boolean completedBeforeAnnounced(
            LocalDate completedFirstDay, Precision precision, LocalDate announcedFirstDay) {
        return precision.lastDay(completedFirstDay).isBefore(announcedFirstDay);
    }

    /** The rules Bean Validation cannot express; all violations are reported together as one 400. */
    void validate(DealDraft input) {
        List<FieldViolation> errors = new ArrayList<>();
        LocalDate announced = firstDay(input.announced(), "announced", errors);
        LocalDate completed = firstDay(input.completed(), "completed", errors);
        notInTheFuture(announced, "announced", errors);
        notInTheFuture(completed, "completed", errors);
        if (announced != null
                && completed != null
                && completedBeforeAnnounced(completed, input.completed().precision(), announced)) {
            errors.add(new FieldViolation("completed.value", "must not be before announced"));
        }
        if (input.value() != null) {
            validateMoney(input.value(), errors);
        }
        if (input.regions() != null) {
            for (int i = 0; i < input.regions().size(); i++) {
                String region = input.regions().get(i);
                if (region != null && !CountryCodes.isDealRegion(region)) {
                    errors.add(new FieldViolation(
                            "regions[" + i + "]", "'" + region + "' is not an ISO 3166-1 alpha-2 code"));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.participants().size(); i++) {
            Participant p = input.participants().get(i);
            if (!seen.add(p.companyId() + "/" + p.role())) {
                errors.add(new FieldViolation(
                        "participants[" + i + "]", "company " + p.companyId() + " is already listed as " + p.role()));
            }
        }
        failIfAny(errors);
    }

    static void validateMoney(Money m, List<FieldViolation> errors) {
        if (!CURRENCIES.contains(m.currency())) {
            errors.add(new FieldViolation("value.currency", "'" + m.currency() + "' is not an ISO 4217 currency code"));
        }
        amountOrRange(m.amount(), m.amountMin(), m.amountMax(), "value.amount", true, errors);
        amountOrRange(m.amountUsd(), m.amountUsdMin(), m.amountUsdMax(), "value.amountUsd", false, errors);
    }

    private static void amountOrRange(
            String amount, String min, String max, String field, boolean required, List<FieldViolation> errors) {
        boolean range = min != null || max != null;
        if (amount != null && range) {
            errors.add(new FieldViolation(
                    field,
                    "give either " + field.substring(6) + " or a range (" + field.substring(6) + "Min and "
                            + field.substring(6) + "Max), not both"));
        } else if (amount == null && !range && required) {
            errors.add(new FieldViolation(
                    field,
                    "give " + field.substring(6) + " or a range (" + field.substring(6) + "Min and "
                            + field.substring(6) + "Max)"));
        } else if (range && (min == null || max == null)) {
            errors.add(new FieldViolation(field + (min == null ? "Min" : "Max"), "a range needs both ends"));
        } else if (range) {
            BigDecimal low = decimal(min);
            BigDecimal high = decimal(max);
            if (low != null && high != null && low.compareTo(high) > 0) {
                errors.add(new FieldViolation(field + "Min", "must not be greater than " + field.substring(6) + "Max"));
            }
        }
    }

    /** The first day of a partial date, or a violation when its value does not match its precision. */
    static LocalDate firstDay(PartialDate date, String field, List<FieldViolation> errors) {
        if (date == null || date.value() == null || date.precision() == null) {
            return null;
        }
        return date.precision().firstDay(date.value()).orElseGet(() -> {
            if (errors != null) {
                errors.add(new FieldViolation(
                        field + ".value",
                        "'" + date.value() + "' is not a real date in the format "
                                + date.precision().formatName() + " of precision " + date.precision()));
            }
            return null;
        });
    }

    private static void failIfAny(List<FieldViolation> errors) {
        if (errors.isEmpty()) {
            return;
        }
        throw new ProblemException(ProblemType.VALIDATION, FieldViolation.summary(errors, "fields"), errors, Map.of());
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String ongoingTypes() {
        return DealType.ONGOING.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private Instant now() {
        return Clocks.storedNow(clock);
    }
}
