package com.dealradar.deal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The stored form of a deal's value: an amount or a range in its currency, optionally in USD too. */
@Embeddable
public class DealValue {

    @Column(name = "value_amount", precision = 20, scale = 4)
    public BigDecimal amount;

    @Column(name = "value_amount_min", precision = 20, scale = 4)
    public BigDecimal amountMin;

    @Column(name = "value_amount_max", precision = 20, scale = 4)
    public BigDecimal amountMax;

    @Column(name = "value_currency", length = 3)
    public String currency;

    @Column(name = "value_amount_usd", precision = 20, scale = 4)
    public BigDecimal amountUsd;

    @Column(name = "value_amount_usd_min", precision = 20, scale = 4)
    public BigDecimal amountUsdMin;

    @Column(name = "value_amount_usd_max", precision = 20, scale = 4)
    public BigDecimal amountUsdMax;

    @Column(name = "value_estimated")
    public Boolean estimated;

    /**
     * The one USD figure that the value filter and the value sort use: {@code amountUsd}; else the midpoint of
     * the USD range; else, when the currency is USD, the amount or the midpoint of the range; else none.
     */
    public BigDecimal comparableUsd() {
        if (amountUsd != null) {
            return amountUsd;
        }
        if (amountUsdMin != null && amountUsdMax != null) {
            return midpoint(amountUsdMin, amountUsdMax);
        }
        if ("USD".equals(currency)) {
            if (amount != null) {
                return amount;
            }
            if (amountMin != null && amountMax != null) {
                return midpoint(amountMin, amountMax);
            }
        }
        return null;
    }

    private static BigDecimal midpoint(BigDecimal a, BigDecimal b) {
        return a.add(b).divide(BigDecimal.TWO, 4, RoundingMode.HALF_EVEN);
    }
}
