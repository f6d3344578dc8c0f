package com.dealradar.company.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds names for search and sorting: case- and accent-insensitive ("Bolloré" finds "bollore"). */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private SearchText() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** A readable URL slug from a name: "Vodafone Germany" becomes "vodafone-germany". */
    public static String slugOf(String name) {
        String slug = NOT_SLUG.matcher(fold(name)).replaceAll("-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
