package com.dealradar.platform.paging;

import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.text.CanonicalUuid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset-pagination cursor: the sort it belongs to and the sort-key values of the last item
 * returned. Values are length-prefixed so that any character may appear in them. A cursor encoded while a request
 * is served also carries the digest of that request's path and filters ({@link ListQuery}): decoding it on another
 * list or under other filters is a 400. (A cursor without one, issued before cursors carried it, is taken under any filters.)
 */
public record Cursor(String sort, List<String> keys) {

    private static final char FILTERS = '~';

    public String encode() {
        String filters = ListQuery.digest();
        String head = filters == null ? sort : sort + FILTERS + filters;
        StringBuilder raw =
                new StringBuilder().append(head.length()).append(':').append(head);
        for (String key : keys) {
            raw.append(key.length()).append(':').append(key);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code raw} and checks it was issued for {@code expectedSort} with {@code keyCount} keys; 400 otherwise. */
    public static Cursor decode(String raw, String expectedSort, int keyCount) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                int colon = text.indexOf(':', at);
                int length = Integer.parseInt(text.substring(at, colon));
                parts.add(text.substring(colon + 1, colon + 1 + length));
                at = colon + 1 + length;
            }
            if (parts.size() != keyCount + 1) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            // No stored value holds NUL (the JSON layer refuses it), and PostgreSQL refuses it in text: a crafted
            // cursor
            // with one was a 500.
            if (parts.stream().skip(1).anyMatch(key -> key.indexOf('\u0000') >= 0)) {
                throw new IllegalArgumentException("NUL in a key");
            }
            String sort = parts.getFirst();
            String filters = null;
            int mark = sort.indexOf(FILTERS);
            if (mark >= 0) {
                filters = sort.substring(mark + 1);
                sort = sort.substring(0, mark);
            }
            if (!sort.equals(expectedSort)) {
                throw ProblemException.badParameter(
                        "cursor",
                        "this cursor belongs to sort '" + sort + "'; use the same sort or start without a cursor");
            }
            String current = filters == null ? null : ListQuery.digest();
            if (current != null && !current.equals(filters)) {
                throw ProblemException.badParameter(
                        "cursor",
                        "this cursor belongs to another list, or to a page asked with other query parameters: send"
                                + " it to the same path with the same parameters (only limit may change), or start"
                                + " without a cursor");
            }
            return new Cursor(sort, List.copyOf(parts.subList(1, parts.size())));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw notIssued();
        }
    }

    /** Key {@code index} as an id; 400 like a cursor that does not decode when it is not one (a crafted cursor). */
    public UUID uuidKey(int index) {
        // Canonical form only: UUID.fromString alone also takes 1-2-3-4-5, which no cursor of this API holds.
        return CanonicalUuid.parse(keys.get(index)).orElseThrow(Cursor::notIssued);
    }

    /** Decodes a cursor of (time, id) keys, both checked; null for no cursor, 400 for anything else. */
    public static Cursor timeAndId(String raw, String expectedSort) {
        Cursor cursor = valueAndId(raw, expectedSort);
        if (cursor != null) {
            cursor.instantKey(0);
        }
        return cursor;
    }

    /** Decodes a cursor of (any value, id) keys, the id checked; null for no cursor, 400 for anything else. */
    public static Cursor valueAndId(String raw, String expectedSort) {
        if (raw == null) {
            return null;
        }
        Cursor cursor = decode(raw, expectedSort, 2);
        cursor.uuidKey(1);
        return cursor;
    }

    /**
     * Key {@code index} as an instant; 400 like {@link #uuidKey} when it is not one, or not one of years 1 to 9999 that
     * every stored time is (Instant.parse also takes +300000-01-01T00:00:00Z, which PostgreSQL refuses: a 500).
     */
    public Instant instantKey(int index) {
        Instant instant;
        try {
            instant = Instant.parse(keys.get(index));
        } catch (RuntimeException e) {
            throw notIssued();
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw notIssued();
        }
        return instant;
    }

    /**
     * Key {@code index} as a date; 400 like {@link #uuidKey} when it is not YYYY-MM-DD (LocalDate.parse also takes
     * +9999999-01-01, which PostgreSQL refuses: a 500).
     */
    public LocalDate dateKey(int index) {
        try {
            return QueryParams.date("cursor", keys.get(index));
        } catch (ProblemException e) {
            throw notIssued();
        }
    }

    /** Key {@code index} as a decimal within what a numeric column holds (not 1e999999); 400 like {@link #uuidKey}. */
    public BigDecimal decimalKey(int index) {
        try {
            return QueryParams.decimal("cursor", keys.get(index));
        } catch (ProblemException e) {
            throw notIssued();
        }
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** The 400 for a cursor this API did not issue (one that does not decode, or whose keys are not what it wrote). */
    public static ProblemException notIssued() {
        return ProblemException.badParameter(
                "cursor", "not a cursor this API issued; use nextCursor from a previous page");
    }
}
