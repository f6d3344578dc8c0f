package com.dealradar.region.domain;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.provenance.Precision;
import com.dealradar.region.client.References;
import com.dealradar.region.holidays.HolidayCalendars;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegimeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rules for regulatory matters: the status machine with its history, and the statutory deadline. */
@ApplicationScoped
public class MatterService {

    private final MatterRepository matters;
    private final RegimeRepository regimes;
    private final HolidayCalendars calendars;
    private final Today today;
    private final References references;

    MatterService(
            MatterRepository matters,
            RegimeRepository regimes,
            HolidayCalendars calendars,
            Today today,
            References references) {
        this.matters = matters;
        this.references = references;
        this.regimes = regimes;
        this.calendars = calendars;
        this.today = today;
    }

    public RegulatoryMatter get(UUID id) {
        return matters.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Regulatory matter", id));
    }

    public List<RegulatoryMatter> search(MatterRepository.Filter filter, Cursor after, int limit) {
        return matters.search(filter, after, limit);
    }

    /**
     * Records a new matter: the deal and company it is about are first looked up in deal-service and company-service,
     * outside any transaction (422 naming an unknown one, 503 when they cannot say), then one transaction writes it.
     */
    public <R> R create(MatterDraft input, Function<RegulatoryMatter, R> answer) {
        requireSubjects(input, null, null);
        return QuarkusTransaction.requiringNew().call(() -> answer.apply(create(UUID.randomUUID(), input, null)));
    }

    /** Creates with a given id (seed data) and, optionally, the date and note of the first history entry. */
    @Transactional
    public RegulatoryMatter create(UUID id, MatterDraft input, StatusChange first) {
        MatterStatus initial = input.status() == null ? MatterStatus.not_assessed : input.status();
        if (!MatterStatus.ENTRY.contains(initial)) {
            throw ProblemException.invalid(
                    "status", "a new matter starts as anticipated or not_assessed; then POST its transitions");
        }
        if (input.decidedOn() != null) {
            // The transition that decides the matter records its day; one given now would be kept over it (as on PUT).
            throw ProblemException.conflict(
                    "decidedOn",
                    "a new matter is " + initial + "; its decision records decidedOn",
                    "decidedOn is recorded by the transition that decides the matter (POST"
                            + " /regulatory-matters/{id}/transitions); a new matter is " + initial);
        }
        RegulatoryMatter matter = new RegulatoryMatter();
        matter.id = id;
        matter.createdAt = today.now();
        matter.status = initial;
        apply(matter, input);
        matter.history.add(
                first != null
                        ? new StatusChange(initial, first.on(), first.note(), today.now(), first.precision())
                        : input.openedOn() != null
                                ? new StatusChange(
                                        initial, input.openedOn(), "recorded", today.now(), input.openedPrecision())
                                : new StatusChange(initial, today.in(matter.regionCode), "recorded", today.now()));
        requireRuleOfGoverningVersion(matter, "triggerRule");
        matters.persistAndFlush(matter);
        return matter;
    }

    /**
     * Replaces the matter with what {@code change} makes of it (a PUT's body, or a merge patch applied to the matter):
     * If-Match and the change are first computed on the matter as last read, a deal or company the change adds is
     * looked up outside any transaction, then one short transaction checks If-Match again against the row it changes.
     */
    public <R> R replace(
            UUID id,
            VersionCheck expected,
            Function<RegulatoryMatter, MatterDraft> change,
            Function<RegulatoryMatter, R> answer) {
        record Snapshot(MatterDraft draft, UUID dealId, UUID companyId) {}
        Snapshot before = QuarkusTransaction.requiringNew().call(() -> {
            RegulatoryMatter matter = get(id);
            expected.check(matter.version);
            return new Snapshot(change.apply(matter), matter.dealId, matter.companyId);
        });
        requireSubjects(before.draft(), before.dealId(), before.companyId());
        // If-Match is required, so the row the second transaction changes is the one the change was checked on.
        return QuarkusTransaction.requiringNew().call(() -> {
            RegulatoryMatter matter = get(id);
            expected.check(matter.version);
            return replace(matter, change.apply(matter), answer);
        });
    }

