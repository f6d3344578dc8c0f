package com.dealradar.region.domain;

import com.dealradar.platform.concurrency.VersionCheck;
import com.dealradar.platform.geo.CountryCodes;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.text.VisibleText;
import com.dealradar.region.holidays.HolidayCalendars;
import com.dealradar.region.persistence.MatterRepository;
import com.dealradar.region.persistence.RegimeRepository;
import com.dealradar.region.persistence.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

@ApplicationScoped
public class RegimeService {

    /** Rows read at a time while filtering by flags (a region has a handful of regimes; the whole table is small). */
    private static final int FLAG_SCAN_BATCH = 200;

    private static final Logger LOG = Logger.getLogger(RegimeService.class);

    private final RegimeRepository regimes;
    private final RegionRepository regions;
    private final MatterRepository matters;
    private final Today today;

    RegimeService(RegimeRepository regimes, RegionRepository regions, MatterRepository matters, Today today) {
        this.regimes = regimes;
        this.regions = regions;
        this.matters = matters;
        this.today = today;
    }

    /** By {@code id} when the request named one, else by code; {@code idOrCode} is what the request sent (for 404s). */
    public Regime get(UUID id, String idOrCode) {
        return get(id, idOrCode, LockModeType.NONE);
    }

    private Regime get(UUID id, String idOrCode, LockModeType lock) {
        return regimes.find(id, idOrCode, lock).orElseThrow(() -> ProblemException.notFound("Regime", idOrCode));
    }

    /** The regimes of one region, for its detailed view. */
    public List<Regime> ofRegion(String regionCode) {
        return regimes.ofRegion(regionCode);
    }

    /**
     * Regimes in code order after {@code afterCode}, at most {@code limit}. Mandatory and suspensory are asked of the
     * version in force on the filter's day (today when it names none): a regime's rules change over time (the AWV
     * became mandatory in 2017), and a versioned regime's row holds only the defaults of versions that give none, so
     * the flags are read from the versions here rather than filtered in the query.
     */
    public List<Regime> search(RegimeRepository.Filter filter, String afterCode, int limit) {
        if (filter.mandatory() == null && filter.suspensory() == null) {
            return regimes.search(filter, afterCode, limit);
        }
        List<Regime> found = new ArrayList<>(limit);
        String after = afterCode;
        while (found.size() < limit) {
            List<Regime> batch = regimes.search(filter, after, FLAG_SCAN_BATCH);
            for (Regime regime : batch) {
                RegimeVersion version = regime.versionOn(dayOf(filter, regime));
                if ((filter.mandatory() == null || filter.mandatory().equals(version.mandatory()))
                        && (filter.suspensory() == null || filter.suspensory().equals(version.suspensory()))) {
                    found.add(regime);
                    if (found.size() == limit) {
                        break;
                    }
                }
            }
            if (batch.size() < FLAG_SCAN_BATCH) {
                break;
            }
            after = batch.getLast().code;
        }
        return found;
    }

    /** The day a list describes {@code regime} on: the one it asked for, else today in the regime's region. */
    public LocalDate dayOf(RegimeRepository.Filter filter, Regime regime) {
        return filter.inForceOn() != null ? filter.inForceOn() : today.in(regime.regionCode);
    }

    /**
     * The regimes that may apply to a deal with {@code facts}: those of every region it touches (its regions and its
     * parties' countries), each assessed against the facts, supranational regions resolved to their members.
     */
    @Transactional
    public <R> R assess(DealFacts facts, Function<Assessment, R> answer) {
        checkCountries(facts);
        Set<String> touched = TriggerEvaluator.dealRegions(facts);
        Map<String, Region> groups = regions.supranational().stream().collect(Collectors.toMap(r -> r.code, r -> r));
        List<Regime> candidates = regimes.ofRegions(Assessor.regionsToSearch(touched, groups, facts.date()));
        return answer.apply(new Assessment(touched, candidates, Assessor.assess(candidates, groups, facts)));
    }

