package com.dealradar.region.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates regimes' trigger rules against a deal's facts: the same code for every country, the rules are
 * data. Pure: no database, no clock.
 */
public final class TriggerEvaluator {

    /** Roles on the side that acquires, invests, partners or supplies. */
    static final Set<PartyRole> ACTING =
            EnumSet.of(PartyRole.acquirer, PartyRole.investor, PartyRole.partner, PartyRole.vendor);
    /** Roles on the side that is acquired, invested in, partnered with or hosts. */
    static final Set<PartyRole> TARGET =
            EnumSet.of(PartyRole.target, PartyRole.investee, PartyRole.partner, PartyRole.host, PartyRole.reseller);

    private TriggerEvaluator() {}

    /** What the evaluator needs of a regime (the entity, or a test double). */
    public record RegimeFacts(
            String code,
            String regionCode,
            boolean mandatory,
            boolean suspensory,
            LocalDate inForceFrom,
            LocalDate inForceTo,
            List<TriggerRule> rules) {}

    /**
     * The answer for one regime. {@code mandatory} and {@code suspensory}: under the rule that decided the outcome (its
     * own flags where it gives them, else the version's), the version's when none applies. {@code completionMustWait}:
     * a rule the deal triggers or possibly triggers is mandatory and suspensory, the decisive one or another (a deal
     * caught by Germany's cross-sector review, which does not suspend, may also possibly fall under a listed sector,
     * which does).
     */
    public record Verdict(
            TriggerOutcome outcome,
            String ruleCode,
            List<String> reasons,
            boolean mandatory,
            boolean suspensory,
            boolean completionMustWait) {

        Verdict(TriggerOutcome outcome, String ruleCode, List<String> reasons) {
            this(outcome, ruleCode, reasons, false, false, false);
        }

        private Verdict under(TriggerRule rule, RegimeFacts regime) {
            boolean isMandatory = rule.mandatoryOr(regime.mandatory());
            boolean isSuspensory = rule.suspensoryOr(regime.suspensory());
            return new Verdict(
                    outcome,
                    ruleCode,
                    reasons,
                    isMandatory,
                    isSuspensory,
                    outcome != TriggerOutcome.not_triggered && isMandatory && isSuspensory);
        }

        private Verdict ofRegime(RegimeFacts regime) {
            return new Verdict(outcome, ruleCode, reasons, regime.mandatory(), regime.suspensory(), false);
        }
    }

    public static Verdict evaluate(RegimeFacts regime, DealFacts facts) {
        return evaluate(regime, facts, code -> null);
    }

    /**
     * {@code groups} gives the member countries of a supranational region (such as EU) on the deal date, or
     * null for a plain country code: a rule's domestic countries may name such a region, so that "an EU
     * acquirer" means the members of that date (the UK until the end of its transition, 31 December 2020), and a
     * supranational regime's own region stands for its members of that date (a German target is in the EU for an EU
     * regime, and a French buyer is not foreign to it).
     */
    public static Verdict evaluate(RegimeFacts regime, DealFacts facts, Function<String, Set<String>> groups) {
        String region = regime.regionCode();
        Set<String> where = countriesOf(region, groups);
        LocalDate date = facts.date();
        if (regime.inForceFrom() != null && date.isBefore(regime.inForceFrom())) {
            return new Verdict(
                            TriggerOutcome.not_triggered,
                            null,
                            List.of("not in force on " + date + ": in force from " + regime.inForceFrom()))
                    .ofRegime(regime);
        }
        if (regime.inForceTo() != null && date.isAfter(regime.inForceTo())) {
            return new Verdict(
                            TriggerOutcome.not_triggered,
                            null,
                            List.of("not in force on " + date + ": in force until " + regime.inForceTo()))
                    .ofRegime(regime);
        }
        if (Collections.disjoint(dealRegions(facts), where)) {
            return new Verdict(TriggerOutcome.not_triggered, null, List.of("the deal does not touch " + region))
                    .ofRegime(regime);
        }
        Verdict best = null;
        TriggerRule decisive = null;
        List<String> misses = new ArrayList<>();
        List<Verdict> applying = new ArrayList<>();
        for (TriggerRule rule : regime.rules()) {
            Verdict verdict = evaluate(rule, region, where, facts, groups).under(rule, regime);
            if (verdict.outcome() == TriggerOutcome.not_triggered) {
                misses.addAll(verdict.reasons());
            } else {
                applying.add(verdict);
            }
            // Of rules with the same outcome, the one with the heavier consequence decides: a deal caught both as a
            // notifiable acquisition and by the cross-sector review must be notified.
            if (best == null
                    || rank(verdict.outcome()) > rank(best.outcome())
                    || (rank(verdict.outcome()) == rank(best.outcome()) && weight(verdict) > weight(best))) {
                best = verdict;
                decisive = rule;
            }
        }
        if (best == null) {
            return new Verdict(TriggerOutcome.not_triggered, null, List.of("the regime has no trigger rules"))
                    .ofRegime(regime);
        }
        if (best.outcome() == TriggerOutcome.not_triggered) {
            return new Verdict(TriggerOutcome.not_triggered, null, misses).ofRegime(regime);
        }
        List<String> reasons = new ArrayList<>(best.reasons());
        if (decisive.mandatory() != null || decisive.suspensory() != null) {
            reasons.add("under this rule " + consequence(best) + " (the regime's version: "
                    + consequence(regime.mandatory(), regime.suspensory()) + ")");
        }
        boolean mustWait = false;
        for (Verdict other : applying) {
            mustWait |= other.completionMustWait();
            if (other != best && (other.mandatory() != best.mandatory() || other.suspensory() != best.suspensory())) {
                reasons.add("rule " + other.ruleCode() + " also "
                        + other.outcome().name().replace('_', ' ') + ": under it " + consequence(other));
            }
        }
        return new Verdict(best.outcome(), best.ruleCode(), reasons, best.mandatory(), best.suspensory(), mustWait);
    }