    private <R> R replace(RegulatoryMatter matter, MatterDraft input, Function<RegulatoryMatter, R> answer) {
        if (input.status() != null && input.status() != matter.status) {
            throw new ProblemException(
                    ProblemType.INVALID_TRANSITION,
                    "status is changed with POST /regulatory-matters/" + matter.id + "/transitions, not by "
                            + "replacing the matter");
        }
        LocalDate openedBefore = matter.openedOn;
        LocalDate decidedBefore = matter.decidedOn;
        apply(matter, input);
        if (input.decidedOn() != null
                && !matter.status.isDecision()
                && !Objects.equals(input.decidedOn(), decidedBefore)) {
            // The transition that decides the matter records its day; one set before would be kept over it.
            throw ProblemException.conflict(
                    "decidedOn",
                    "the matter is " + matter.status + "; its decision records decidedOn",
                    "decidedOn is recorded by the transition that decides the matter (POST /regulatory-matters/"
                            + matter.id + "/transitions); this one is " + matter.status);
        }
        moveOpening(matter, openedBefore, input);
        matters.flush();
        return answer.apply(matter);
    }

    /**
     * The first history entry is the matter's opening: when {@code openedOn} is given or corrected, the entry dated by
     * the old value (or, with none, by the day the matter was recorded) moves with it, so that transitions dated after
     * the real opening are accepted. It cannot move past the next dated entry.
     */
    private void moveOpening(RegulatoryMatter matter, LocalDate openedBefore, MatterDraft input) {
        LocalDate opened = input.openedOn();
        StatusChange first = matter.history.getFirst();
        if (opened == null || (openedBefore != null && !openedBefore.equals(first.on()))) {
            return;
        }
        if (opened.equals(first.on())) {
            // The same day, perhaps now known to a month or a year only: the opening entry says so too.
            if (Objects.requireNonNullElse(first.precision(), Precision.day)
                    != Objects.requireNonNullElse(input.openedPrecision(), Precision.day)) {
                matter.history.set(
                        0,
                        new StatusChange(
                                first.status(), opened, first.note(), first.recordedAt(), input.openedPrecision()));
            }
            return;
        }
        matter.history.stream()
                .skip(1)
                .map(StatusChange::on)
                .filter(Objects::nonNull)
                .findFirst()
                .filter(next -> next.isBefore(opened))
                .ifPresent(next -> {
                    throw ProblemException.unprocessable(
                            "openedOn", "must not be after the matter's first transition, on " + next);
                });
        matter.history.set(
                0, new StatusChange(first.status(), opened, first.note(), first.recordedAt(), input.openedPrecision()));
    }

    /** One step through the status machine (a POST .../transitions), after checking {@code expected} against the row. */
    @Transactional
    public <R> R transition(
            UUID id, VersionCheck expected, TransitionDraft input, Function<RegulatoryMatter, R> answer) {
        RegulatoryMatter matter = get(id);
        expected.check(matter.version);
        requireHappened(input.on(), "on", matter.regionCode);
        return answer.apply(changeStatus(
                matter,
                input.status(),
                input.on() != null ? input.on() : today.in(matter.regionCode),
                input.note(),
                input.stage()));
    }

    /** One step through the status machine, kept in the history. {@code on} may be null only for seed facts whose date is unknown. */
    @Transactional
    public RegulatoryMatter changeStatus(
            RegulatoryMatter matter, MatterStatus target, LocalDate on, String note, String stage) {
        return changeStatus(matter, target, on, null, note, stage);
    }

    /** As above, with the precision of {@code on} (seed facts known only to the month). */
    @Transactional
    public RegulatoryMatter changeStatus(
            RegulatoryMatter matter,
            MatterStatus target,
            LocalDate on,
            Precision precision,
            String note,
            String stage) {
        if (!matter.status.canChangeTo(target)) {
            throw new ProblemException(
                    ProblemType.INVALID_TRANSITION,
                    "A matter cannot go from " + matter.status + " to " + target
                            + (matter.status.isTerminal()
                                    ? ": " + matter.status + " is final"
                                    : "; from " + matter.status + " it may go to "
                                            + matter.status.next().stream()
                                                    .map(Enum::name)
                                                    .sorted()
                                                    .collect(Collectors.joining(", "))),
                    List.of(new FieldViolation("status", "not allowed from " + matter.status)),
                    Map.of());
        }
        LocalDate previous = matter.history.stream()
                .map(StatusChange::on)
                .filter(Objects::nonNull)
                .reduce((a, b) -> b)
                .orElse(null);
        if (on != null && previous != null && on.isBefore(previous)) {
            throw ProblemException.unprocessable(
                    "on",
                    "the status history is in date order: " + on + " is before the previous change on " + previous);
        }
        boolean ruleHeld = matter.rule(governingVersion(matter)) != null;
        matter.status = target;
        matter.history.add(new StatusChange(target, on, note, today.now(), precision));
        requireStatusIsLastEntry(matter);
        requireStopsStillFit(matter);
        if (ruleHeld) {
            requireRuleOfGoverningVersion(matter, "status");
        }
        if (stage != null) {
            matter.stage = stage;
        }
        if (target.isDecision() && matter.decidedOn == null) {
            matter.decidedOn = on;
        }
        matter.updatedAt = today.now();
        matters.flush();
        return matter;
    }

