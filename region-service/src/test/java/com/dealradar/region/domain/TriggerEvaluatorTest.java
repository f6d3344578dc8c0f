package com.dealradar.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.region.domain.TriggerEvaluator.RegimeFacts;
import com.dealradar.region.domain.TriggerEvaluator.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trigger rules as data, evaluated without a database: every condition, its boundary, and how rules combine. */
class TriggerEvaluatorTest {

    static final DealParty ALIBABA =
            new DealParty(null, "Alibaba Cloud", PartyRole.acquirer, "CN", Set.of(Sector.cloud_provider));
    static final DealParty BT =
            new DealParty(null, "BT Global Services", PartyRole.target, "GB", Set.of(Sector.it_services));

    static Verdict eval(TriggerRule rule, String region, DealFacts facts) {
        return TriggerEvaluator.evaluate(rule, region, facts, code -> null);
    }

    static Verdict eval(RegimeFacts regime, DealFacts facts) {
        return TriggerEvaluator.evaluate(regime, facts);
    }

    /** A domestic country that is a group (the EU): its members count as domestic. */
    @Test
    void aDomesticGroupStandsForItsMembers() {
        TriggerRule euBuyersAreDomestic = new TriggerRule(
                "g", "g", null, null, true, Set.of("EU"), null, null, null, null, null, null, null, null);
        DealParty french = new DealParty(null, "Orange", PartyRole.acquirer, "FR", null);
        DealFacts frenchBuysBt = deal(
                "2023-05-10",
                Set.of("DE"),
                List.of(french, new DealParty(null, "DE target", PartyRole.target, "DE", null)),
                null,
                null);
        assertThat(TriggerEvaluator.evaluate(
                                euBuyersAreDomestic,
                                "DE",
                                frenchBuysBt,
                                code -> "EU".equals(code) ? Set.of("DE", "FR") : null)
                        .outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
        assertThat(TriggerEvaluator.evaluate(euBuyersAreDomestic, "DE", frenchBuysBt, code -> null)
                        .outcome())
                .isEqualTo(TriggerOutcome.triggered);
    }

    /** A supranational regime's region stands for its members: where the deal is, who is foreign, who is domestic. */
    @Test
    void aSupranationalRegimesRegionStandsForItsMembers() {
        TriggerRule foreignBuyerOfADomesticTarget =
                new TriggerRule("f", "f", null, true, true, null, true, null, null, null, null, null, null, null);
        RegimeFacts eu = new RegimeFacts("EU-X", "EU", true, true, null, null, List.of(foreignBuyerOfADomesticTarget));
        java.util.function.Function<String, Set<String>> members =
                code -> "EU".equals(code) ? Set.of("DE", "FR") : null;
        DealFacts chineseBuysGerman = deal(
                "2023-05-10",
                null,
                List.of(ALIBABA, new DealParty(null, "DE target", PartyRole.target, "DE", null)),
                null,
                null);
        assertThat(TriggerEvaluator.evaluate(eu, chineseBuysGerman, members).outcome())
                .isEqualTo(TriggerOutcome.triggered);
        DealFacts frenchBuysGerman = deal(
                "2023-05-10",
                null,
                List.of(
                        new DealParty(null, "Orange", PartyRole.acquirer, "FR", null),
                        new DealParty(null, "DE target", PartyRole.target, "DE", null)),
                null,
                null);
        assertThat(TriggerEvaluator.evaluate(eu, frenchBuysGerman, members).outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
        // Without the members (a region the evaluator does not know as a group), the deal does not touch EU.
        assertThat(TriggerEvaluator.evaluate(eu, chineseBuysGerman).reasons())
                .containsExactly("the deal does not touch EU");
    }

    /**
     * A rule's own flags say what a deal it catches must do (Germany's cross-sector review: no duty to notify, no
     * completion ban, though the version's notifiable acquisitions have both). Of rules with the same outcome the one
     * with the heavier consequence decides; one that only possibly applies still makes completion wait.
     */
    @Test
    void aRulesOwnFlagsDecideWhatTheDealMustDo() {
        TriggerRule crossSector = new TriggerRule(
                "cross",
                "any sector",
                null,
                null,
                true,
                null,
                true,
                null,
                null,
                new BigDecimal("25"),
                null,
                null,
                false,
                false);
        TriggerRule listed = new TriggerRule(
                "listed",
                "listed sector",
                null,
                null,
                true,
                null,
                true,
                Set.of(Sector.telecom_operator),
                SectorScope.target,
                new BigDecimal("10"),
                null,
                null,
                null,
                null);
        RegimeFacts awv = new RegimeFacts("DE-X", "DE", true, true, null, null, List.of(crossSector, listed));
        DealParty american = new DealParty(null, "US buyer", PartyRole.acquirer, "US", null);

        Verdict itServices = eval(
                awv, deal("2023-05-10", null, List.of(american, germanTarget(Set.of(Sector.it_services))), "30", null));
        System.out.printf("IT services target, 30%%: %s%n", itServices);
        assertThat(itServices.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(itServices.ruleCode()).isEqualTo("cross");
        assertThat(itServices.mandatory()).isFalse();
        assertThat(itServices.suspensory()).isFalse();
        assertThat(itServices.completionMustWait()).isFalse();
        assertThat(itServices.reasons())
                .contains("under this rule filing is not mandatory and completion need not wait (the regime's version:"
                        + " filing is mandatory and completion must wait for clearance)");

        Verdict telecom = eval(
                awv,
                deal("2023-05-10", null, List.of(american, germanTarget(Set.of(Sector.telecom_operator))), "30", null));
        System.out.printf("telecom target, 30%%: %s%n", telecom);
        assertThat(telecom.ruleCode()).isEqualTo("listed");
        assertThat(telecom.mandatory()).isTrue();
        assertThat(telecom.suspensory()).isTrue();
        assertThat(telecom.completionMustWait()).isTrue();
        assertThat(telecom.reasons())
                .contains("rule cross also triggered: under it filing is not mandatory and completion need not wait");

        Verdict sectorsUnknown = eval(awv, deal("2023-05-10", null, List.of(american, germanTarget(null)), "30", null));
        System.out.printf("target's sectors not given, 30%%: %s%n", sectorsUnknown);
        assertThat(sectorsUnknown.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(sectorsUnknown.ruleCode()).isEqualTo("cross");
        assertThat(sectorsUnknown.mandatory()).isFalse();
        assertThat(sectorsUnknown.completionMustWait()).isTrue();
        assertThat(sectorsUnknown.reasons())
                .contains("rule listed also possibly triggered: under it filing is mandatory and completion must wait"
                        + " for clearance");

        Verdict small = eval(
                awv,
                deal("2023-05-10", null, List.of(american, germanTarget(Set.of(Sector.telecom_operator))), "5", null));
        assertThat(small.outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(small.mandatory()).isTrue();
        assertThat(small.completionMustWait()).isFalse();
    }

    private static DealParty germanTarget(Set<Sector> sectors) {
        return new DealParty(null, "DE target", PartyRole.target, "DE", sectors);
    }

    static TriggerRule rule(String code) {
        return new TriggerRule(
                code, "test rule " + code, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static RegimeFacts regime(String region, LocalDate from, LocalDate to, TriggerRule... rules) {
        return new RegimeFacts("R-" + region, region, true, true, from, to, List.of(rules));
    }

    static DealFacts deal(
            String date, Set<String> regions, List<DealParty> parties, String stake, Boolean thresholdsMet) {
        return new DealFacts(
                null,
                DealType.acquisition,
                LocalDate.parse(date),
                regions,
                parties,
                stake == null ? null : new BigDecimal(stake),
                thresholdsMet);
    }

    static DealFacts alibabaBuysBt() {
        return deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "60", true);
    }

    @Test
    void inForceFromAndToAreInclusive() {
        RegimeFacts window = regime("GB", LocalDate.parse("2023-05-10"), LocalDate.parse("2023-05-10"), rule("any"));
        assertThat(TriggerEvaluatorTest.eval(window, alibabaBuysBt()).outcome()).isEqualTo(TriggerOutcome.triggered);
        Verdict before =
                TriggerEvaluatorTest.eval(window, deal("2023-05-09", Set.of("GB"), List.of(ALIBABA, BT), null, null));
        assertThat(before.outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(before.reasons()).containsExactly("not in force on 2023-05-09: in force from 2023-05-10");
        Verdict after =
                TriggerEvaluatorTest.eval(window, deal("2023-05-11", Set.of("GB"), List.of(ALIBABA, BT), null, null));
        assertThat(after.reasons()).containsExactly("not in force on 2023-05-11: in force until 2023-05-10");
        assertThat(TriggerEvaluatorTest.eval(regime("GB", null, null, rule("any")), alibabaBuysBt())
                        .outcome())
                .isEqualTo(TriggerOutcome.triggered);
    }

    @Test
    void theDealMustTouchTheRegionByItsRegionsOrAParty() {
        RegimeFacts de = regime("DE", null, null, rule("any"));
        Verdict untouched = TriggerEvaluatorTest.eval(de, alibabaBuysBt());
        assertThat(untouched.outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(untouched.reasons()).containsExactly("the deal does not touch DE");
        assertThat(TriggerEvaluatorTest.eval(de, deal("2023-05-10", Set.of("DE"), List.of(ALIBABA, BT), null, null))
                        .outcome())
                .isEqualTo(TriggerOutcome.triggered);
        assertThat(TriggerEvaluatorTest.eval(
                                regime("CN", null, null, rule("any")),
                                deal("2023-05-10", null, List.of(ALIBABA, BT), null, null))
                        .outcome())
                .as("a party's country touches the region, no regions given")
                .isEqualTo(TriggerOutcome.triggered);
    }

    @Test
    void aRegimeWithoutRulesIsNotTriggered() {
        Verdict verdict = TriggerEvaluatorTest.eval(regime("GB", null, null), alibabaBuysBt());
        assertThat(verdict)
                .isEqualTo(new Verdict(
                        TriggerOutcome.not_triggered,
                        null,
                        List.of("the regime has no trigger rules"),
                        true,
                        true,
                        false));
    }

    @Test
    void dealTypesAndTheDealsRegions() {
        TriggerRule mergersOnly = new TriggerRule(
                "m",
                "mergers",
                Set.of(DealType.merger),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Verdict verdict = TriggerEvaluatorTest.eval(mergersOnly, "GB", alibabaBuysBt());
        assertThat(verdict.outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(verdict.reasons()).containsExactly("rule m: deal type acquisition is not one of merger");
        TriggerRule acquisitions = new TriggerRule(
                "a",
                "acquisitions",
                Set.of(DealType.acquisition, DealType.merger),
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Verdict covered = TriggerEvaluatorTest.eval(acquisitions, "GB", alibabaBuysBt());
        assertThat(covered.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(covered.reasons())
                .containsExactly(
                        "rule a: acquisitions",
                        "deal type acquisition is covered",
                        "the deal takes place in GB (country of BT Global Services (target, GB))");
        DealParty german = new DealParty(null, "DE target", PartyRole.target, "DE", null);
        Verdict named = TriggerEvaluatorTest.eval(
                acquisitions, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, german), null, null));
        assertThat(named.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(named.reasons()).contains("the deal takes place in GB (among the deal's regions)");
        Verdict elsewhere = TriggerEvaluatorTest.eval(
                acquisitions, "GB", deal("2023-05-10", Set.of("DE"), List.of(ALIBABA, german), null, null));
        assertThat(elsewhere.reasons())
                .containsExactly("rule a: the deal's regions do not include GB (neither among its regions nor the"
                        + " country of the company acquired, invested in, hosting or reselling; the rule needs the"
                        + " activity there)");
        assertThat(TriggerEvaluatorTest.eval(
                                acquisitions, "GB", deal("2023-05-10", null, List.of(ALIBABA, german), null, null))
                        .outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
    }

    /**
     * Review M3: the country of the company acquired is where the deal's activity is, named in {@code regions} or
     * not: naming it again must not change the answer.
     */
    @Test
    void aPartysCountryIsOneOfTheDealsRegions() {
        TriggerRule activityInGb = new TriggerRule(
                "a", "activity in GB", null, true, null, null, true, null, null, null, null, null, null, null);
        DealParty us = new DealParty(null, "US buyer", PartyRole.acquirer, "US", null);
        Verdict without =
                TriggerEvaluatorTest.eval(activityInGb, "GB", deal("2023-05-10", null, List.of(us, BT), null, null));
        Verdict with = TriggerEvaluatorTest.eval(
                activityInGb, "GB", deal("2023-05-10", Set.of("GB"), List.of(us, BT), null, null));
        assertThat(without.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(with.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(without.reasons())
                .contains("the deal takes place in GB (country of BT Global Services (target, GB))");
        assertThat(TriggerEvaluator.dealRegions(deal("2023-05-10", Set.of("FR"), List.of(us, BT), null, null)))
                .containsExactly("FR", "GB", "US");
    }

    @Test
    void foreignPartiesAndDomesticTargets() {
        TriggerRule foreignControl = new TriggerRule(
                "f", "foreign control", null, null, true, null, true, null, null, null, null, null, null, null);
        Verdict verdict = TriggerEvaluatorTest.eval(foreignControl, "GB", alibabaBuysBt());
        assertThat(verdict.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(verdict.reasons())
                .containsExactly(
                        "rule f: foreign control",
                        "foreign party: Alibaba Cloud (acquirer, CN)",
                        "party in GB: BT Global Services (target, GB)");
        // CN counts as domestic for this rule: no foreign party left.
        TriggerRule withDomestic = new TriggerRule(
                "d", "d", null, null, true, Set.of("CN"), null, null, null, null, null, null, null, null);
        assertThat(TriggerEvaluatorTest.eval(withDomestic, "GB", alibabaBuysBt())
                        .reasons())
                .containsExactly(
                        "rule d: no acquiring, investing, partnering or supplying party from outside the domestic countries");
        DealParty britishBuyer = new DealParty(null, null, PartyRole.acquirer, "GB", null);
        assertThat(TriggerEvaluatorTest.eval(
                                foreignControl, "GB", deal("2023-05-10", null, List.of(britishBuyer, BT), null, null))
                        .reasons())
                .containsExactly("rule f: no acquiring, investing, partnering or supplying party from outside GB");
        DealParty germanTarget = new DealParty(null, "T-Systems", PartyRole.target, "DE", null);
        assertThat(TriggerEvaluatorTest.eval(
                                foreignControl,
                                "GB",
                                deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, germanTarget), null, null))
                        .reasons())
                .containsExactly("rule f: no target, investee, partner or host in GB");
        // A seller is neither acting nor target.
        DealParty seller = new DealParty(null, "ZTE", PartyRole.seller, "CN", null);
        assertThat(TriggerEvaluatorTest.eval(
                                foreignControl, "GB", deal("2023-05-10", Set.of("GB"), List.of(seller, BT), null, null))
                        .outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
    }

    @Test
    void sectorsByScope() {
        TriggerRule cloudTarget = new TriggerRule(
                "s",
                "s",
                null,
                null,
                null,
                null,
                null,
                Set.of(Sector.cloud_provider),
                SectorScope.target,
                null,
                null,
                null,
                null,
                null);
        assertThat(TriggerEvaluatorTest.eval(cloudTarget, "GB", alibabaBuysBt()).reasons())
                .containsExactly("rule s: no target in a covered sector (cloud_provider)");
        TriggerRule cloudBuyer = new TriggerRule(
                "s",
                "s",
                null,
                null,
                null,
                null,
                null,
                Set.of(Sector.cloud_provider),
                SectorScope.foreign_party,
                null,
                null,
                null,
                null,
                null);
        assertThat(TriggerEvaluatorTest.eval(cloudBuyer, "GB", alibabaBuysBt()).reasons())
                .contains("sector cloud_provider is covered");
        TriggerRule cloudAnyone = new TriggerRule(
                "s",
                "s",
                null,
                null,
                null,
                null,
                null,
                Set.of(Sector.cloud_provider),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(TriggerEvaluatorTest.eval(cloudAnyone, "GB", alibabaBuysBt()).outcome())
                .isEqualTo(TriggerOutcome.triggered);
        // No target in the region: the targets elsewhere are looked at.
        DealParty germanCloud = new DealParty(null, "DE Cloud", PartyRole.target, "DE", Set.of(Sector.cloud_provider));
        assertThat(TriggerEvaluatorTest.eval(
                                cloudTarget,
                                "GB",
                                deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, germanCloud), null, null))
                        .outcome())
                .isEqualTo(TriggerOutcome.triggered);
        // Sectors not given: possibly.
        DealParty unknown = new DealParty(null, "Unknown", PartyRole.target, "GB", null);
        Verdict possibly = TriggerEvaluatorTest.eval(
                cloudTarget, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, unknown), null, null));
        assertThat(possibly.outcome()).isEqualTo(TriggerOutcome.possibly_triggered);
        assertThat(possibly.reasons()).contains("sectors of the target are not given; the rule covers cloud_provider");
    }

    @Test
    void stakeAndThresholds() {
        TriggerRule quarter = new TriggerRule(
                "q",
                "q",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new BigDecimal("25"),
                null,
                "UK turnover above GBP 70 m",
                null,
                null);
        assertThat(TriggerEvaluatorTest.eval(
                                quarter, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "25", true))
                        .outcome())
                .as("exactly the minimum stake")
                .isEqualTo(TriggerOutcome.triggered);
        assertThat(TriggerEvaluatorTest.eval(
                                quarter, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "24.99", true))
                        .reasons())
                .containsExactly("rule q: stake 24.99% is below 25%");
        Verdict noStake = TriggerEvaluatorTest.eval(
                quarter, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), null, true));
        assertThat(noStake.outcome()).isEqualTo(TriggerOutcome.possibly_triggered);
        assertThat(noStake.reasons())
                .contains(
                        "stake not given; the rule needs at least 25%",
                        "thresholds met as stated: UK turnover above GBP 70 m");
        assertThat(TriggerEvaluatorTest.eval(
                                quarter, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "60", false))
                        .reasons())
                .containsExactly("rule q: thresholds not met as stated: UK turnover above GBP 70 m");
        Verdict unchecked = TriggerEvaluatorTest.eval(
                quarter, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "60", null));
        assertThat(unchecked.outcome()).isEqualTo(TriggerOutcome.possibly_triggered);
        assertThat(unchecked.reasons())
                .contains(
                        "stake 60% reaches 25%",
                        "thresholds not checked (send thresholdsMet): UK turnover above GBP 70 m");
        TriggerRule blank =
                new TriggerRule("b", "b", null, null, null, null, null, null, null, null, null, " ", null, null);
        assertThat(TriggerEvaluatorTest.eval(
                                blank, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), null, null))
                        .outcome())
                .isEqualTo(TriggerOutcome.triggered);
    }

    @Test
    void moreThanAStakeIsStrictlyMore() {
        // NSIA s. 8(2)(a): "more than 25%" of the shares. 25.005% is more than 25%; exactly 25% is not.
        TriggerRule moreThanAQuarter = new TriggerRule(
                "m", "m", null, null, null, null, null, null, null, null, new BigDecimal("25"), null, null, null);
        Verdict justAbove = TriggerEvaluatorTest.eval(
                moreThanAQuarter, "GB", deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "25.005", null));
        assertThat(justAbove.outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(justAbove.reasons()).contains("stake 25.005% is more than 25%");
        assertThat(TriggerEvaluatorTest.eval(
                                moreThanAQuarter,
                                "GB",
                                deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), "25", null))
                        .reasons())
                .containsExactly("rule m: stake 25% is not more than 25%");
        assertThat(TriggerEvaluatorTest.eval(
                                moreThanAQuarter,
                                "GB",
                                deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), null, null))
                        .reasons())
                .contains("stake not given; the rule needs more than 25%");
    }

    @Test
    void theStrongestRuleWinsAndMissesAreCollected() {
        TriggerRule never = new TriggerRule(
                "never",
                "n",
                Set.of(DealType.merger),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        TriggerRule maybe = new TriggerRule(
                "maybe", "m", null, null, null, null, null, null, null, null, null, "thresholds", null, null);
        TriggerRule surely = rule("surely");
        DealFacts unknownThresholds = deal("2023-05-10", Set.of("GB"), List.of(ALIBABA, BT), null, null);
        assertThat(TriggerEvaluatorTest.eval(regime("GB", null, null, never, maybe, surely), unknownThresholds)
                        .ruleCode())
                .isEqualTo("surely");
        assertThat(TriggerEvaluatorTest.eval(regime("GB", null, null, surely, maybe), unknownThresholds)
                        .ruleCode())
                .isEqualTo("surely");
        Verdict possibly = TriggerEvaluatorTest.eval(regime("GB", null, null, never, maybe), unknownThresholds);
        assertThat(possibly.outcome()).isEqualTo(TriggerOutcome.possibly_triggered);
        assertThat(possibly.ruleCode()).isEqualTo("maybe");
        // The acquirer's country is not where an acquisition's activity is: the rule needing it in GB does not hold.
        DealParty gbAcquirer = new DealParty(null, "GB buyer", PartyRole.acquirer, "GB", null);
        DealParty germanTarget = new DealParty(null, "DE target", PartyRole.target, "DE", null);
        TriggerRule alsoNever =
                new TriggerRule("also", "a", null, true, null, null, true, null, null, null, null, null, null, null);
        Verdict none = TriggerEvaluatorTest.eval(
                regime("GB", null, null, never, alsoNever),
                deal("2023-05-10", null, List.of(gbAcquirer, germanTarget), null, null));
        assertThat(none.outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(none.ruleCode()).isNull();
        assertThat(none.reasons())
                .containsExactly(
                        "rule never: deal type acquisition is not one of merger",
                        "rule also: the deal's regions do not include GB (neither among its regions nor the country"
                                + " of the company acquired, invested in, hosting or reselling; the rule needs the"
                                + " activity there)");
        assertThat(TriggerEvaluator.rank(TriggerOutcome.triggered))
                .isGreaterThan(TriggerEvaluator.rank(TriggerOutcome.possibly_triggered));
        assertThat(TriggerEvaluator.rank(TriggerOutcome.possibly_triggered))
                .isGreaterThan(TriggerEvaluator.rank(TriggerOutcome.not_triggered));
    }
}
