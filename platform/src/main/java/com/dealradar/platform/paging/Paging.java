package com.dealradar.platform.paging;

import com.dealradar.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** Limit parsing, page assembly and the {@code Link: rel="next"} header, the same for every list. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    private Paging() {}

    public static int limit(String raw) {
        return limit(raw, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The page size a {@code limit} parameter asks for: {@code defaultLimit} when absent, 400 outside 1 to {@code max}. */
    public static int limit(String raw, int defaultLimit, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter("limit", "must be a whole number from 1 to " + max + ", was '" + raw + "'");
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in sort order: the extra row only tells that
     * another page exists, and the last row kept gives the next cursor's keys.
     */
    public static <E> Page<E> page(List<E> rowsPlusOne, int limit, String sort, Function<E, List<String>> keysOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(List.copyOf(rowsPlusOne), null);
        }
        List<E> items = List.copyOf(rowsPlusOne.subList(0, limit));
        return new Page<>(items, new Cursor(sort, keysOf.apply(items.getLast())).encode());
    }

    /** 200 with the page, plus a relative {@code Link} to the next page that keeps every other query parameter. */
    public static Response ok(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            response.header("Link", nextLink(uri, page.nextCursor()));
        }
        return response.build();
    }

    /** {@code <this request with cursor=nextCursor>; rel="next"}: relative, every other query parameter kept. */
    public static String nextLink(UriInfo uri, String nextCursor) {
        URI next = uri.getRequestUriBuilder()
                .replaceQueryParam("cursor", nextCursor)
                .build();
        return "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"";
    }
}