    /**
     * A clock-stop is checked against the history it is written with ({@link #checkClockStop}); one recorded before the
     * transitions that date its period (a matter filed with its stops, then walked through its statuses) is checked
     * again by each transition: a stop that the new history puts where no clock may stop (phase 1 of the GWB, say)
     * would otherwise pause a later clock that may (phase 2 runs from the notification) and push its due date out.
     * 422: the matter's clock-stops are corrected first.
     */
    private static void requireStopsStillFit(RegulatoryMatter matter) {
        for (int i = 0; i < matter.clockStops.size(); i++) {
            ClockStop stop = matter.clockStops.get(i);
            try {
                checkClockStop(matter.regime, matter.history, stop, "clockStops[" + i + "]");
            } catch (ProblemException misplaced) {
                throw ProblemException.unprocessable(
                        "status",
                        "with this change the matter's clock-stop from " + stop.from() + " (clockStops[" + i
                                + "]) falls where its clock cannot stop (" + misplaced.getMessage()
                                + "): correct the matter's clockStops first");
            }
        }
    }

    /** Dates before this are refused for a matter's events: no regime of the model is older. */
    static final LocalDate EARLIEST_EVENT = LocalDate.of(1900, 1, 1);

    /**
     * A matter's event dates (a status change, its opening, clock-stops, extensions granted) record what happened:
     * 400 naming {@code field} when {@code day} is after today in {@code regionCode} (the regulator's own date: at
     * 20:00 UTC it is already tomorrow in Beijing, still today in Washington) or before {@link #EARLIEST_EVENT}.
     * Review L4 and probe-api item 4: a date such as 10000-01-01 was stored and then written as "+10000-..." in JSON
     * and iCalendar.
     */
    void requireHappened(LocalDate day, String field, String regionCode) {
        if (day == null) {
            return;
        }
        LocalDate now = today.in(regionCode);
        if (day.isAfter(now)) {
            throw ProblemException.invalid(
                    field, "must not be after today (" + now + "): it records something that has happened");
        }
        if (day.isBefore(EARLIEST_EVENT)) {
            throw ProblemException.invalid(field, "must not be before " + EARLIEST_EVENT);
        }
    }

    /**
     * The rule that a matter's status is the last entry of its history (issue 15: seed records had drifted from
     * their own history). Every status change goes through here; a broken invariant is a bug, so it fails loudly.
     */
    static void requireStatusIsLastEntry(RegulatoryMatter matter) {
        if (matter.history.isEmpty() || matter.history.getLast().status() != matter.status) {
            throw new IllegalStateException(
                    "matter " + matter.id + " has status " + matter.status + " but its history ends with "
                            + (matter.history.isEmpty()
                                    ? "nothing"
                                    : matter.history.getLast().status()));
        }
    }

    /**
     * The deal and the company a matter is about, other than those it already names, must exist in deal-service and
     * company-service: 422 naming the unknown one, 503 when they cannot say. Runs outside any transaction.
     */
    private void requireSubjects(MatterDraft input, UUID currentDeal, UUID currentCompany) {
        if (input.dealId() != null
                && !input.dealId().equals(currentDeal)
                && !references.unknownDeals(List.of(input.dealId())).isEmpty()) {
            throw ProblemException.unprocessable(
                    "dealId", "deal " + input.dealId() + " does not exist in deal-service");
        }
        if (input.companyId() != null
                && !input.companyId().equals(currentCompany)
                && !references.unknownCompanies(List.of(input.companyId())).isEmpty()) {
            throw ProblemException.unprocessable(
                    "companyId", "company " + input.companyId() + " does not exist in company-service");
        }
    }

