package com.dealradar.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DealValueTest {

    @Test
    void comparableUsdIsAmountUsdElseUsdRangeMidpointElseUsdAmount() {
        DealValue v = new DealValue();
        v.currency = "CNY";
        v.amountMin = new BigDecimal("2000000000");
        v.amountMax = new BigDecimal("3000000000");
        assertThat(v.comparableUsd()).isNull();
        v.amountUsdMin = new BigDecimal("294000000");
        v.amountUsdMax = new BigDecimal("442000000");
        assertThat(v.comparableUsd()).isEqualByComparingTo("368000000");
        v.amountUsd = new BigDecimal("440000000");
        assertThat(v.comparableUsd()).isEqualByComparingTo("440000000");
        DealValue usd = new DealValue();
        usd.currency = "USD";
        usd.amount = new BigDecimal("5");
        assertThat(usd.comparableUsd()).isEqualByComparingTo("5");
    }
}
