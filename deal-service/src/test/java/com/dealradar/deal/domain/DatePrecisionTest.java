package com.dealradar.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatePrecisionTest {

    @Test
    void valuesMustMatchTheirPrecision() {
        assertThat(DatePrecision.year.firstDay("2017")).contains(LocalDate.of(2017, 1, 1));
        assertThat(DatePrecision.month.firstDay("2017-06")).contains(LocalDate.of(2017, 6, 1));
        assertThat(DatePrecision.day.firstDay("2017-06-12")).contains(LocalDate.of(2017, 6, 12));
        assertThat(DatePrecision.year.firstDay("2017-06")).isEmpty();
        assertThat(DatePrecision.month.firstDay("2017")).isEmpty();
        assertThat(DatePrecision.month.firstDay("2017-13")).isEmpty();
        assertThat(DatePrecision.day.firstDay("2017-02-30")).isEmpty();
        assertThat(DatePrecision.day.firstDay("17-02-03")).isEmpty();
        assertThat(DatePrecision.day.firstDay(null)).isEmpty();
    }

    @Test
    void formatsBack() {
        assertThat(DatePrecision.year.format(LocalDate.of(2016, 1, 1))).isEqualTo("2016");
        assertThat(DatePrecision.month.format(LocalDate.of(2018, 7, 1))).isEqualTo("2018-07");
        assertThat(DatePrecision.day.format(LocalDate.of(2017, 3, 27))).isEqualTo("2017-03-27");
    }

    @Test
    void comparableUsdIsAmountUsdElseUsdRangeMidpointElseUsdAmount() {
        DealValue v = new DealValue();
        v.currency = "CNY";
        v.amountMin = new java.math.BigDecimal("2000000000");
        v.amountMax = new java.math.BigDecimal("3000000000");
        assertThat(v.comparableUsd()).isNull();
        v.amountUsdMin = new java.math.BigDecimal("294000000");
        v.amountUsdMax = new java.math.BigDecimal("442000000");
        assertThat(v.comparableUsd()).isEqualByComparingTo("368000000");
        v.amountUsd = new java.math.BigDecimal("440000000");
        assertThat(v.comparableUsd()).isEqualByComparingTo("440000000");
        DealValue usd = new DealValue();
        usd.currency = "USD";
        usd.amount = new java.math.BigDecimal("5");
        assertThat(usd.comparableUsd()).isEqualByComparingTo("5");
    }
}