    private void apply(RegulatoryMatter matter, MatterDraft input) {
        String ruleBefore = matter.triggerRule;
        String versionBefore =
                matter.regime == null ? null : governingVersion(matter).code();
        if (input.dealId() == null && input.companyId() == null) {
            throw ProblemException.invalid("dealId", "a matter is about a deal or a company: give dealId or companyId");
        }
        // A matter stays with the deal or company it was opened about: re-pointed, it left its deal without the
        // review that blocks the deal's completion (and deal-service's guard then let the deal complete).
        if (matter.dealId != null && !matter.dealId.equals(input.dealId())) {
            throw ProblemException.invalid(
                    "dealId",
                    "a matter stays with its deal (" + matter.dealId + "); withdraw it and open one on the other deal");
        }
        if (matter.companyId != null && !matter.companyId.equals(input.companyId())) {
            throw ProblemException.invalid(
                    "companyId",
                    "a matter stays with its company (" + matter.companyId
                            + "); withdraw it and open one on the other company");
        }
        // Nor does it move to another regime: under one that does not suspend the deal it stopped blocking completion.
        if (matter.regime != null && !matter.regime.code.equalsIgnoreCase(input.regimeCode())) {
            throw ProblemException.invalid(
                    "regimeCode",
                    "a matter stays under its regime (" + matter.regime.code
                            + "); withdraw it and open one under the other regime");
        }
        Regime regime = regimes.findByCodeForShare(input.regimeCode())
                .orElseThrow(() -> ProblemException.unprocessable(
                        "regimeCode", "regime " + input.regimeCode() + " does not exist"));
        if (input.openedOn() != null
                && input.decidedOn() != null
                && input.decidedOn().isBefore(input.openedOn())) {
            throw ProblemException.invalid("decidedOn", "must not be before openedOn");
        }
        if (!Objects.equals(input.decidedOn(), matter.decidedOn)) {
            requireHappened(input.decidedOn(), "decidedOn", regime.regionCode);
        }
        if (!Objects.equals(input.openedOn(), matter.openedOn)) {
            requireHappened(input.openedOn(), "openedOn", regime.regionCode);
        }
        List<ClockStop> stops = RegionService.orEmpty(input.clockStops());
        for (int i = 0; i < stops.size(); i++) {
            ClockStop stop = stops.get(i);
            if (!matter.clockStops.contains(stop)) {
                requireHappened(stop.from(), "clockStops[" + i + "].from", regime.regionCode);
                requireHappened(stop.to(), "clockStops[" + i + "].to", regime.regionCode);
            }
            if (stop.to() != null && stop.to().isBefore(stop.from())) {
                throw ProblemException.invalid("clockStops[" + i + "].to", "must not be before from");
            }
            if (stop.to() == null && i != stops.size() - 1) {
                throw ProblemException.invalid(
                        "clockStops[" + i + "].to", "only the last clock-stop may be open-ended");
            }
        }
        // Entries the matter already has under the same regime were checked when they were recorded; the rules are
        // checked again for new ones only, so that an older entry never blocks an unrelated edit (the deadline then
        // leaves out what no longer applies, with a warning).
        boolean sameRegime = matter.regime != null && matter.regime.id.equals(regime.id);
        List<AppliedExtension> extensions = RegionService.orEmpty(input.extensions());
        for (int i = 0; i < extensions.size(); i++) {
            AppliedExtension applied = extensions.get(i);
            if (!matter.extensions.contains(applied)) {
                requireHappened(applied.grantedOn(), "extensions[" + i + "].grantedOn", regime.regionCode);
            }
            if (!(sameRegime && matter.extensions.contains(applied))) {
                resolve(
                        regime,
                        versionOfClock(regime, matter.history, input.openedOn(), applied.clock()),
                        applied,
                        "extensions[" + i + "]");
            }
        }
        for (int i = 0; i < stops.size(); i++) {
            if (!(sameRegime && matter.clockStops.contains(stops.get(i)))) {
                checkClockStop(regime, matter.history, stops.get(i), "clockStops[" + i + "]");
            }
        }
        matter.dealId = input.dealId();
        matter.companyId = input.companyId();
        matter.regime = regime;
        matter.regionCode = regime.regionCode;
        matter.triggerRule = input.triggerRule();
        matter.title = input.title();
        matter.stage = input.stage();
        matter.openedOn = input.openedOn();
        matter.openedPrecision = input.openedPrecision();
        if (input.openedOn() != null
                && input.openedPrecision() != null
                && !input.openedPrecision().isAligned(input.openedOn())) {
            throw ProblemException.invalid(
                    "openedOn",
                    "with precision " + input.openedPrecision() + " it must be the first day of its "
                            + input.openedPrecision());
        }
        matter.decidedOn = input.decidedOn();
        matter.outcome = input.outcome();
        matter.conditions.clear();
        matter.conditions.addAll(RegionService.orEmpty(input.conditions()));
        matter.clockStops.clear();
        matter.clockStops.addAll(stops);
        matter.extensions.clear();
        matter.extensions.addAll(extensions);
        matter.basis = input.basis();
        matter.basisNote = input.basisNote();
        matter.sources.clear();
        matter.sources.addAll(RegionService.orEmpty(input.sources()));
        // A new matter is checked once its first history entry dates it (create); a stored one when its rule or the
        // version that governs it changes (a rule a regime change took away does not block edits that leave both).
        if (versionBefore != null
                && (!Objects.equals(ruleBefore, matter.triggerRule)
                        || !versionBefore.equals(governingVersion(matter).code()))) {
            requireRuleOfGoverningVersion(matter, "triggerRule");
        }
        matter.updatedAt = today.now();
    }

