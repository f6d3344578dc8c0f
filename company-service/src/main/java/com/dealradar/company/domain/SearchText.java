package com.dealradar.company.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Folds names for search and sorting: case- and accent-insensitive ("Bolloré" finds "bollore"). */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private SearchText() {}

    /** The most characters a folded text keeps: the length of the columns that hold sort names and search terms. */
    static final int MAX_FOLDED = 200;

    /**
     * Folded, and cut to {@link #MAX_FOLDED} characters: compatibility decomposition can lengthen a name that fits its
     * column ("ﬃ" is "ffi", "ﷺ" eighteen letters), and a sort name or prefix is none the worse for losing its tail.
     * Queries are folded the same way, so a prefix that long still matches.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
        String folded = MARKS.matcher(decomposed)
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        return folded.codePointCount(0, folded.length()) <= MAX_FOLDED
                ? folded
                : folded.substring(0, folded.offsetByCodePoints(0, MAX_FOLDED));
    }

    /**
     * Latin letters that no Unicode decomposition turns into ASCII, spelt as their languages write them without the
     * letter ("Straße" is "strasse", not "stra-e").
     */
    private static final Map<String, String> SPELT_OUT = Map.ofEntries(
            Map.entry("ß", "ss"),
            Map.entry("æ", "ae"),
            Map.entry("œ", "oe"),
            Map.entry("ø", "o"),
            Map.entry("đ", "d"),
            Map.entry("ð", "d"),
            Map.entry("ł", "l"),
            Map.entry("þ", "th"),
            Map.entry("ı", "i"));

    private static final Pattern SPELT_OUT_LETTERS = Pattern.compile("[ßæœøđðłþı]");

    /** A readable URL slug from a name: "Vodafone Germany" becomes "vodafone-germany". */
    public static String slugOf(String name) {
        String ascii = SPELT_OUT_LETTERS.matcher(fold(name)).replaceAll(letter -> SPELT_OUT.get(letter.group()));
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
