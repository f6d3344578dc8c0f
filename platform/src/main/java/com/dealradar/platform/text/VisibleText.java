package com.dealradar.platform.text;

import com.dealradar.platform.problem.ProblemException;

/**
 * Required text as the contract defines it: {@code @NotBlank} becomes JSON Schema's {@code \S}, at least one character
 * that is not white space as ECMAScript counts it (which includes the no-break, em and ideographic spaces, U+00A0,
 * U+2003, U+3000, and U+FEFF). Bean Validation's {@code @NotBlank} only skips characters up to U+0020, so "\u3000"
 * passed it and was stored as an empty name once stripped.
 */
public final class VisibleText {

    private VisibleText() {}

    /** {@code value} without white space at either end; a 400 naming {@code field} when nothing else is left. */
    public static String strip(String field, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw ProblemException.invalid(field, "must contain a character that is not white space");
        }
        return value.substring(start, end);
    }

    /** ECMAScript's WhiteSpace and LineTerminator, what {@code \s} matches in a JSON Schema pattern. */
    static boolean isSpace(char c) {
        return c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || c == ' '
                || c == '\u00A0'
                || c == '\uFEFF'
                || c == '\u2028'
                || c == '\u2029'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