    /**
     * A matter's trigger rule must be a rule of the version that governs it (in force on its day): a code it does not
     * have would leave the matter under the version's flags without saying so. Checked when the rule is written or the
     * governing version changes, and on a transition, which may move the matter's day (its first notification) into a
     * version without it: 422 on {@code field}. (A rule a regime change took away, which a regime write refuses and a
     * seed release may do, leaves the matter under its version's flags until the rule is named again; transitions and
     * edits that keep the rule and the version go on.)
     */
    /** The version of the matter's regime that governs it now (in force on its day, or today in its region). */
    private RegimeVersion governingVersion(RegulatoryMatter matter) {
        return matter.rules(today.in(matter.regionCode));
    }

    private void requireRuleOfGoverningVersion(RegulatoryMatter matter, String field) {
        if (matter.triggerRule == null) {
            return;
        }
        RegimeVersion version = governingVersion(matter);
        if (matter.rule(version) == null) {
            LocalDate day = matter.rulesDay();
            throw ProblemException.unprocessable(
                    field,
                    "regime " + matter.regime.code + " has no rule '" + matter.triggerRule + "' in version "
                            + version.code() + ", which governs the matter ("
                            + (day == null ? "in force today" : "in force on " + day + ", the matter's day")
                            + "); its rules: "
                            + version.rulesOrEmpty().stream()
                                    .map(TriggerRule::code)
                                    .collect(Collectors.joining(", "))
                            + " (or give no triggerRule)");
        }
    }

    /**
     * The version of {@code regime} whose clock {@code clockCode} a matter refers to: the one in force on the day that
     * clock started (the last dated entry into its start status), or, before it has started, on the matter's latest
     * dated event (else its opening day, else today). The AWV's phase 2 of 2021 has the extensions of § 14a(4)-(5) AWG;
     * the phase 2 of 2013 had none.
     */
    RegimeVersion versionOfClock(Regime regime, List<StatusChange> history, LocalDate openedOn, String clockCode) {
        LocalDate latest = history.stream()
                .map(StatusChange::exactDay)
                .filter(Objects::nonNull)
                .reduce((a, b) -> b)
                .orElse(openedOn != null ? openedOn : today.in(regime.regionCode));
        RegimeVersion then = regime.versionOn(latest);
        Optional<StatutoryClock> any = then.clocksOrEmpty().stream()
                .filter(c -> c.code().equals(clockCode))
                .findFirst()
                .or(() -> regime.allClocks().stream()
                        .filter(c -> c.code().equals(clockCode))
                        .findFirst());
        if (any.isEmpty()) {
            return then;
        }
        StatusChange start = RegulatoryMatter.lastEntryInto(history, any.get().startsAt());
        return start == null || start.exactDay() == null ? then : regime.versionOn(start.exactDay());
    }

