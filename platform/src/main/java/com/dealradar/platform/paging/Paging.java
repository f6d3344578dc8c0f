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
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(
                "limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was '" + raw + "'");
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
            URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build();
            response.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return response.build();
    }
}
