package com.dealradar.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every change of every regime of the shipped seed (start and end of force, each version, each authority switch),
 * asked on the day before and the day of the change with the same deal: the version used, the assessment outcome
 * and rule, the authority of the day, whether filing was mandatory and suspensory with the clock lengths, and the
 * thresholds. {@link #everyChangeInTheSeedIsHere()} fails when the seed gains a date that is not asked about here.
 */
class RegimeBoundariesTest {

    static final Map<String, Regime> REGIMES = SeedRegimes.regimes();
    static final Map<String, Region> UNIONS = SeedRegimes.unions();

    /** What the answer must say on one day; {@code authority} and {@code threshold} are parts of the text. */
    record Expect(String version, String verdict, String authority, String rules, String threshold) {}

    record Change(String regime, String day, Function<String, DealFacts> deal, Expect before, Expect after) {}

    static DealParty party(String name, PartyRole role, String country, Sector... sectors) {
        return new DealParty(null, name, role, country, Set.of(sectors));
    }

    static Function<String, DealFacts> deal(
            DealType type, String region, String stake, Boolean thresholdsMet, DealParty... parties) {
        return date -> RegimeTimelineTest.deal(type, date, region, stake, thresholdsMet, parties);
    }

    static final DealParty ALIBABA = party("Alibaba", PartyRole.acquirer, "CN", Sector.cloud_provider);

    static final Function<String, DealFacts> VODAFONE_INTO_CHINA = deal(
            DealType.market_entry,
            "CN",
            null,
            null,
            party("Vodafone", PartyRole.investor, "GB", Sector.telecom_operator));
    static final Function<String, DealFacts> VENDOR_TO_CHINA_UNICOM = deal(
            DealType.partnership,
            "CN",
            null,
            true,
            party("a foreign vendor", PartyRole.vendor, "US", Sector.network_equipment),
            party("China Unicom", PartyRole.partner, "CN", Sector.telecom_operator));
    static final Function<String, DealFacts> ALIBABA_BUYS_ZTESOFT = deal(
            DealType.acquisition,
            "CN",
            "100",
            null,
            party("Alibaba", PartyRole.acquirer, "CN", Sector.internet_platform),
            party("ZTEsoft", PartyRole.target, "CN", Sector.telecom_software));
    static final Function<String, DealFacts> ALIBABA_CLOUD_HOSTED_BY_VODAFONE = deal(
            DealType.hosting_reseller,
            "DE",
            null,
            null,
            party("Alibaba Cloud", PartyRole.vendor, "CN", Sector.cloud_provider),
            party("Vodafone Germany", PartyRole.host, "DE", Sector.telecom_operator));

    static Function<String, DealFacts> chineseStakeInGermanCloud(String stake) {
        return deal(
                DealType.acquisition,
                null,
                stake,
                null,
                ALIBABA,
                party("a German cloud provider", PartyRole.target, "DE", Sector.cloud_provider));
    }

    static final Function<String, DealFacts> CHINESE_20_IN_GERMAN_CHIPS = deal(
            DealType.minority_investment,
            null,
            "20",
            null,
            party("a Chinese investor", PartyRole.investor, "CN", Sector.conglomerate),
            party("a German chip maker", PartyRole.investee, "DE", Sector.semiconductors));
    static final Function<String, DealFacts> HUAWEI_TO_DEUTSCHE_TELEKOM = deal(
            DealType.partnership,
            "DE",
            null,
            true,
            party("Huawei", PartyRole.vendor, "CN", Sector.network_equipment),
            party("Deutsche Telekom", PartyRole.partner, "DE", Sector.telecom_operator));
    static final Function<String, DealFacts> FRENCH_OPERATOR_BUYS_GERMAN_OPERATOR = deal(
            DealType.acquisition,
            null,
            "100",
            true,
            party("a French operator", PartyRole.acquirer, "FR", Sector.telecom_operator),
            party("a German operator", PartyRole.target, "DE", Sector.telecom_operator));
    static final Function<String, DealFacts> ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES = deal(
            DealType.acquisition,
            "GB",
            "60",
            null,
            party("Alibaba Cloud", PartyRole.acquirer, "CN", Sector.cloud_provider),
            party("BT Global Services", PartyRole.target, "GB", Sector.telecom_operator, Sector.it_services));
    static final Function<String, DealFacts> ALIBABA_CLOUD_PARTNERS_BT = deal(
            DealType.partnership,
            "GB",
            null,
            null,
            party("Alibaba Cloud", PartyRole.partner, "CN", Sector.cloud_provider),
            party("BT", PartyRole.partner, "GB", Sector.telecom_operator));

    static final String CAC = "Cyberspace Administration of China";
    static final String CSRM_2020_CLOCKS =
            "mandatory suspensory; filing 10 working_days, initial 30 working_days, special 45 working_days";
    static final String CSRM_2022_CLOCKS =
            "mandatory suspensory; filing 10 working_days, initial 30 working_days, special 90 working_days";
    static final String AML_2008_CLOCKS = "mandatory suspensory; phase1 30 days, phase2 90 days";
    static final String AML_2022_CLOCKS = "mandatory suspensory; phase1 30 days stops, phase2 90 days stops";
    static final String EA02_CMA_CLOCKS =
            "voluntary not suspensory; phase1 40 working_days, phase2 168 days from the day";
    static final String AWG_2020_CLOCKS = "mandatory suspensory; phase1 2 months, phase2 4 months stops";
    static final String GWB_2013_CLOCKS = "mandatory suspensory; phase1 1 months, phase2 4 months stops";
    static final String GWB_2021_CLOCKS = "mandatory suspensory; phase1 1 months, phase2 5 months stops";

    static final List<Change> CHANGES = List.of(
            new Change(
                    "CN-MIIT-VATS",
                    "2002-01-01",
                    VODAFONE_INTO_CHINA,
                    new Expect("single", "not_triggered", "(MII)", "mandatory suspensory; licence 60 days", "art. 6"),
                    new Expect(
                            "single",
                            "triggered foreign_vats_provider",
                            "(MII)",
                            "mandatory suspensory; licence 60 days",
                            "foreign_vats_provider")),
            new Change(
                    "CN-MIIT-VATS",
                    "2008-03-15",
                    VODAFONE_INTO_CHINA,
                    new Expect(
                            "single",
                            "triggered foreign_vats_provider",
                            "(MII)",
                            "mandatory suspensory; licence 60 days",
                            "foreign stake at most 50%"),
                    new Expect(
                            "single",
                            "triggered foreign_vats_provider",
                            "(MIIT)",
                            "mandatory suspensory; licence 60 days",
                            "foreign stake at most 50%")),
            new Change(
                    "CN-CAC-CSR",
                    "2017-06-01",
                    VENDOR_TO_CHINA_UNICOM,
                    new Expect("CSR-TRIAL-2017", "not_triggered", CAC, "mandatory suspensory; ", "Trial Measures 2017"),
                    new Expect(
                            "CSR-TRIAL-2017",
                            "triggered ciio_procurement",
                            CAC,
                            "mandatory suspensory; ",
                            "Trial Measures 2017 art. 2")),
            new Change(
                    "CN-CAC-CSR",
                    "2020-06-01",
                    VENDOR_TO_CHINA_UNICOM,
                    new Expect(
                            "CSR-TRIAL-2017",
                            "triggered ciio_procurement",
                            CAC,
                            "mandatory suspensory; ",
                            "Trial Measures 2017 art. 2"),
                    new Expect(
                            "CSRM-2020",
                            "triggered ciio_procurement",
                            CAC,
                            CSRM_2020_CLOCKS,
                            "Cybersecurity Review Measures 2020 art. 2")),
            new Change(
                    "CN-CAC-CSR",
                    "2022-02-15",
                    VENDOR_TO_CHINA_UNICOM,
                    new Expect(
                            "CSRM-2020",
                            "triggered ciio_procurement",
                            CAC,
                            CSRM_2020_CLOCKS,
                            "Cybersecurity Review Measures 2020 art. 2"),
                    new Expect(
                            "CSRM-2022",
                            "triggered ciio_procurement",
                            CAC,
                            CSRM_2022_CLOCKS,
                            "Cybersecurity Review Measures 2022 art. 2")),
            new Change(
                    "CN-AML",
                    "2008-08-01",
                    ALIBABA_BUYS_ZTESOFT,
                    new Expect("AML-2008", "not_triggered", "MOFCOM", AML_2008_CLOCKS, "CNY 10 bn"),
                    new Expect("AML-2008", "possibly_triggered concentration", "MOFCOM", AML_2008_CLOCKS, "CNY 400 m")),
            new Change(
                    "CN-AML",
                    "2018-03-17",
                    ALIBABA_BUYS_ZTESOFT,
                    new Expect("AML-2008", "possibly_triggered concentration", "MOFCOM", AML_2008_CLOCKS, "CNY 400 m"),
                    new Expect("AML-2008", "possibly_triggered concentration", "SAMR", AML_2008_CLOCKS, "CNY 400 m")),
            new Change(
                    "CN-AML",
                    "2022-08-01",
                    ALIBABA_BUYS_ZTESOFT,
                    new Expect("AML-2008", "possibly_triggered concentration", "SAMR", AML_2008_CLOCKS, "CNY 400 m"),
                    new Expect("AML-2022", "possibly_triggered concentration", "SAMR", AML_2022_CLOCKS, "CNY 400 m")),
            new Change(
                    "CN-AML",
                    "2024-01-22",
                    ALIBABA_BUYS_ZTESOFT,
                    new Expect("AML-2022", "possibly_triggered concentration", "SAMR", AML_2022_CLOCKS, "CNY 10 bn"),
                    new Expect(
                            "AML-2024-THRESHOLDS",
                            "possibly_triggered concentration",
                            "SAMR",
                            AML_2022_CLOCKS,
                            "CNY 12 bn or combined China turnover above CNY 4 bn, and at least two parties each above"
                                    + " CNY 800 m")),
            new Change(
                    "DE-BSI-C5",
                    "2016-02-01",
                    ALIBABA_CLOUD_HOSTED_BY_VODAFONE,
                    new Expect("C5-2016", "not_triggered", "BSI", "voluntary not suspensory; ", "cloud_in_germany"),
                    new Expect(
                            "C5-2016",
                            "triggered cloud_in_germany",
                            "BSI",
                            "voluntary not suspensory; ",
                            "cloud_in_germany")),
            new Change(
                    "DE-BSI-C5",
                    "2020-01-01",
                    ALIBABA_CLOUD_HOSTED_BY_VODAFONE,
                    new Expect(
                            "C5-2016",
                            "triggered cloud_in_germany",
                            "BSI",
                            "voluntary not suspensory; ",
                            "cloud_in_germany"),
                    new Expect(
                            "C5-2020",
                            "triggered cloud_in_germany",
                            "BSI",
                            "voluntary not suspensory; ",
                            "cloud_in_germany")),
            new Change(
                    "DE-AWV",
                    "2013-09-01",
                    chineseStakeInGermanCloud("30"),
                    new Expect(
                            "AWV-2013",
                            "not_triggered",
                            "BMWi",
                            "voluntary not suspensory; phase1 3 months, phase2 2 months",
                            "cross_sector >=25%"),
                    new Expect(
                            "AWV-2013",
                            "triggered cross_sector",
                            "BMWi",
                            "voluntary not suspensory; phase1 3 months, phase2 2 months",
                            "cross_sector >=25%")),
            // The ministry's names (the Chancellor's organisational decrees): the same rules under another name.
            new Change(
                    "DE-AWV",
                    "2013-12-17",
                    chineseStakeInGermanCloud("30"),
                    new Expect(
                            "AWV-2013",
                            "triggered cross_sector",
                            "Economics and Technology (BMWi)",
                            "voluntary not suspensory; phase1 3 months, phase2 2 months",
                            "cross_sector >=25%"),
                    new Expect(
                            "AWV-2013",
                            "triggered cross_sector",
                            "Economic Affairs and Energy (BMWi)",
                            "voluntary not suspensory; phase1 3 months, phase2 2 months",
                            "cross_sector >=25%")),
            new Change(
                    "DE-AWV",
                    "2017-07-18",
                    chineseStakeInGermanCloud("30"),
                    new Expect(
                            "AWV-2013",
                            "triggered cross_sector",
                            "BMWi",
                            "voluntary not suspensory; phase1 3 months, phase2 2 months",
                            "cross_sector >=25%"),
                    new Expect(
                            "AWV-2017",
                            "triggered critical_sector",
                            "BMWi",
                            "mandatory not suspensory; phase1 3 months, phase2 4 months",
                            "critical_sector >=25%")),
            new Change(
                    "DE-AWV",
                    "2018-12-29",
                    chineseStakeInGermanCloud("15"),
                    new Expect(
                            "AWV-2017",
                            "not_triggered",
                            "BMWi",
                            "mandatory not suspensory; phase1 3 months, phase2 4 months",
                            "critical_sector >=25%"),
                    new Expect(
                            "AWV-2018",
                            "triggered critical_sector",
                            "BMWi",
                            "mandatory not suspensory; phase1 3 months, phase2 4 months",
                            "critical_sector >=10%")),
            new Change(
                    "DE-AWV",
                    "2020-07-17",
                    chineseStakeInGermanCloud("30"),
                    new Expect(
                            "AWV-2018",
                            "triggered critical_sector",
                            "BMWi",
                            "mandatory not suspensory; phase1 3 months, phase2 4 months",
                            "critical_sector >=10%"),
                    new Expect(
                            "AWG-2020", "triggered critical_sector", "BMWi", AWG_2020_CLOCKS, "critical_sector >=10%")),
            // The 17th amending ordinance: a 20% stake in a German chip maker was below the 25% of the cross-sector
            // review on 30 April 2021 and is caught by the listed-sector threshold of 20% from 1 May 2021.
            new Change(
                    "DE-AWV",
                    "2021-05-01",
                    CHINESE_20_IN_GERMAN_CHIPS,
                    new Expect("AWG-2020", "not_triggered", "BMWi", AWG_2020_CLOCKS, "cross_sector >=25%"),
                    new Expect(
                            "AWV-2021",
                            "triggered listed_sector_20",
                            "BMWi",
                            AWG_2020_CLOCKS,
                            "listed_sector_20 >=20%")),
            new Change(
                    "DE-AWV",
                    "2021-12-08",
                    chineseStakeInGermanCloud("30"),
                    new Expect(
                            "AWV-2021", "triggered critical_sector", "BMWi", AWG_2020_CLOCKS, "critical_sector >=10%"),
                    new Expect(
                            "AWV-2021", "triggered critical_sector", "BMWK", AWG_2020_CLOCKS, "critical_sector >=10%")),
            new Change(
                    "DE-AWV",
                    "2025-05-06",
                    chineseStakeInGermanCloud("30"),
                    new Expect(
                            "AWV-2021", "triggered critical_sector", "BMWK", AWG_2020_CLOCKS, "critical_sector >=10%"),
                    new Expect(
                            "AWV-2021", "triggered critical_sector", "BMWE", AWG_2020_CLOCKS, "critical_sector >=10%")),
            new Change(
                    "DE-BSIG-9B",
                    "2021-05-28",
                    HUAWEI_TO_DEUTSCHE_TELEKOM,
                    new Expect("single", "not_triggered", "BMI", "mandatory suspensory; review 2 months", "§ 9b(1)"),
                    new Expect(
                            "single",
                            "triggered critical_component",
                            "BMI",
                            "mandatory suspensory; review 2 months",
                            "§ 9b(1)")),
            new Change(
                    "DE-GWB",
                    "2013-06-30",
                    FRENCH_OPERATOR_BUYS_GERMAN_OPERATOR,
                    new Expect("GWB-2013", "not_triggered", "Bundeskartellamt", GWB_2013_CLOCKS, "EUR 25 m"),
                    new Expect(
                            "GWB-2013",
                            "triggered turnover_thresholds",
                            "Bundeskartellamt",
                            GWB_2013_CLOCKS,
                            "above EUR 25 m and another above EUR 5 m")),
            // The 9th amendment adds the transaction-value threshold of § 35(1a).
            new Change(
                    "DE-GWB",
                    "2017-06-09",
                    FRENCH_OPERATOR_BUYS_GERMAN_OPERATOR,
                    new Expect(
                            "GWB-2013",
                            "triggered turnover_thresholds",
                            "Bundeskartellamt",
                            GWB_2013_CLOCKS,
                            "above EUR 25 m and another above EUR 5 m"),
                    new Expect(
                            "GWB-2017",
                            "triggered turnover_thresholds",
                            "Bundeskartellamt",
                            GWB_2013_CLOCKS,
                            "transaction_value: A concentration for a consideration above EUR 400 m")),
            // The 10th amendment: EUR 50 m and 17.5 m in Germany, a second phase of five months.
            new Change(
                    "DE-GWB",
                    "2021-01-19",
                    FRENCH_OPERATOR_BUYS_GERMAN_OPERATOR,
                    new Expect(
                            "GWB-2017",
                            "triggered turnover_thresholds",
                            "Bundeskartellamt",
                            GWB_2013_CLOCKS,
                            "above EUR 25 m and another above EUR 5 m"),
                    new Expect(
                            "GWB-2021",
                            "triggered turnover_thresholds",
                            "Bundeskartellamt",
                            GWB_2021_CLOCKS,
                            "above EUR 50 m and another above EUR 17.5 m")),
            new Change(
                    "UK-EA02",
                    "2003-06-20",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "EA02-OFT",
                            "not_triggered",
                            "Office of Fair Trading",
                            "voluntary not suspensory; phase2 168 days from the day",
                            "relevant_merger >=15%"),
                    new Expect(
                            "EA02-OFT",
                            "possibly_triggered relevant_merger",
                            "Office of Fair Trading",
                            "voluntary not suspensory; phase2 168 days from the day",
                            "GBP 70 m")),
            new Change(
                    "UK-EA02",
                    "2014-04-01",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "EA02-OFT",
                            "possibly_triggered relevant_merger",
                            "Office of Fair Trading",
                            "voluntary not suspensory; phase2 168 days from the day",
                            "GBP 70 m"),
                    new Expect(
                            "EA02-CMA",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "GBP 70 m")),
            new Change(
                    "UK-EA02",
                    "2018-06-11",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "EA02-CMA",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "GBP 70 m"),
                    new Expect(
                            "EA02-2018",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "GBP 1 m")),
            new Change(
                    "UK-EA02",
                    "2020-07-21",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "EA02-2018",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "GBP 1 m"),
                    new Expect(
                            "EA02-2020",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "artificial intelligence")),
            new Change(
                    "UK-EA02",
                    "2022-01-04",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "EA02-2020",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "artificial intelligence"),
                    new Expect(
                            "EA02-2022",
                            "possibly_triggered relevant_merger",
                            "national security passed to the NSIA",
                            EA02_CMA_CLOCKS,
                            "relevant enterprises (2018 and 2020 orders) no longer apply")),
            // The DMCC Act 2024: GBP 100 m, the hybrid test and the safe harbour.
            new Change(
                    "UK-EA02",
                    "2025-01-01",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "EA02-2022",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "UK turnover of the target above GBP 70 m"),
                    new Expect(
                            "EA02-DMCC",
                            "possibly_triggered relevant_merger",
                            "Competition and Markets Authority",
                            EA02_CMA_CLOCKS,
                            "UK turnover of the target above GBP 100 m")),
            new Change(
                    "UK-NSIA",
                    "2022-01-04",
                    ALIBABA_CLOUD_BUYS_BT_GLOBAL_SERVICES,
                    new Expect(
                            "single",
                            "not_triggered",
                            "Secretary of State",
                            "mandatory suspensory; review 30 working_days, assessment 30 working_days from the day"
                                    + " stops",
                            "mandatory_notification >25%"),
                    new Expect(
                            "single",
                            "triggered mandatory_notification",
                            "Secretary of State",
                            "mandatory suspensory; review 30 working_days, assessment 30 working_days from the day"
                                    + " stops",
                            "mandatory_notification >25%")),
            new Change(
                    "UK-TSA",
                    "2021-11-17",
                    ALIBABA_CLOUD_PARTNERS_BT,
                    new Expect("single", "not_triggered", "Ofcom", "mandatory not suspensory; ", "s. 105A"),
                    new Expect(
                            "single",
                            "triggered provider_supplier",
                            "Ofcom",
                            "mandatory not suspensory; ",
                            "s. 105A")));

    static Assessor.RegimeAnswer answer(String regime, DealFacts facts) {
        return Assessor.assess(List.of(REGIMES.get(regime)), UNIONS, facts).getFirst();
    }

    static String verdict(Assessor.RegimeAnswer a) {
        TriggerOutcome outcome = a.verdict().outcome();
        return outcome == TriggerOutcome.not_triggered
                ? outcome.name()
                : outcome + " " + a.verdict().ruleCode();
    }

    /** Mandatory/suspensory, then each clock: code, length, unit, "from the day" if that day counts, "stops". */
    static String rules(RegimeVersion v) {
        return (Boolean.TRUE.equals(v.mandatory()) ? "mandatory" : "voluntary")
                + (Boolean.TRUE.equals(v.suspensory()) ? " suspensory" : " not suspensory") + "; "
                + v.clocksOrEmpty().stream()
                        .map(c -> c.code() + " " + c.length() + " " + c.unit()
                                + (c.firstCountedDay() == FirstCountedDay.same_day ? " from the day" : "")
                                + (Boolean.TRUE.equals(c.clockStopsAllowed()) ? " stops" : ""))
                        .collect(Collectors.joining(", "));
    }

    /** Each trigger rule: code, minimum stake (">=" at least, ">" more than), threshold text. */
    static String thresholds(RegimeVersion v) {
        return v.rulesOrEmpty().stream()
                .map(r -> r.code()
                        + (r.minStakePercent() == null
                                ? ""
                                : " >="
                                        + r.minStakePercent()
                                                .stripTrailingZeros()
                                                .toPlainString() + "%")
                        + (r.stakeAbovePercent() == null
                                ? ""
                                : " >"
                                        + r.stakeAbovePercent()
                                                .stripTrailingZeros()
                                                .toPlainString() + "%")
                        + ": " + r.description() + (r.thresholds() == null ? "" : " / " + r.thresholds()))
                .collect(Collectors.joining(" | "));
    }

    static void check(String regime, String day, DealFacts facts, Expect expect) {
        Assessor.RegimeAnswer a = answer(regime, facts);
        String where = regime + " on " + day;
        assertThat(a.version().code()).as(where + ": version").isEqualTo(expect.version());
        assertThat(verdict(a)).as(where + ": outcome " + a.verdict().reasons()).isEqualTo(expect.verdict());
        assertThat(a.authority()).as(where + ": authority").contains(expect.authority());
        assertThat(rules(a.version())).as(where + ": filing and clocks").isEqualTo(expect.rules());
        assertThat(thresholds(a.version())).as(where + ": thresholds").contains(expect.threshold());
    }

    @TestFactory
    Stream<DynamicTest> theDayBeforeAndTheDayOfEachChange() {
        return CHANGES.stream()
                .map(c -> DynamicTest.dynamicTest(c.regime() + " " + c.day(), () -> {
                    String before = LocalDate.parse(c.day()).minusDays(1).toString();
                    check(c.regime(), before, c.deal().apply(before), c.before());
                    check(c.regime(), c.day(), c.deal().apply(c.day()), c.after());
                    assertThat(c.before()).as("the day shows a change").isNotEqualTo(c.after());
                }));
    }

    /** The first day of anything new in a regime: in force, out of force, a version, an authority. */
    static Set<String> changesInTheSeed() {
        Set<String> days = new TreeSet<>();
        for (Regime r : REGIMES.values()) {
            if (r.inForceFrom != null) {
                days.add(r.code + " " + r.inForceFrom);
            }
            if (r.inForceTo != null) {
                days.add(r.code + " " + r.inForceTo.plusDays(1));
            }
            for (RegimeVersion v : r.versions) {
                if (v.validFrom() != null) {
                    days.add(r.code + " " + v.validFrom());
                }
                if (v.validTo() != null) {
                    days.add(r.code + " " + v.validTo().plusDays(1));
                }
            }
            for (AuthorityPeriod a : r.authorities) {
                if (a.from() != null) {
                    days.add(r.code + " " + a.from());
                }
                if (a.to() != null) {
                    days.add(r.code + " " + a.to().plusDays(1));
                }
            }
        }
        return days;
    }

    @Test
    void everyChangeInTheSeedIsHere() {
        Set<String> asked =
                CHANGES.stream().map(c -> c.regime() + " " + c.day()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(asked).isEqualTo(changesInTheSeed());
        assertThat(CHANGES.stream().map(Change::regime).collect(Collectors.toSet()))
                .isEqualTo(REGIMES.keySet());
    }
}
