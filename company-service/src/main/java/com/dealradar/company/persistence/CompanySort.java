package com.dealradar.company.persistence;

import com.dealradar.company.domain.Company;
import com.dealradar.platform.http.QueryParams;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Orders of the company list. Each ends with the id so that the order is total and keyset paging is exact. */
public enum CompanySort {
    /** by folded name, A to Z */
    name("c.sortName", "asc"),
    /** least recently updated first: for partners syncing changes */
    updatedAt("c.updatedAt", "asc"),
    /** most recently updated first */
    @JsonProperty("-updatedAt")
    updatedAtDesc("c.updatedAt", "desc");

    final String column;
    final String direction;

    CompanySort(String column, String direction) {
        this.column = column;
        this.direction = direction;
    }

    /** The keys of {@code company} in this order, for the next page's cursor. */
    public List<String> cursorKeys(Company company) {
        String key = this == name ? company.sortName : company.updatedAt.toString();
        return List.of(key, company.id.toString());
    }

    public String wireName() {
        return QueryParams.wireName(this);
    }
}