    private static int weight(Verdict verdict) {
        return (verdict.completionMustWait() ? 2 : 0) + (verdict.mandatory() ? 1 : 0);
    }

    private static String consequence(Verdict verdict) {
        return consequence(verdict.mandatory(), verdict.suspensory());
    }

    private static String consequence(boolean mandatory, boolean suspensory) {
        return (mandatory ? "filing is mandatory" : "filing is not mandatory")
                + (suspensory ? " and completion must wait for clearance" : " and completion need not wait");
    }

    static Verdict evaluate(TriggerRule rule, String region, DealFacts facts, Function<String, Set<String>> groups) {
        return evaluate(rule, region, countriesOf(region, groups), facts, groups);
    }

    /** {@code where}: the region's code and, for a supranational region, its members on the deal date. */
    private static Verdict evaluate(
            TriggerRule rule, String region, Set<String> where, DealFacts facts, Function<String, Set<String>> groups) {
        List<String> reasons = new ArrayList<>();
        boolean possibly = false;
        String prefix = "rule " + rule.code() + ": ";
        if (rule.dealTypes() != null && !rule.dealTypes().isEmpty()) {
            if (!rule.dealTypes().contains(facts.dealType())) {
                return no(rule, prefix + "deal type " + facts.dealType() + " is not one of " + names(rule.dealTypes()));
            }
            reasons.add("deal type " + facts.dealType() + " is covered");
        }
        if (Boolean.TRUE.equals(rule.dealInRegion())) {
            if (Collections.disjoint(activityRegions(facts), where)) {
                return no(
                        rule,
                        prefix + "the deal's regions do not include " + region
                                + " (neither among its regions nor the country of the company acquired, invested in,"
                                + " hosting or reselling; the rule needs the activity there)");
            }
            reasons.add("the deal takes place in " + region + whereFrom(region, where, facts));
        }
        Set<String> domestic = new HashSet<>(where);
        List<String> resolved = new ArrayList<>();
        if (rule.domesticCountries() != null) {
            for (String code : rule.domesticCountries()) {
                Set<String> members = groups.apply(code);
                if (members == null) {
                    domestic.add(code);
                } else {
                    domestic.addAll(members);
                    resolved.add(code + " on " + facts.date() + ": " + String.join(", ", new TreeSet<>(members)));
                }
            }
        }
        List<DealParty> foreign = facts.parties().stream()
                .filter(p -> ACTING.contains(p.role()) && !domestic.contains(p.country()))
                .toList();
        List<DealParty> domesticTargets = facts.parties().stream()
                .filter(p -> TARGET.contains(p.role()) && where.contains(p.country()))
                .toList();
        if (Boolean.TRUE.equals(rule.foreignParty())) {
            if (foreign.isEmpty()) {
                return no(
                        rule,
                        prefix + "no acquiring, investing, partnering or supplying party from outside "
                                + (domestic.size() == 1 ? region : "the domestic countries"));
            }
            reasons.add("foreign party: " + describe(foreign));
            resolved.forEach(r -> reasons.add("members of " + r));
        }
        if (Boolean.TRUE.equals(rule.domesticTarget())) {
            if (domesticTargets.isEmpty()) {
                return no(rule, prefix + "no target, investee, partner or host in " + region);
            }
            reasons.add("party in " + region + ": " + describe(domesticTargets));
        }
        if (rule.sectors() != null && !rule.sectors().isEmpty()) {
            SectorScope scope = rule.sectorScope() == null ? SectorScope.any_party : rule.sectorScope();
            List<DealParty> looked = switch (scope) {
                case target ->
                    domesticTargets.isEmpty()
                            ? facts.parties().stream()
                                    .filter(p -> TARGET.contains(p.role()))
                                    .toList()
                            : domesticTargets;
                case foreign_party -> foreign;
                case any_party -> facts.parties();
            };
            boolean anySectorsKnown =
                    looked.stream().anyMatch(p -> !p.sectorsOrEmpty().isEmpty());
            Set<Sector> hit = looked.stream()
                    .flatMap(p -> p.sectorsOrEmpty().stream())
                    .filter(rule.sectors()::contains)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
            if (!hit.isEmpty()) {
                reasons.add("sector " + names(hit) + " is covered");
            } else if (!anySectorsKnown) {
                possibly = true;
                reasons.add("sectors of the " + scope + " are not given; the rule covers " + names(rule.sectors()));
            } else {
                return no(rule, prefix + "no " + scope + " in a covered sector (" + names(rule.sectors()) + ")");
            }
        }
        if (rule.minStakePercent() != null || rule.stakeAbovePercent() != null) {
            // "At least" (AWV: 25% or more) and "more than" (NSIA s. 8(2)(a): more than 25%) differ exactly at the
            // threshold, so each rule says which it means.
            boolean above = rule.stakeAbovePercent() != null;
            BigDecimal threshold = above ? rule.stakeAbovePercent() : rule.minStakePercent();
            String needed = (above ? "more than " : "at least ") + percent(threshold);
            BigDecimal stake = facts.stakePercent();
            if (stake == null) {
                possibly = true;
                reasons.add("stake not given; the rule needs " + needed);
            } else if (above ? stake.compareTo(threshold) <= 0 : stake.compareTo(threshold) < 0) {
                return no(
                        rule,
                        prefix + "stake " + percent(stake)
                                + (above ? " is not " + needed : " is below " + percent(threshold)));
            } else {
                reasons.add("stake " + percent(stake) + (above ? " is " + needed : " reaches " + percent(threshold)));
            }
        }
        if (rule.thresholds() != null && !rule.thresholds().isBlank()) {
            if (facts.thresholdsMet() == null) {
                possibly = true;
                reasons.add("thresholds not checked (send thresholdsMet): " + rule.thresholds());
            } else if (facts.thresholdsMet()) {
                reasons.add("thresholds met as stated: " + rule.thresholds());
            } else {
                return no(rule, prefix + "thresholds not met as stated: " + rule.thresholds());
            }
        }
        reasons.addFirst(prefix + rule.description());
        return new Verdict(
                possibly ? TriggerOutcome.possibly_triggered : TriggerOutcome.triggered, rule.code(), reasons);
    }

