package com.dealradar.region.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<RegimeAnswer> answers = new ArrayList<>();
        for (Regime regime : regimes) {
            RegimeVersion version = regime.versionOn(facts.date());
            TriggerEvaluator.Verdict verdict = TriggerEvaluator.evaluate(regime.facts(facts.date()), facts, code -> {
                Region group = supranational.get(code);
                return group == null ? null : Set.copyOf(group.membersOn(facts.date()));
            });
            answers.add(new RegimeAnswer(regime, version, regime.authorityOn(facts.date()), verdict));
        }
        answers.sort(Comparator.comparingInt(
                        (RegimeAnswer a) -> a.verdict().outcome().ordinal())
                .thenComparing(a -> a.regime().code));
        return answers;
    }
}
