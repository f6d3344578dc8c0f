package com.dealradar.deal.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal's value: either an exact {@code amount} or a range {@code amountMin}..{@code amountMax} in
 * {@code currency}, optionally with the USD equivalent (again an amount or a range). Amounts are decimal
 * strings so that no precision is lost in JSON.
 */
@Schema(
        name = "Money",
        description =
                "An amount or a range (amountMin..amountMax) in an ISO 4217 currency, "
                        + "optionally with its USD equivalent (amountUsd, or amountUsdMin..amountUsdMax). Amounts are decimal strings.",
        examples = "{\"amountMin\":\"2000000000\",\"amountMax\":\"3000000000\",\"currency\":\"CNY\","
                + "\"amountUsdMin\":\"294000000\",\"amountUsdMax\":\"442000000\",\"estimated\":true}")
public record Money(
        @Pattern(regexp = Money.DECIMAL, message = Money.DECIMAL_MESSAGE)
        @Schema(description = "Exact amount (or give amountMin and amountMax)", examples = "440000000")
        String amount,

        @Pattern(regexp = Money.DECIMAL, message = Money.DECIMAL_MESSAGE)
        @Schema(description = "Lower end of a range", examples = "2000000000")
        String amountMin,

        @Pattern(regexp = Money.DECIMAL, message = Money.DECIMAL_MESSAGE)
        @Schema(description = "Upper end of a range", examples = "3000000000")
        String amountMax,

        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
        @Schema(description = "ISO 4217 currency code", examples = "CNY", required = true)
        String currency,

        @Pattern(regexp = Money.DECIMAL, message = Money.DECIMAL_MESSAGE)
        @Schema(description = "The amount in US dollars", examples = "440000000")
        String amountUsd,

        @Pattern(regexp = Money.DECIMAL, message = Money.DECIMAL_MESSAGE)
        @Schema(description = "Lower end of the range in US dollars", examples = "294000000")
        String amountUsdMin,

        @Pattern(regexp = Money.DECIMAL, message = Money.DECIMAL_MESSAGE)
        @Schema(description = "Upper end of the range in US dollars", examples = "442000000")
        String amountUsdMax,

        @Schema(
                description = "true when the value is an estimate (reported, not disclosed by the parties)",
                defaultValue = "false")
        Boolean estimated) {

    /** Optional in the contract (default false): absent or null is false, not a 400. */
    public Money {
        estimated = Boolean.TRUE.equals(estimated);
    }

    static final String DECIMAL = "(0|[1-9][0-9]{0,15})(\\.[0-9]{1,4})?";
    static final String DECIMAL_MESSAGE =
            "must be a non-negative decimal string with at most 16 integer and 4 fraction digits, such as \"440000000\"";
}
