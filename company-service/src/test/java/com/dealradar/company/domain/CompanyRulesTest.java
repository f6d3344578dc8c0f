package com.dealradar.company.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyRulesTest {

    @Test
    void leiCheckDigitsFollowIso7064() {
        assertThat(Lei.isValid("529900T8BM49AURSDO55")).isTrue();
        assertThat(Lei.isValid("5493001KJTIIGC8Y1R12")).isTrue();
        assertThat(Lei.isValid("529900T8BM49AURSDO56")).isFalse();
        assertThat(Lei.isValid("529900t8bm49aursdo55")).isFalse();
        assertThat(Lei.isValid("12345")).isFalse();
        assertThat(Lei.isValid(null)).isFalse();
    }

    @Test
    void foldingIgnoresCaseAccentsAndExtraSpace() {
        assertThat(SearchText.fold("  Bolloré   SE ")).isEqualTo("bollore se");
        assertThat(SearchText.fold("TELEFÓNICA")).isEqualTo("telefonica");
        assertThat(SearchText.fold("Düsseldorf")).isEqualTo("dusseldorf");
    }

    @Test
    void slugsAreReadable() {
        assertThat(SearchText.slugOf("Alibaba Group")).isEqualTo("alibaba-group");
        assertThat(SearchText.slugOf("T-Systems")).isEqualTo("t-systems");
        assertThat(SearchText.slugOf("Amazon.com, Inc.")).isEqualTo("amazon-com-inc");
        assertThat(SearchText.slugOf("阿里巴巴")).isEmpty();
        // Letters without an ASCII decomposition are spelt out, not dropped.
        assertThat(SearchText.slugOf("Deutsche Glasfaser Straße")).isEqualTo("deutsche-glasfaser-strasse");
        assertThat(SearchText.slugOf("Øresund Æther Łódź")).isEqualTo("oresund-aether-lodz");
        assertThat(SearchText.slugOf("Bolloré")).isEqualTo("bollore");
        assertThat(SearchText.slugOf("x".repeat(100))).hasSize(80);
    }
}
