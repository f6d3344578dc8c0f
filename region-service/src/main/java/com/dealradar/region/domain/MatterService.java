package com.dealradar.region.domain;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.provenance.Precision;
import com.dealradar.region.holidays.HolidayCalendars;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegimeRepository;
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

    MatterService(MatterRepository matters, RegimeRepository regimes, HolidayCalendars calendars, Today today) {
        this.matters = matters;
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

    @Transactional
    public <R> R create(MatterDraft input, Function<RegulatoryMatter, R> answer) {
        return answer.apply(create(UUID.randomUUID(), input, null));
    }

    /** Creates with a given id (seed data) and, optionally, the date and note of the first history entry. */
    @Transactional
    public RegulatoryMatter create(UUID id, MatterDraft input, StatusChange first) {
        MatterStatus initial = input.status() == null ? MatterStatus.not_assessed : input.status();
        if (!MatterStatus.ENTRY.contains(initial)) {
            throw ProblemException.invalid(
                    "status", "a new matter starts as anticipated or not_assessed; then POST its transitions");
        }
        RegulatoryMatter matter = new RegulatoryMatter();
        matter.id = id;
        matter.createdAt = today.now();
        matter.status = initial;
        apply(matter, input);
        matter.history.add(
                first != null
                        ? new StatusChange(initial, first.on(), first.note(), today.now(), first.precision())
                        : new StatusChange(
                                initial,
                                input.openedOn() != null ? input.openedOn() : today.date(),
                                "recorded",
                                today.now()));
        matters.persistAndFlush(matter);
        return matter;
    }

    /** Replaces the matter with what {@code change} makes of it, after checking {@code expected} against its row. */
    @Transactional
    public <R> R replace(
            UUID id,
            VersionCheck expected,
            Function<RegulatoryMatter, MatterDraft> change,
            Function<RegulatoryMatter, R> answer) {
        RegulatoryMatter matter = get(id);
        expected.check(matter.version);
        MatterDraft input = change.apply(matter);
        if (input.status() != null && input.status() != matter.status) {
            throw new ProblemException(
                    ProblemType.INVALID_TRANSITION,
                    "status is changed with POST /regulatory-matters/" + matter.id + "/transitions, not by "
                            + "replacing the matter");
        }
        apply(matter, input);
        matters.flush();
        return answer.apply(matter);
    }

    /** One step through the status machine (a POST .../transitions), after checking {@code expected} against the row. */
    @Transactional
    public <R> R transition(
            UUID id, VersionCheck expected, TransitionDraft input, Function<RegulatoryMatter, R> answer) {
        RegulatoryMatter matter = get(id);
        expected.check(matter.version);
        return answer.apply(changeStatus(
                matter, input.status(), input.on() != null ? input.on() : today.date(), input.note(), input.stage()));
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
        matter.status = target;
        matter.history.add(new StatusChange(target, on, note, today.now(), precision));
        requireStatusIsLastEntry(matter);
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

    private void apply(RegulatoryMatter matter, MatterDraft input) {
        if (input.dealId() == null && input.companyId() == null) {
            throw ProblemException.invalid("dealId", "a matter is about a deal or a company: give dealId or companyId");
        }
        Regime regime = regimes.findByCode(input.regimeCode())
                .orElseThrow(() -> ProblemException.unprocessable(
                        "regimeCode", "regime " + input.regimeCode() + " does not exist"));
        if (input.openedOn() != null
                && input.decidedOn() != null
                && input.decidedOn().isBefore(input.openedOn())) {
            throw ProblemException.invalid("decidedOn", "must not be before openedOn");
        }
        List<ClockStop> stops = RegionService.orEmpty(input.clockStops());
        for (int i = 0; i < stops.size(); i++) {
            ClockStop stop = stops.get(i);
            if (stop.to() != null && stop.to().isBefore(stop.from())) {
                throw ProblemException.invalid("clockStops[" + i + "].to", "must not be before from");
            }
            if (stop.to() == null && i != stops.size() - 1) {
                throw ProblemException.invalid(
                        "clockStops[" + i + "].to", "only the last clock-stop may be open-ended");
            }
        }
        List<AppliedExtension> extensions = RegionService.orEmpty(input.extensions());
        for (int i = 0; i < extensions.size(); i++) {
            resolve(regime, extensions.get(i), "extensions[" + i + "]");
        }
        matter.dealId = input.dealId();
        matter.companyId = input.companyId();
        matter.regime = regime;
        matter.regionCode = regime.regionCode;
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
        matter.updatedAt = today.now();
    }

    /** The segment an applied extension adds, checked against the regime's clocks (422 naming the field otherwise). */
    static DeadlineCalculator.Segment resolve(Regime regime, AppliedExtension applied, String field) {
        return resolve(regime, regime.allClocks(), applied, field);
    }

    /** As above, against the clocks of one version of the regime. */
    static DeadlineCalculator.Segment resolve(
            Regime regime, List<StatutoryClock> clocks, AppliedExtension applied, String field) {
        // Several versions may have a clock of one code: the one of the version in use is passed in first.
        StatutoryClock clock = clocks.stream()
                .filter(c -> c.code().equals(applied.clock()))
                .findFirst()
                .orElseThrow(() -> ProblemException.unprocessable(
                        field + ".clock",
                        "regime " + regime.code + " has no clock '" + applied.clock() + "'; its clocks: "
                                + clocks.stream()
                                        .map(StatutoryClock::code)
                                        .distinct()
                                        .collect(Collectors.joining(", "))));
        ClockExtension allowed = null;
        if (applied.code() != null) {
            allowed = clock.extension(applied.code());
            if (allowed == null) {
                throw ProblemException.unprocessable(
                        field + ".code",
                        "clock " + clock.code() + " of " + regime.code + " has no extension '" + applied.code() + "'");
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

    /**
     * The current statutory deadline: for open matters whose status runs a clock. The clock is the one of the
     * regime version in force on the day the clock started (a 2021 CAC special review runs 45 working days, a 2023
     * one 90); the answer names that version.
     */
    public Optional<Deadline> deadline(RegulatoryMatter matter) {
        if (!matter.status.isOpen()) {
            return Optional.empty();
        }
        Regime regime = matter.regime;
        RegimeVersion current = regime.versionOn(today.date());
        // Find the start day through whichever version has a clock for this status, then take the version of that day.
        Optional<StatutoryClock> probe = current.clockFor(matter.status)
                .or(() -> regime.versions.stream()
                        .map(regime::complete)
                        .flatMap(v -> v.clockFor(matter.status).stream())
                        .findFirst());
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        StatusChange startEntry = matter.lastEntryInto(probe.get().startsAt());
        LocalDate start = startEntry == null ? null : startEntry.exactDay();
        RegimeVersion version = start != null ? regime.versionOn(start) : current;
        Optional<StatutoryClock> found = version.clockFor(matter.status);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StatutoryClock clock = found.get();
        List<StatutoryClock> versionFirst = new ArrayList<>(version.clocksOrEmpty());
        versionFirst.addAll(regime.allClocks());
        List<DeadlineCalculator.Segment> segments = new ArrayList<>();
        for (AppliedExtension applied : matter.extensions) {
            if (applied.clock().equals(clock.code())) {
                segments.add(resolve(regime, versionFirst, applied, "extensions"));
            }
        }
        StatusChange clockStart = matter.lastEntryInto(clock.startsAt());
        LocalDate clockStartDay = clockStart == null ? null : clockStart.exactDay();
        Deadline deadline = DeadlineCalculator.compute(
                        clock, clockStartDay, segments, matter.clockStops, calendars.forRegion(regime.regionCode))
                .withVersion(version);
        if (clockStart != null && clockStart.on() != null && clockStartDay == null) {
            List<String> warnings = new ArrayList<>(deadline.warnings());
            warnings.add("the clock started in " + clockStart.precision().format(clockStart.on()) + " (precision "
                    + clockStart.precision() + "): the day is not known, so no due date is computed");
            deadline = new Deadline(
                    deadline.clock(),
                    deadline.label(),
                    null,
                    deadline.length(),
                    deadline.unit(),
                    deadline.extensions(),
                    deadline.stoppedDays(),
                    deadline.clockStopped(),
                    null,
                    deadline.calendar(),
                    warnings,
                    deadline.firstCountedDay(),
                    deadline.regimeVersion(),
                    deadline.regimeVersionLabel());
        }
        return Optional.of(deadline);
    }

    /**
     * Open matters on the deal under a mandatory suspensory regime: they block its completion. {@code answer} gets
     * them inside the transaction (it reads their regimes).
     */
    @Transactional
    public <R> R blockingFor(UUID dealId, Function<List<RegulatoryMatter>, R> answer) {
        return answer.apply(matters.blockingFor(dealId));
    }
}