    /**
     * The segment an applied extension adds, checked against the clocks of {@code version} (the one in force when the
     * clock started): 422 naming the field when that version has no such clock or extension.
     */
    static DeadlineCalculator.Segment resolve(
            Regime regime, RegimeVersion version, AppliedExtension applied, String field) {
        List<StatutoryClock> clocks = version.clocksOrEmpty();
        StatutoryClock clock = clocks.stream()
                .filter(c -> c.code().equals(applied.clock()))
                .findFirst()
                .orElseThrow(() -> ProblemException.unprocessable(
                        field + ".clock",
                        (regime.allClocks().stream().anyMatch(c -> c.code().equals(applied.clock()))
                                        ? "clock '" + applied.clock() + "' is not a clock of " + regime.code
                                                + " version " + version.describe()
                                                + ", the version in force when the clock started"
                                        : "regime " + regime.code + " has no clock '" + applied.clock() + "'")
                                + "; its clocks then: "
                                + (clocks.isEmpty()
                                        ? "none"
                                        : clocks.stream()
                                                .map(StatutoryClock::code)
                                                .collect(Collectors.joining(", ")))));
        ClockExtension allowed = null;
        if (applied.code() != null) {
            allowed = clock.extension(applied.code());
            if (allowed == null) {
                throw ProblemException.unprocessable(
                        field + ".code",
                        "clock " + clock.code() + " of " + regime.code + " (version " + version.code()
                                + ") has no extension '" + applied.code() + "'"
                                + (clock.extensionsOrEmpty().isEmpty()
                                        ? ""
                                        : "; its extensions: "
                                                + clock.extensionsOrEmpty().stream()
                                                        .map(ClockExtension::code)
                                                        .collect(Collectors.joining(", "))));
            }
        }
        Integer length = applied.length() != null ? applied.length() : allowed != null ? allowed.length() : null;
        ClockUnit unit = applied.unit() != null ? applied.unit() : allowed != null ? allowed.unit() : null;
        if (length == null) {
            throw ProblemException.invalid(
                    field + ".length", "give the length of this extension (the regime does not fix it)");
        }
        if (unit == null) {
            throw ProblemException.invalid(field + ".unit", "give the unit of this extension");
        }
        String label = allowed != null ? allowed.label() : applied.note() != null ? applied.note() : "extension";
        return new DeadlineCalculator.Segment(label, length, unit);
    }

    /** A clock a matter runs: the regime version it comes from and the history entry that started it (if any). */
    record Running(RegimeVersion version, StatutoryClock clock, StatusChange start) {}

    /**
     * The clock giving the deadline of a matter in {@code status} with {@code history} (up to that status): the clock
     * of the version in force on the day it started (a 2021 CAC special review runs 45 working days, a 2023 one 90), or
     * of the version in force on {@code day} while that start is not known to the day.
     */
    static Optional<Running> running(Regime regime, List<StatusChange> history, MatterStatus status, LocalDate day) {
        RegimeVersion current = regime.versionOn(day);
        // Find the start status through whichever version has a clock for this status, then take the version of that
        // day.
        Optional<StatutoryClock> probe = current.clockFor(status)
                .or(() -> regime.versions.stream()
                        .map(regime::complete)
                        .flatMap(v -> v.clockFor(status).stream())
                        .findFirst());
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        StatusChange startEntry =
                RegulatoryMatter.lastEntryInto(history, probe.get().startsAt());
        LocalDate start = startEntry == null ? null : startEntry.exactDay();
        RegimeVersion version = start != null ? regime.versionOn(start) : current;
        return version.clockFor(status)
                .map(clock -> new Running(version, clock, RegulatoryMatter.lastEntryInto(history, clock.startsAt())));
    }

