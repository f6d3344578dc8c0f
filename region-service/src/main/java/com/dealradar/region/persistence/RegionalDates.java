package com.dealradar.region.persistence;

import com.dealradar.region.domain.RegionalToday;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** JPQL that compares a date column with today in the row's region, for queries over rows of many regions. */
public final class RegionalDates {

    private RegionalDates() {}

    /**
     * A condition "{@code datePath operator} today in the region {@code regionPath}", e.g. {@code c.validTo < today}:
     * one comparison per date that some regions have (usually one or two), the rows of other regions, or of none,
     * compared with {@link RegionalToday#elsewhere()}. Its parameters, named from {@code name}, go into {@code params}.
     */
    public static String compare(
            String datePath,
            String operator,
            String regionPath,
            RegionalToday today,
            String name,
            Map<String, Object> params) {
        Map<LocalDate, Set<String>> differing = today.differing();
        params.put(name, today.elsewhere());
        if (differing.isEmpty()) {
            return datePath + " " + operator + " :" + name;
        }
        List<String> alternatives = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        int i = 0;
        for (Map.Entry<LocalDate, Set<String>> group : differing.entrySet()) {
            String regions = name + "Regions" + i;
            String day = name + i;
            alternatives.add(
                    "(" + regionPath + " in :" + regions + " and " + datePath + " " + operator + " :" + day + ")");
            params.put(regions, group.getValue());
            params.put(day, group.getKey());
            listed.addAll(group.getValue());
            i++;
        }
        String others = name + "OtherRegions";
        params.put(others, listed);
        alternatives.add("((" + regionPath + " is null or " + regionPath + " not in :" + others + ") and " + datePath
                + " " + operator + " :" + name + ")");
        return "(" + String.join(" or ", alternatives) + ")";
    }
}
