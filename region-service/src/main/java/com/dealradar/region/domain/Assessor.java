package com.dealradar.region.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which regimes a deal triggers, each judged by the version of its rules in force on the deal date and with the
 * authority in charge on that date. Pure: the caller loads the regimes and the supranational regions.
 */
public final class Assessor {

    private Assessor() {}

    /** The answer for one regime: the version used, the authority of the day and the verdict. */
    public record RegimeAnswer(
            Regime regime, RegimeVersion version, String authority, TriggerEvaluator.Verdict verdict) {}

    public static List<RegimeAnswer> assess(List<Regime> regimes, Map<String, Region> supranational, DealFacts facts) {
        Map<String, Set<String>> members = membersOn(supranational, facts.date());
        List<RegimeAnswer> answers = new ArrayList<>();
        for (Regime regime : regimes) {
            RegimeVersion version = regime.versionOn(facts.date());
            TriggerEvaluator.Verdict verdict =
                    TriggerEvaluator.evaluate(regime.facts(facts.date()), facts, members::get);
            answers.add(new RegimeAnswer(regime, version, regime.authorityOn(facts.date()), verdict));
        }
        answers.sort(Comparator.comparingInt(
                        (RegimeAnswer a) -> a.verdict().outcome().ordinal())
                .thenComparing(a -> a.regime().code));
        return answers;
    }

    /**
     * The regions whose regimes may apply to a deal touching {@code touched} (its regions and its parties' countries):
     * those, and every supranational region with one of them among its members on {@code day}.
     */
    public static Set<String> regionsToSearch(Set<String> touched, Map<String, Region> supranational, LocalDate day) {
        Set<String> searched = new TreeSet<>(touched);
        membersOn(supranational, day).forEach((code, members) -> {
            if (!Collections.disjoint(members, touched)) {
                searched.add(code);
            }
        });
        return searched;
    }

    /** The member countries of each supranational region on {@code day}. */
    private static Map<String, Set<String>> membersOn(Map<String, Region> supranational, LocalDate day) {
        Map<String, Set<String>> members = new HashMap<>();
        supranational.forEach((code, region) -> members.put(code, Set.copyOf(region.membersOn(day))));
        return members;
    }
}