    /**
     * Refuses (400 naming {@code field}) a clock-stop on days when the matter ran a clock its statute gives no stop (the
     * NSIA's s. 14 review period; the AML's periods before the 2022 amendment). The stop's days are matched against the
     * dated status history: a status entered on a day lasts until the next dated entry, the current one open-ended.
     */
    static void checkClockStop(Regime regime, List<StatusChange> history, ClockStop stop, String field) {
        List<Integer> dated = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).exactDay() != null) {
                dated.add(i);
            }
        }
        for (int j = 0; j < dated.size(); j++) {
            StatusChange entry = history.get(dated.get(j));
            LocalDate from = entry.exactDay();
            LocalDate to = j + 1 < dated.size()
                    ? history.get(dated.get(j + 1)).exactDay().minusDays(1)
                    : null;
            boolean left = to != null && to.isBefore(from);
            boolean overlaps = (stop.to() == null || !stop.to().isBefore(from))
                    && (to == null || !stop.from().isAfter(to));
            if (left || !overlaps) {
                continue;
            }
            Optional<Running> running = running(regime, history.subList(0, dated.get(j) + 1), entry.status(), from);
            if (running.isPresent() && !running.get().clock().stoppable()) {
                Running r = running.get();
                throw ProblemException.invalid(
                        field,
                        "the clock cannot be stopped then: from " + from + " the matter was " + entry.status()
                                + ", whose clock " + r.clock().code() + " ("
                                + r.clock().label() + ", " + regime.code
                                + " version " + r.version().code() + ") has no clock-stop in its statute");
            }
        }
    }

    /**
     * The current statutory deadline: for open matters whose status runs a clock. The clock, its extensions and
     * whether it may be stopped are those of the regime version in force on the day the clock started; the answer
     * names that version. Working days are those of the clock's calendar.
     */
    public Optional<Deadline> deadline(RegulatoryMatter matter) {
        if (!matter.status.isOpen()) {
            return Optional.empty();
        }
        Regime regime = matter.regime;
        Optional<Running> found = running(regime, matter.history, matter.status, today.in(matter.regionCode));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Running running = found.get();
        StatutoryClock clock = running.clock();
        List<DeadlineCalculator.Segment> segments = new ArrayList<>();
        List<String> notCounted = new ArrayList<>();
        for (AppliedExtension applied : matter.extensions) {
            if (applied.clock().equals(clock.code())) {
                try {
                    segments.add(resolve(regime, running.version(), applied, "extensions"));
                } catch (ProblemException e) {
                    notCounted.add("an extension recorded on this matter is not counted: " + e.getMessage());
                }
            }
        }
        StatusChange clockStart = running.start();
        LocalDate clockStartDay = clockStart == null ? null : clockStart.exactDay();
        Deadline deadline = DeadlineCalculator.compute(
                        clock, clockStartDay, segments, matter.clockStops, calendars.forClock(regime.regionCode, clock))
                .withVersion(running.version())
                .withWarnings(notCounted);
        if (clockStartDay != null && !regime.inForceOn(clockStartDay)) {
            // Review L3: the assessment answers "not in force" for such a date; the deadline says so too.
            deadline = deadline.withWarnings(List.of(regime.code + " was not in force on " + clockStartDay
                    + ", the day this clock started ("
                    + (regime.inForceFrom != null && clockStartDay.isBefore(regime.inForceFrom)
                            ? "in force from " + regime.inForceFrom
                            : "in force until " + regime.inForceTo)
                    + "): the deadline, for reference only, uses the clock of version "
                    + running.version().code()));
        }
        if (clockStart != null && clockStart.on() != null && clockStartDay == null) {
            deadline = deadline.withoutDueDate(
                    "the clock started in " + clockStart.precision().format(clockStart.on()) + " (precision "
                            + clockStart.precision() + "): the day is not known, so no due date is computed");
        }
        return Optional.of(deadline);
    }

    /**
     * The last day of the statutory period the matter's status runs, when that day has passed (in the region's zone)
     * with the matter still open: the authority's time to decide has run out. Under some regimes the deal is then
     * deemed cleared or may complete (GWB § 40(2), AML art. 30); whether it is, an analyst records (the matter keeps
     * blocking until then: an extension or clock-stop nobody recorded would make the computed day wrong).
     */
    public Optional<LocalDate> periodEndedOn(RegulatoryMatter matter) {
        LocalDate today = this.today.in(matter.regionCode);
        return deadline(matter).map(Deadline::dueOn).filter(due -> due.isBefore(today));
    }

    /** The working-day calendar of the clock that gives the matter's deadline now (the region's when none runs). */
    public WorkingCalendar calendar(RegulatoryMatter matter) {
        return running(matter.regime, matter.history, matter.status, today.in(matter.regionCode))
                .map(r -> calendars.forClock(matter.regime.regionCode, r.clock()))
                .orElseGet(() -> calendars.forRegion(matter.regime.regionCode));
    }

    /**
     * Open matters on the deal under rules that are mandatory and suspensory (those of the regime version in force on
     * the matter's day, or of its trigger rule where that has its own, {@link RegulatoryMatter#blocking}): they block
     * its completion. {@code answer} gets them inside
     * the transaction (it reads their regimes).
     */
    @Transactional
    public <R> R blockingFor(UUID dealId, Function<List<RegulatoryMatter>, R> answer) {
        return answer.apply(matters.openFor(dealId).stream()
                .filter(matter -> matter.blocking(today.in(matter.regionCode)))
                .toList());
    }
}