    /**
     * Review L8: the regions and the parties' countries must be assigned ISO 3166-1 alpha-2 codes (XX is not), as
     * deal-service checks its deals' regions; EU may be a region of the deal (a supranational region of this model,
     * as deal-service allows), not a party's country. 400 naming the field.
     */
    static void checkCountries(DealFacts facts) {
        if (facts.regions() != null) {
            for (String region : facts.regions()) {
                if (region != null && !CountryCodes.isDealRegion(region)) {
                    throw ProblemException.invalid(
                            "regions", "'" + region + "' is not an ISO 3166-1 alpha-2 country code (or EU)");
                }
            }
        }
        for (int i = 0; i < facts.parties().size(); i++) {
            DealParty party = facts.parties().get(i);
            if (party != null && party.country() != null && !CountryCodes.isCountry(party.country())) {
                throw ProblemException.invalid(
                        "parties[" + i + "].country",
                        "'" + party.country() + "' is not an ISO 3166-1 alpha-2 country code");
            }
        }
    }

    /** What {@link #assess} found: the regions touched, the regimes considered and the answer of each. */
    public record Assessment(Set<String> touched, List<Regime> candidates, List<Assessor.RegimeAnswer> answers) {

        /**
         * A rule the deal triggers or possibly triggers is mandatory and suspensory on the deal date: completion waits
         * for clearance.
         */
        public boolean completionMustWait() {
            return answers.stream().anyMatch(a -> a.verdict().completionMustWait());
        }
    }

    @Transactional
    public <R> R create(RegimeDraft input, Function<Regime, R> answer) {
        return answer.apply(create(UUID.randomUUID(), input));
    }

    @Transactional
    public Regime create(UUID id, RegimeDraft input) {
        return createSeeded(id, input, null);
    }

    /** Creates a regime; one of a seed entry is marked with the entry's {@code seedDigest} (see {@link #reseed}). */
    @Transactional
    public Regime createSeeded(UUID id, RegimeDraft input, String seedDigest) {
        Regime regime = new Regime();
        regime.id = id;
        regime.createdAt = today.now();
        apply(regime, input);
        if (seedDigest != null) {
            regime.markSeeded(seedDigest, false);
        }
        regimes.persistAndFlush(regime);
        return regime;
    }

    /**
     * Writes a seed entry changed since it wrote the regime (a later release's correction) over the regime; the
     * seeder calls it only for a regime nobody has written through the API since.
     */
    @Transactional
    public Regime reseed(UUID id, RegimeDraft input, String seedDigest) {
        Regime regime = get(id, id.toString());
        apply(regime, input);
        // A release's seed is the statute as corrected: it is written, and a matter whose rule it no longer has is
        // governed by its version's flags (the stricter reading: it blocks where the version does) until an analyst
        // names the rule again.
        for (String lost : mattersLosingTheirRule(regime)) {
            LOG.warnf(
                    "the seed's regime %s no longer has %s; the matter follows its version's flags", regime.code, lost);
        }
        regime.markSeeded(seedDigest, true);
        regimes.flush();
        return regime;
    }

