package com.dealradar.gateway.calendar;

import com.dealradar.platform.http.QueryParams;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which deadlines a calendar lists: all filters combine with AND; null means no filter. */
public record CalendarFilters(String region, UUID deal, UUID company) {

    /** The calendar's query parameters (the ids typed already): a bad region is a 400 problem naming it. */
    public static CalendarFilters of(String region, UUID deal, UUID company) {
        return new CalendarFilters(QueryParams.countryCode("region", region), deal, company);
    }

    /**
     * A subscription's filters as its body has them (the company looked up already): a bad value is a 400 problem
     * naming the field.
     */
    public static CalendarFilters parse(String region, String deal, UUID company) {
        return of(region, QueryParams.uuid("deal", deal), company);
    }

    /** The same filters as the matters API's query parameters ({@code region}, {@code dealId}, {@code companyId}). */
    public String mattersQuery() {
        List<String> parts = new ArrayList<>();
        if (region != null) {
            parts.add("region=" + region);
        }
        if (deal != null) {
            parts.add("dealId=" + deal);
        }
        if (company != null) {
            parts.add("companyId=" + company);
        }
        return String.join("&", parts);
    }

    /** The public query parameters ({@code region}, {@code deal}, {@code company}), for URLs and descriptions. */
    public String publicQuery() {
        return publicQuery(company == null ? null : company.toString());
    }

    /** The same, with the company as the request named it (a slug, say). */
    public String publicQuery(String companyAsNamed) {
        List<String> parts = new ArrayList<>();
        if (region != null) {
            parts.add("region=" + region);
        }
        if (deal != null) {
            parts.add("deal=" + deal);
        }
        if (companyAsNamed != null) {
            parts.add("company=" + companyAsNamed);
        }
        return String.join("&", parts);
    }

    /** These filters with the company {@code id}. */
    public CalendarFilters withCompany(UUID id) {
        return new CalendarFilters(region, deal, id);
    }
}
