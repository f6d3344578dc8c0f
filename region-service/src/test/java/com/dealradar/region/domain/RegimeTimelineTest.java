package com.dealradar.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.region.api.RegimeInput;
import com.dealradar.region.api.RegionInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every regime of the shipped seed, asked about a date just before and just after each change of its rules:
 * the assessment outcome, the clock lengths, the thresholds and the authority of the day, and the version the
 * answer used. Pure: the seed file is read the way the seeder reads it, no database.
 */
class RegimeTimelineTest {

    static final Map<String, Regime> REGIMES = new HashMap<>();
    static final Map<String, Region> UNIONS = new HashMap<>();

    @BeforeAll
    static void loadSeed() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        JsonNode seed;
        try (InputStream in = RegimeTimelineTest.class.getClassLoader().getResourceAsStream("seed/regions.json")) {
            seed = mapper.readTree(in);
        }
        for (JsonNode node : seed.get("regimes")) {
            Regime regime = new Regime();
            RegimeService.fill(
                    regime, mapper.treeToValue(node, RegimeInput.class).toDraft());
            REGIMES.put(regime.code, regime);
        }
        for (JsonNode node : seed.get("regions")) {
            RegionInput input = mapper.treeToValue(node, RegionInput.class);
            if (input.kind() == RegionKind.supranational) {
                Region region = new Region();
                region.code = input.code();
                region.kind = input.kind();
                region.members = input.members();
                UNIONS.put(region.code, region);
            }
        }
    }

    static DealParty party(String name, PartyRole role, String country, Sector... sectors) {
        return new DealParty(null, name, role, country, Set.of(sectors));
    }

    static DealFacts deal(
            DealType type, String date, String region, String stake, Boolean thresholdsMet, DealParty... parties) {
        return new DealFacts(
                null,
                type,
                LocalDate.parse(date),
                region == null ? null : Set.of(region),
                List.of(parties),
                stake == null ? null : new BigDecimal(stake),
                thresholdsMet);
    }

    /** The answer for one regime, as the assessment endpoint computes it. */
    static Assessor.RegimeAnswer answer(String code, DealFacts facts) {
        return Assessor.assess(List.of(REGIMES.get(code)), UNIONS, facts).getFirst();
    }

    static StatutoryClock clock(Assessor.RegimeAnswer answer, String code) {
        return answer.version().clocksOrEmpty().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    static final DealParty CN_ACQUIRER = party("Alibaba", PartyRole.acquirer, "CN", Sector.cloud_provider);
    static final DealParty DE_CLOUD = party("a German cloud provider", PartyRole.target, "DE", Sector.cloud_provider);

    @Test
    void deAwvThresholdFell25To10OnThe29December2018() {
        Assessor.RegimeAnswer before = answer(
                "DE-AWV", deal(DealType.minority_investment, "2018-12-28", null, "15", null, CN_ACQUIRER, DE_CLOUD));
        Assessor.RegimeAnswer after = answer(
                "DE-AWV", deal(DealType.minority_investment, "2018-12-29", null, "15", null, CN_ACQUIRER, DE_CLOUD));
        System.out.println("DE-AWV 15% on 2018-12-28: " + before.verdict() + "\n  on 2018-12-29: " + after.verdict());
        assertThat(before.version().code()).isEqualTo("AWV-2017");
        assertThat(before.verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(before.verdict().reasons()).anyMatch(r -> r.contains("below 25%"));
        assertThat(after.version().code()).isEqualTo("AWV-2018");
        assertThat(after.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(after.verdict().ruleCode()).isEqualTo("critical_sector");
    }

    @Test
    void deAwvPhase1WasThreeMonthsUntilJuly2020AndTwoSinceAndBecameSuspensory() {
        Assessor.RegimeAnswer before =
                answer("DE-AWV", deal(DealType.acquisition, "2020-07-16", null, "30", null, CN_ACQUIRER, DE_CLOUD));
        Assessor.RegimeAnswer after =
                answer("DE-AWV", deal(DealType.acquisition, "2020-07-17", null, "30", null, CN_ACQUIRER, DE_CLOUD));
        assertThat(clock(before, "phase1").length()).isEqualTo(3);
        assertThat(clock(before, "phase1").note()).contains("§ 55(3)");
        assertThat(before.version().suspensory()).isFalse();
        assertThat(before.version().mandatory()).isTrue();
        assertThat(clock(after, "phase1").length()).isEqualTo(2);
        assertThat(clock(after, "phase1").note()).contains("§ 14a(1)");
        assertThat(after.version().suspensory()).isTrue();
        assertThat(clock(after, "phase2").extensionsOrEmpty())
                .extracting(ClockExtension::code)
                .containsExactly("difficult", "defence");
    }

    @Test
    void deAwvNotificationBecameMandatoryOn18July2017AndTheRegimeStartedIn2013() {
        DealFacts facts = deal(DealType.acquisition, "2017-07-17", null, "30", null, CN_ACQUIRER, DE_CLOUD);
        Assessor.RegimeAnswer before = answer("DE-AWV", facts);
        Assessor.RegimeAnswer after =
                answer("DE-AWV", deal(DealType.acquisition, "2017-07-18", null, "30", null, CN_ACQUIRER, DE_CLOUD));
        assertThat(before.version().code()).isEqualTo("AWV-2013");
        assertThat(before.version().mandatory()).isFalse();
        assertThat(before.verdict().ruleCode()).isEqualTo("cross_sector");
        assertThat(clock(before, "phase2").length()).isEqualTo(2);
        assertThat(after.version().mandatory()).isTrue();
        assertThat(after.verdict().ruleCode()).isEqualTo("critical_sector");
        assertThat(clock(after, "phase2").length()).isEqualTo(4);
        assertThat(answer("DE-AWV", deal(DealType.acquisition, "2013-08-31", null, "30", null, CN_ACQUIRER, DE_CLOUD))
                        .verdict()
                        .outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
    }

    @Test
    void aUkAcquirerCountedAsEuUntilTheEndOfTheTransitionPeriod() {
        DealParty uk = party("a UK investor", PartyRole.acquirer, "GB", Sector.telecom_operator);
        Assessor.RegimeAnswer inEu =
                answer("DE-AWV", deal(DealType.acquisition, "2019-06-01", null, "30", null, uk, DE_CLOUD));
        Assessor.RegimeAnswer transition =
                answer("DE-AWV", deal(DealType.acquisition, "2020-12-31", null, "30", null, uk, DE_CLOUD));
        Assessor.RegimeAnswer out =
                answer("DE-AWV", deal(DealType.acquisition, "2021-01-01", null, "30", null, uk, DE_CLOUD));
        System.out.println(
                "DE-AWV UK acquirer on 2020-12-31: " + transition.verdict() + "\n  on 2021-01-01: " + out.verdict());
        assertThat(inEu.verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(transition.verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(out.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(out.verdict().reasons())
                .anyMatch(r -> r.startsWith("members of EU on 2021-01-01") && !r.contains("GB"));
        // A French acquirer is never foreign to the AWV.
        DealParty fr = party("a French investor", PartyRole.acquirer, "FR", Sector.telecom_operator);
        assertThat(answer("DE-AWV", deal(DealType.acquisition, "2021-01-01", null, "30", null, fr, DE_CLOUD))
                        .verdict()
                        .outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
    }

    @Test
    void deAwvAuthorityWasBmwiUntil7December2021() {
        DealFacts before = deal(DealType.acquisition, "2021-12-07", null, "30", null, CN_ACQUIRER, DE_CLOUD);
        DealFacts after = deal(DealType.acquisition, "2021-12-08", null, "30", null, CN_ACQUIRER, DE_CLOUD);
        assertThat(answer("DE-AWV", before).authority()).contains("BMWi");
        assertThat(answer("DE-AWV", after).authority()).contains("BMWK");
    }

    @Test
    void deAwvAuthorityFollowsTheMinistrysNames() {
        // The Chancellor's organisational decrees: 17 December 2013, 8 December 2021, 6 May 2025.
        assertThat(authorityOn("2013-12-16")).isEqualTo("Federal Ministry of Economics and Technology (BMWi)");
        assertThat(authorityOn("2013-12-17")).isEqualTo("Federal Ministry for Economic Affairs and Energy (BMWi)");
        assertThat(authorityOn("2025-05-05"))
                .isEqualTo("Federal Ministry for Economic Affairs and Climate Action (BMWK)");
        assertThat(authorityOn("2025-05-06")).isEqualTo("Federal Ministry for Economic Affairs and Energy (BMWE)");
        assertThat(authorityOn("2026-12-03")).isEqualTo("Federal Ministry for Economic Affairs and Energy (BMWE)");
    }

    private static String authorityOn(String day) {
        return answer("DE-AWV", deal(DealType.acquisition, day, null, "30", null, CN_ACQUIRER, DE_CLOUD))
                .authority();
    }

    static DealFacts cacDeal(String date) {
        return deal(
                DealType.partnership,
                date,
                "CN",
                null,
                true,
                party("a foreign vendor", PartyRole.vendor, "US", Sector.network_equipment),
                party("China Unicom", PartyRole.partner, "CN", Sector.telecom_operator));
    }

    @Test
    void chinaCybersecurityReviewClocksFollowThe2017_2020And2022Measures() {
        Assessor.RegimeAnswer notYet = answer("CN-CAC-CSR", cacDeal("2017-05-31"));
        Assessor.RegimeAnswer trial = answer("CN-CAC-CSR", cacDeal("2017-06-01"));
        Assessor.RegimeAnswer trialEnd = answer("CN-CAC-CSR", cacDeal("2020-05-31"));
        Assessor.RegimeAnswer m2020 = answer("CN-CAC-CSR", cacDeal("2020-06-01"));
        Assessor.RegimeAnswer m2020End = answer("CN-CAC-CSR", cacDeal("2022-02-14"));
        Assessor.RegimeAnswer m2022 = answer("CN-CAC-CSR", cacDeal("2022-02-15"));
        assertThat(notYet.verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(trial.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(trial.version().code()).isEqualTo("CSR-TRIAL-2017");
        assertThat(trial.version().clocksOrEmpty()).isEmpty();
        assertThat(trialEnd.version().code()).isEqualTo("CSR-TRIAL-2017");
        assertThat(m2020.version().code()).isEqualTo("CSRM-2020");
        assertThat(clock(m2020, "special").length()).isEqualTo(45);
        assertThat(clock(m2020End, "special").length()).isEqualTo(45);
        assertThat(clock(m2022, "special").length()).isEqualTo(90);
        assertThat(clock(m2022, "special").note()).contains("art. 14");
        for (Assessor.RegimeAnswer a : List.of(m2020, m2022)) {
            assertThat(clock(a, "initial").length()).isEqualTo(30);
            assertThat(clock(a, "initial").extension("complex").length()).isEqualTo(15);
            assertThat(clock(a, "filing").length()).isEqualTo(10);
        }
        assertThat(clock(m2022, "initial").note()).contains("art. 11");
        assertThat(clock(m2020, "initial").note()).contains("art. 10");
        assertThat(m2022.authority()).contains("CAC");
    }

    static DealFacts chinaAcquisition(String date) {
        return deal(
                DealType.acquisition,
                date,
                "CN",
                "100",
                null,
                party("Alibaba", PartyRole.acquirer, "CN", Sector.internet_platform),
                party("ZTEsoft", PartyRole.target, "CN", Sector.telecom_software));
    }

    @Test
    void chinaMergerControlMovedFromMofcomToSamrOn17March2018() throws Exception {
        assertThat(answer("CN-AML", chinaAcquisition("2018-03-16")).authority()).contains("MOFCOM");
        assertThat(answer("CN-AML", chinaAcquisition("2018-03-17")).authority()).contains("SAMR");
        // One date in the data: the authority periods and the OpenAPI example agree.
        assertThat(REGIMES.get("CN-AML").authorities.get(1).from()).isEqualTo(LocalDate.parse("2018-03-17"));
        org.eclipse.microprofile.openapi.annotations.media.Schema example = AuthorityPeriod.class
                .getDeclaredField("from")
                .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        assertThat(example.examples()).containsExactly("2018-03-17");
    }

    @Test
    void chinaMergerControlGotClockStopsIn2022AndHigherThresholdsIn2024() {
        Assessor.RegimeAnswer before2022 = answer("CN-AML", chinaAcquisition("2022-07-31"));
        Assessor.RegimeAnswer after2022 = answer("CN-AML", chinaAcquisition("2022-08-01"));
        Assessor.RegimeAnswer before2024 = answer("CN-AML", chinaAcquisition("2024-01-21"));
        Assessor.RegimeAnswer after2024 = answer("CN-AML", chinaAcquisition("2024-01-22"));
        assertThat(clock(before2022, "phase2").clockStopsAllowed()).isNull();
        assertThat(clock(before2022, "phase1").clockStopsAllowed()).isNull();
        assertThat(clock(after2022, "phase1").clockStopsAllowed()).isTrue();
        assertThat(clock(before2022, "phase1").note()).contains("art. 25");
        assertThat(clock(after2022, "phase2").clockStopsAllowed()).isTrue();
        assertThat(clock(after2022, "phase1").note()).contains("art. 30");
        assertThat(before2024.verdict().outcome()).isEqualTo(TriggerOutcome.possibly_triggered);
        assertThat(before2024.verdict().reasons()).anyMatch(r -> r.contains("CNY 10 bn") && r.contains("CNY 400 m"));
        assertThat(after2024.verdict().reasons()).anyMatch(r -> r.contains("CNY 12 bn") && r.contains("CNY 800 m"));
        assertThat(after2024.version().code()).isEqualTo("AML-2024-THRESHOLDS");
    }

    @Test
    void chinaTelecomLicensingAuthorityWasMiiUntilMarch2008() {
        DealFacts entry = deal(
                DealType.market_entry,
                "2008-03-14",
                "CN",
                null,
                null,
                party("Vodafone", PartyRole.investor, "GB", Sector.telecom_operator));
        assertThat(answer("CN-MIIT-VATS", entry).authority()).contains("(MII)");
        assertThat(answer("CN-MIIT-VATS", entry).verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        DealFacts later = deal(
                DealType.market_entry,
                "2008-03-15",
                "CN",
                null,
                null,
                party("Vodafone", PartyRole.investor, "GB", Sector.telecom_operator));
        assertThat(answer("CN-MIIT-VATS", later).authority()).contains("MIIT");
        assertThat(clock(answer("CN-MIIT-VATS", later), "licence").length()).isEqualTo(60);
    }

    static DealFacts cloudInGermany(String date) {
        return deal(
                DealType.hosting_reseller,
                date,
                "DE",
                null,
                null,
                party("Alibaba Cloud", PartyRole.vendor, "CN", Sector.cloud_provider),
                party("Vodafone Germany", PartyRole.host, "DE", Sector.telecom_operator));
    }

    @Test
    void bsiC5WasC5_2016UntilC5_2020() {
        Assessor.RegimeAnswer before = answer("DE-BSI-C5", cloudInGermany("2019-12-31"));
        Assessor.RegimeAnswer after = answer("DE-BSI-C5", cloudInGermany("2020-01-01"));
        assertThat(before.version().code()).isEqualTo("C5-2016");
        assertThat(after.version().code()).isEqualTo("C5-2020");
        assertThat(before.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(after.authority()).contains("BSI");
        assertThat(answer("DE-BSI-C5", cloudInGermany("2016-01-31")).verdict().outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
    }

    @Test
    void criticalComponentNotificationStarted28May2021() {
        DealFacts supply = deal(
                DealType.partnership,
                "2021-05-27",
                "DE",
                null,
                true,
                party("Huawei", PartyRole.vendor, "CN", Sector.network_equipment),
                party("Deutsche Telekom", PartyRole.partner, "DE", Sector.telecom_operator));
        DealFacts later = deal(
                DealType.partnership,
                "2021-05-28",
                "DE",
                null,
                true,
                party("Huawei", PartyRole.vendor, "CN", Sector.network_equipment),
                party("Deutsche Telekom", PartyRole.partner, "DE", Sector.telecom_operator));
        assertThat(answer("DE-BSIG-9B", supply).verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
        Assessor.RegimeAnswer after = answer("DE-BSIG-9B", later);
        assertThat(after.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(clock(after, "review").length()).isEqualTo(2);
        assertThat(after.authority()).contains("BMI");
    }

    static DealFacts ukAcquisition(String date) {
        return deal(
                DealType.acquisition,
                date,
                "GB",
                "60",
                null,
                party("Alibaba Cloud", PartyRole.acquirer, "CN", Sector.cloud_provider),
                party("BT Global Services", PartyRole.target, "GB", Sector.telecom_operator, Sector.it_services));
    }

    @Test
    void enterpriseActGotAStatutoryPhase1WithTheCmaOn1April2014() {
        Assessor.RegimeAnswer oft = answer("UK-EA02", ukAcquisition("2014-03-31"));
        Assessor.RegimeAnswer cma = answer("UK-EA02", ukAcquisition("2014-04-01"));
        assertThat(oft.authority()).contains("Office of Fair Trading");
        assertThat(clock(oft, "phase1")).isNull();
        assertThat(clock(oft, "phase2").length()).isEqualTo(168);
        assertThat(cma.authority()).contains("Competition and Markets Authority");
        assertThat(clock(cma, "phase1").length()).isEqualTo(40);
        assertThat(clock(cma, "phase1").note()).contains("s. 34ZA");
    }

    @Test
    void enterpriseActThresholdsChangedInJune2018AndJuly2020AndTheNationalSecurityGroundEndedWithTheNsia() {
        // Merger control under the Act continues after 3 January 2022; only its national-security ground went.
        assertThat(answer("UK-EA02", ukAcquisition("2018-06-10")).verdict().reasons())
                .noneMatch(r -> r.contains("GBP 1 m"));
        assertThat(answer("UK-EA02", ukAcquisition("2018-06-11")).verdict().reasons())
                .anyMatch(r -> r.contains("GBP 1 m"));
        assertThat(answer("UK-EA02", ukAcquisition("2020-07-20")).verdict().reasons())
                .noneMatch(r -> r.contains("artificial intelligence"));
        assertThat(answer("UK-EA02", ukAcquisition("2020-07-21")).verdict().reasons())
                .anyMatch(r -> r.contains("artificial intelligence"));
        assertThat(answer("UK-EA02", ukAcquisition("2022-01-03")).verdict().outcome())
                .isEqualTo(TriggerOutcome.possibly_triggered);
        // The NSIA took over national security only: CMA merger control under the Act goes on, without the special
        // thresholds of 2018 and 2020.
        Assessor.RegimeAnswer afterNsia = answer("UK-EA02", ukAcquisition("2022-01-04"));
        assertThat(afterNsia.verdict().outcome()).isEqualTo(TriggerOutcome.possibly_triggered);
        assertThat(afterNsia.version().code()).isEqualTo("EA02-2022");
        assertThat(afterNsia.verdict().reasons()).noneMatch(r -> r.contains("GBP 1 m"));
        assertThat(afterNsia.authority()).contains("Competition and Markets Authority");
        assertThat(clock(afterNsia, "phase1").length()).isEqualTo(40);
        assertThat(clock(afterNsia, "phase2").length()).isEqualTo(168);
        assertThat(clock(afterNsia, "phase2").extension("special_reasons").length())
                .isEqualTo(56);
        assertThat(REGIMES.get("UK-EA02").inForceTo).isNull();
        assertThat(REGIMES.get("UK-EA02").kind).isEqualTo(RegimeKind.merger_control);
    }

    @Test
    void theDmccActRaisedTheTargetTurnoverTestAndAddedTheHybridTestOn1January2025() {
        Assessor.RegimeAnswer before = answer("UK-EA02", ukAcquisition("2024-12-31"));
        Assessor.RegimeAnswer after = answer("UK-EA02", ukAcquisition("2025-01-01"));
        assertThat(before.version().code()).isEqualTo("EA02-2022");
        assertThat(before.verdict().reasons()).anyMatch(r -> r.contains("GBP 70 m"));
        assertThat(after.version().code()).isEqualTo("EA02-DMCC");
        assertThat(after.verdict().reasons()).anyMatch(r -> r.contains("GBP 100 m") && r.contains("GBP 10 m or less"));
        assertThat(after.version().rulesOrEmpty())
                .anyMatch(r -> r.code().equals("hybrid_test")
                        && r.thresholds().contains("GBP 350 m")
                        && r.thresholds().contains("33%"));
        // The hybrid test needs no UK target: a large UK party buying a foreign enterprise with a UK nexus.
        DealFacts ukBuyerForeignTarget = deal(
                DealType.acquisition,
                "2025-01-01",
                null,
                "100",
                true,
                party("a UK operator", PartyRole.acquirer, "GB", Sector.telecom_operator),
                party("a US supplier to UK customers", PartyRole.target, "US", Sector.it_services));
        Assessor.RegimeAnswer hybrid = answer("UK-EA02", ukBuyerForeignTarget);
        assertThat(hybrid.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(hybrid.verdict().ruleCode()).isEqualTo("hybrid_test");
        DealFacts dayBefore = deal(
                DealType.acquisition,
                "2024-12-31",
                null,
                "100",
                true,
                party("a UK operator", PartyRole.acquirer, "GB", Sector.telecom_operator),
                party("a US supplier to UK customers", PartyRole.target, "US", Sector.it_services));
        assertThat(answer("UK-EA02", dayBefore).verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
    }

    @Test
    void germanMergerControlUnderTheGwbWithItsThreeVersions() {
        // A French operator buys a German operator; the turnover thresholds are stated as met.
        DealParty french = party("a French operator", PartyRole.acquirer, "FR", Sector.telecom_operator);
        DealParty german = party("a German operator", PartyRole.target, "DE", Sector.telecom_operator);
        Assessor.RegimeAnswer in2016 =
                answer("DE-GWB", deal(DealType.acquisition, "2016-05-10", null, "100", true, french, german));
        Assessor.RegimeAnswer in2018 =
                answer("DE-GWB", deal(DealType.acquisition, "2018-05-10", null, "100", true, french, german));
        Assessor.RegimeAnswer in2023 =
                answer("DE-GWB", deal(DealType.acquisition, "2023-05-10", null, "100", true, french, german));
        assertThat(in2023.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(in2023.version().mandatory()).isTrue();
        assertThat(in2023.version().suspensory()).isTrue();
        assertThat(in2023.authority()).contains("Bundeskartellamt");
        assertThat(in2016.version().code()).isEqualTo("GWB-2013");
        assertThat(in2016.version().rulesOrEmpty())
                .extracting(TriggerRule::code)
                .containsExactly("turnover_thresholds");
        assertThat(in2018.version().code()).isEqualTo("GWB-2017");
        assertThat(in2018.version().rulesOrEmpty())
                .extracting(TriggerRule::code)
                .containsExactly("turnover_thresholds", "transaction_value");
        assertThat(in2023.version().code()).isEqualTo("GWB-2021");
        assertThat(in2023.verdict().reasons()).anyMatch(r -> r.contains("EUR 50 m") && r.contains("EUR 17.5 m"));
        for (Assessor.RegimeAnswer a : List.of(in2016, in2018, in2023)) {
            assertThat(clock(a, "phase1").length()).isEqualTo(1);
            assertThat(clock(a, "phase1").unit()).isEqualTo(ClockUnit.months);
            assertThat(clock(a, "phase1").stoppable()).isFalse();
            // Both phases run from receipt of the complete notification (§ 40(1)-(2) GWB).
            assertThat(clock(a, "phase2").startsAt()).isEqualTo(MatterStatus.accepted);
            assertThat(clock(a, "phase2").stoppable()).isTrue();
            assertThat(clock(a, "phase2").extension("remedies").length()).isEqualTo(1);
        }
        assertThat(clock(in2016, "phase2").length()).isEqualTo(4);
        assertThat(clock(in2018, "phase2").length()).isEqualTo(4);
        assertThat(clock(in2023, "phase2").length()).isEqualTo(5);
        assertThat(in2018.version().rulesOrEmpty().get(1).thresholds()).contains("EUR 400 m");
        assertThat(in2023.version().rulesOrEmpty().get(1).thresholds()).contains("EUR 400 m");
        // A deal that does not touch Germany is not caught.
        assertThat(answer(
                                "DE-GWB",
                                deal(
                                        DealType.acquisition,
                                        "2023-05-10",
                                        null,
                                        "100",
                                        true,
                                        french,
                                        party("a Spanish operator", PartyRole.target, "ES", Sector.telecom_operator)))
                        .verdict()
                        .outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
    }

    @Test
    void nsiaFrom4January2022WithItsOwnFirstCountedDays() {
        assertThat(answer("UK-NSIA", ukAcquisition("2022-01-03")).verdict().outcome())
                .isEqualTo(TriggerOutcome.not_triggered);
        Assessor.RegimeAnswer nsia = answer("UK-NSIA", ukAcquisition("2022-01-04"));
        assertThat(nsia.verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(nsia.version().mandatory()).isTrue();
        assertThat(nsia.authority()).contains("Secretary of State");
        assertThat(clock(nsia, "review").firstCountedDayOrDefault()).isEqualTo(FirstCountedDay.next_day);
        assertThat(clock(nsia, "assessment").firstCountedDayOrDefault()).isEqualTo(FirstCountedDay.same_day);
        assertThat(clock(nsia, "assessment").note())
                .contains("s. 23")
                .contains("s. 24")
                .doesNotContain("23(6)");
    }

    @Test
    void telecomSecurityActFromRoyalAssent() {
        DealFacts before = deal(
                DealType.partnership,
                "2021-11-16",
                "GB",
                null,
                null,
                party("Alibaba Cloud", PartyRole.partner, "CN", Sector.cloud_provider),
                party("BT", PartyRole.partner, "GB", Sector.telecom_operator));
        DealFacts after = deal(
                DealType.partnership,
                "2021-11-17",
                "GB",
                null,
                null,
                party("Alibaba Cloud", PartyRole.partner, "CN", Sector.cloud_provider),
                party("BT", PartyRole.partner, "GB", Sector.telecom_operator));
        assertThat(answer("UK-TSA", before).verdict().outcome()).isEqualTo(TriggerOutcome.not_triggered);
        assertThat(answer("UK-TSA", after).verdict().outcome()).isEqualTo(TriggerOutcome.triggered);
        assertThat(answer("UK-TSA", after).authority()).contains("Ofcom");
    }

    @Test
    void everyRegimeOfTheSeedIsCoveredHere() {
        assertThat(REGIMES.keySet())
                .containsExactlyInAnyOrder(
                        "CN-MIIT-VATS",
                        "CN-CAC-CSR",
                        "CN-AML",
                        "DE-BSI-C5",
                        "DE-AWV",
                        "DE-BSIG-9B",
                        "DE-GWB",
                        "UK-EA02",
                        "UK-NSIA",
                        "UK-TSA");
    }
}