    /**
     * The regions a deal takes place in: the regions it names ({@code regions}, which the contract defines as the
     * countries it touches besides the parties' own) and every party's country.
     */
    public static Set<String> dealRegions(DealFacts facts) {
        Set<String> all = new TreeSet<>();
        if (facts.regions() != null) {
            all.addAll(facts.regions());
        }
        facts.parties().stream()
                .map(DealParty::country)
                .filter(Objects::nonNull)
                .forEach(all::add);
        return all;
    }

    /** The roles whose company's country is where the deal's activity is (a partnership's partners are on both sides). */
    static final Set<PartyRole> ACTIVITY_THERE =
            EnumSet.of(PartyRole.target, PartyRole.investee, PartyRole.host, PartyRole.reseller);

    /**
     * Where a deal's activity is, for rules that need it in the region: the regions it names, and the country of the
     * company acquired, invested in, hosting or reselling (a US investor taking 30% of a Chinese cloud provider acts
     * in China without saying so in {@code regions}). A partner's country is not: a Chinese cloud provider partnering
     * with a British operator for the UK market does not make the partnership Chinese; name CN in {@code regions}
     * when it is.
     */
    public static Set<String> activityRegions(DealFacts facts) {
        Set<String> all = new TreeSet<>();
        if (facts.regions() != null) {
            all.addAll(facts.regions());
        }
        facts.parties().stream()
                .filter(p -> ACTIVITY_THERE.contains(p.role()))
                .map(DealParty::country)
                .filter(Objects::nonNull)
                .forEach(all::add);
        return all;
    }

    /**
     * The countries a regime's region stands for on the deal date: the code itself and, for a supranational region,
     * its members of that date.
     */
    static Set<String> countriesOf(String region, Function<String, Set<String>> groups) {
        Set<String> members = groups.apply(region);
        if (members == null || members.isEmpty()) {
            return Set.of(region);
        }
        Set<String> all = new TreeSet<>(members);
        all.add(region);
        return all;
    }

    /** Why {@code region} is one of the deal's regions, for the reasons text. */
    private static String whereFrom(String region, Set<String> where, DealFacts facts) {
        List<DealParty> there = facts.parties().stream()
                .filter(p -> ACTIVITY_THERE.contains(p.role()) && where.contains(p.country()))
                .toList();
        if (there.isEmpty()) {
            return " (among the deal's regions)";
        }
        return " (country of " + describe(there) + ")";
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }

    private static Verdict no(TriggerRule rule, String reason) {
        return new Verdict(TriggerOutcome.not_triggered, rule.code(), List.of(reason));
    }

    static int rank(TriggerOutcome outcome) {
        return switch (outcome) {
            case triggered -> 2;
            case possibly_triggered -> 1;
            case not_triggered -> 0;
        };
    }

    private static String describe(List<DealParty> parties) {
        return parties.stream()
                .map(p -> (p.name() == null ? "a party" : p.name()) + " (" + p.role() + ", " + p.country() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