    /** Replaces the regime with what {@code change} makes of it, after checking {@code expected} against its row. */
    @Transactional
    public <R> R replace(
            UUID id,
            String idOrCode,
            VersionCheck expected,
            Function<Regime, RegimeDraft> change,
            Function<Regime, R> answer) {
        // Locked before its matters are counted below: a matter being filed under it meanwhile is counted or waits.
        Regime regime = get(id, idOrCode, LockModeType.PESSIMISTIC_WRITE);
        expected.check(regime.version);
        RegimeDraft input = change.apply(regime);
        // A matter keeps its regime's region (its list filter, its today and its calendar): moved under its matters, a
        // regime would leave them filed under the old region.
        if (!input.regionCode().equals(regime.regionCode) && matters.countOfRegime(regime.id) > 0) {
            throw ProblemException.conflict(
                    "regionCode",
                    "must stay " + regime.regionCode,
                    "Regime " + regime.code + " has regulatory matters in " + regime.regionCode
                            + "; a regime with matters stays in its region (create one in " + input.regionCode()
                            + " instead)");
        }
        apply(regime, input);
        // Nor may a change take away the trigger rule a matter is under in the version that governs it: the matter
        // would silently follow the version's flags (blocking a deal an own-motion review never held up).
        List<String> lost = mattersLosingTheirRule(regime);
        if (!lost.isEmpty()) {
            throw ProblemException.conflict(
                    "versions",
                    "must keep the trigger rules its matters are under",
                    "Regime " + regime.code + " would no longer have the rule of " + lost.size() + " matter"
                            + (lost.size() == 1 ? "" : "s") + " in the version that governs "
                            + (lost.size() == 1 ? "it" : "them") + ": "
                            + String.join("; ", lost.subList(0, Math.min(5, lost.size())))
                            + (lost.size() > 5 ? "; ..." : "") + ". Change the matters' triggerRule first");
        }
        regimes.flush();
        return answer.apply(regime);
    }

    /** The matters under {@code regime} (as changed in memory) whose trigger rule its governing version lacks. */
    private List<String> mattersLosingTheirRule(Regime regime) {
        List<String> lost = new ArrayList<>();
        for (RegulatoryMatter matter : matters.withTriggerRule(regime.id)) {
            RegimeVersion version = matter.rules(today.in(matter.regionCode));
            if (matter.rule(version) == null) {
                lost.add("matter " + matter.id + " (rule " + matter.triggerRule + ", version " + version.code() + ")");
            }
        }
        return lost;
    }

    private void apply(Regime regime, RegimeDraft input) {
        if (regimes.codeTaken(input.code(), regime.id)) {
            throw ProblemException.taken("code", "Regime code " + input.code() + " is already used");
        }
        if (regions.findByIdOptional(input.regionCode()).isEmpty()) {
            throw ProblemException.unprocessable(
                    "regionCode", "region " + input.regionCode() + " does not exist; create it first");
        }
        fill(regime, input);
        regime.updatedAt = today.now();
    }

