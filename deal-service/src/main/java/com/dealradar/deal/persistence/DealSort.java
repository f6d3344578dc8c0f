package com.dealradar.deal.persistence;

import com.dealradar.deal.domain.Deal;
import com.dealradar.platform.http.QueryParams;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Orders of the deal list. Deals without the sort value (no announced date, no USD value) come last in
 * both directions; every order ends with the id so that it is total and keyset paging is exact.
 */
public enum DealSort {
    /** most recently announced first (by the first day of the announced date); the default */
    @JsonProperty("-announced")
    announcedDesc("d.announcedOn", "desc", true),
    /** earliest announced first */
    announced("d.announcedOn", "asc", true),
    /** largest USD value first (see Deal#valueUsd) */
    @JsonProperty("-valueUsd")
    valueUsdDesc("d.valueUsd", "desc", true),
    /** smallest USD value first */
    valueUsd("d.valueUsd", "asc", true),
    /** least recently updated first: for partners syncing changes */
    updatedAt("d.updatedAt", "asc", false),
    /** most recently updated first */
    @JsonProperty("-updatedAt")
    updatedAtDesc("d.updatedAt", "desc", false);

    final String column;
    final String direction;
    final boolean nullable;

    DealSort(String column, String direction, boolean nullable) {
        this.column = column;
        this.direction = direction;
        this.nullable = nullable;
    }

    /** The keys of {@code deal} in this order, for the next page's cursor. */
    public List<String> cursorKeys(Deal deal) {
        Object key = switch (this) {
            case announced, announcedDesc -> deal.announcedOn;
            case valueUsd, valueUsdDesc -> deal.valueUsd == null ? null : deal.valueUsd.toPlainString();
            case updatedAt, updatedAtDesc -> deal.updatedAt;
        };
        return List.of(key == null ? DealRepository.NULL_KEY : key.toString(), deal.id.toString());
    }

    public String wireName() {
        return QueryParams.wireName(this);
    }
}
