package com.dealradar.platform.geo;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The country codes every service checks: ISO 3166-1 alpha-2 codes assigned to a country (the JDK's list, so XX or
 * a reserved code is not one), and the codes a deal's regions may hold, which add EU, exceptionally reserved in
 * ISO 3166-1 and region-service's supranational region for deals that touch the Union as a whole.
 */
public final class CountryCodes {

    /** Codes assigned to countries. */
    public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Codes a deal's {@code regions} may hold: a country, or EU. */
    public static final Set<String> DEAL_REGIONS = dealRegions();

    private CountryCodes() {}

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isDealRegion(String code) {
        return code != null && DEAL_REGIONS.contains(code);
    }

    private static Set<String> dealRegions() {
        Set<String> codes = new HashSet<>(COUNTRIES);
        codes.add("EU");
        return Set.copyOf(codes);
    }
}