    /** The rules of a regime that need no database, applied to {@code regime} (400 naming the field when broken). */
    public static void fill(Regime regime, RegimeDraft input) {
        if (!input.code().startsWith(input.regionCode().equals("GB") ? "UK-" : input.regionCode() + "-")) {
            throw ProblemException.invalid(
                    "code",
                    "must start with the region code (UK- for GB), e.g. "
                            + (input.regionCode().equals("GB") ? "UK" : input.regionCode()) + "-NAME");
        }
        if (input.inForceFrom() != null
                && input.inForceTo() != null
                && input.inForceTo().isBefore(input.inForceFrom())) {
            throw ProblemException.invalid("inForceTo", "must not be before inForceFrom");
        }
        List<RegimeVersion> versions = RegionService.orEmpty(input.versions());
        List<TriggerRule> rules = RegionService.orEmpty(input.triggerRules());
        List<StatutoryClock> clocks = RegionService.orEmpty(input.clocks());
        if (!versions.isEmpty() && (!rules.isEmpty() || !clocks.isEmpty())) {
            throw ProblemException.invalid(
                    "versions", "give trigger rules and clocks either in versions or at the top level, not both");
        }
        checkRulesAndClocks("", input.regionCode(), rules, clocks);
        unique("versions", versions.stream().map(RegimeVersion::code).toList());
        for (int i = 0; i < versions.size(); i++) {
            RegimeVersion v = versions.get(i);
            String field = "versions[" + i + "]";
            checkRulesAndClocks(field + ".", input.regionCode(), v.rulesOrEmpty(), v.clocksOrEmpty());
            if (v.validFrom() != null && v.validTo() != null && v.validTo().isBefore(v.validFrom())) {
                throw ProblemException.invalid(field + ".validTo", "must not be before validFrom");
            }
            if (i > 0 && v.validFrom() == null) {
                throw ProblemException.invalid(field + ".validFrom", "only the first version may leave validFrom out");
            }
            if (i < versions.size() - 1 && v.validTo() == null) {
                throw ProblemException.invalid(field + ".validTo", "only the last version may leave validTo out");
            }
            if (i > 0 && !versions.get(i - 1).validTo().plusDays(1).equals(v.validFrom())) {
                throw ProblemException.invalid(
                        field + ".validFrom",
                        "must be the day after the previous version's validTo ("
                                + versions.get(i - 1).validTo()
                                + "): versions follow each other without gaps or overlaps");
            }
        }
        regime.code = input.code();
        regime.name = VisibleText.strip("name", input.name());
        regime.regionCode = input.regionCode();
        regime.kind = input.kind();
        regime.authorities = List.copyOf(input.authorities());
        regime.mandatory = input.mandatory();
        regime.suspensory = input.suspensory();
        regime.inForceFrom = input.inForceFrom();
        regime.inForceTo = input.inForceTo();
        regime.legalBasis = input.legalBasis();
        regime.description = input.description();
        regime.versions = List.copyOf(versions);
        // With versions, the top-level flags are the defaults of versions that give none (as the API documents them),
        // and each version has its own rules and clocks: nothing here is a copy of one day's version, which would go
        // stale when the next version begins (lists read the version of their day, RegimeService.search).
        regime.triggerRules = List.copyOf(rules);
        regime.clocks = List.copyOf(clocks);
        regime.sources.clear();
        regime.sources.addAll(RegionService.orEmpty(input.sources()));
    }

    private static void checkRulesAndClocks(
            String prefix, String regionCode, List<TriggerRule> rules, List<StatutoryClock> clocks) {
        unique(prefix + "triggerRules", rules.stream().map(TriggerRule::code).toList());
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).minStakePercent() != null && rules.get(i).stakeAbovePercent() != null) {
                throw ProblemException.invalid(
                        prefix + "triggerRules[" + i + "].stakeAbovePercent",
                        "give minStakePercent (at least) or stakeAbovePercent (more than), not both");
            }
        }
        unique(prefix + "clocks", clocks.stream().map(StatutoryClock::code).toList());
        for (int i = 0; i < clocks.size(); i++) {
            unique(
                    prefix + "clocks[" + i + "].extensions",
                    clocks.get(i).extensionsOrEmpty().stream()
                            .map(ClockExtension::code)
                            .toList());
            List<String> parts = RegionService.orEmpty(clocks.get(i).holidayRegions());
            unique(prefix + "clocks[" + i + "].holidayRegions", parts);
            for (int j = 0; j < parts.size(); j++) {
                String field = prefix + "clocks[" + i + "].holidayRegions[" + j + "]";
                HolidayCalendars.problemWith(regionCode, parts.get(j)).ifPresent(problem -> {
                    throw ProblemException.invalid(field, problem);
                });
            }
        }
        Set<MatterStatus> running = new HashSet<>();
        for (int i = 0; i < clocks.size(); i++) {
            for (MatterStatus status : clocks.get(i).runsIn()) {
                if (status.isTerminal()) {
                    throw ProblemException.invalid(
                            prefix + "clocks[" + i + "].runsIn", "a clock cannot run in the terminal status " + status);
                }
                if (!running.add(status)) {
                    throw ProblemException.invalid(
                            prefix + "clocks[" + i + "].runsIn", "another clock already runs in " + status);
                }
            }
        }
    }

    private static void unique(String field, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                throw ProblemException.invalid(field, "code '" + code + "' appears twice");
            }
        }
    }
}
