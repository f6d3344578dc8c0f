package com.dealradar.platform.paging;

import com.dealradar.platform.crypto.Sha256;
import com.dealradar.platform.http.CurrentRouting;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.TreeSet;

/**
 * What a list was asked for: the current request's path and its query parameters other than the page's own
 * ({@code cursor}, {@code limit}), as a short digest. A cursor carries the digest of the list it came from, so that a
 * cursor sent with other filters (a nextCursor of {@code ?status=announced} with {@code ?status=completed}) or to
 * another list of the same sort (one partner's keys and another's, {@code /regions} and {@code /regimes}) is refused
 * instead of silently starting the other list in the middle (Google AIP-158 asks the same of page tokens).
 */
final class ListQuery {

    private ListQuery() {}

    /** The digest of the current request's filters; null outside a request (a cursor built in a test, a start-up task). */
    static String digest() {
        RoutingContext routing = CurrentRouting.orNull();
        if (routing == null) {
            return null;
        }
        MultiMap params = routing.queryParams();
        String path = routing.normalizedPath();
        StringBuilder canonical =
                new StringBuilder().append(path.length()).append(':').append(path);
        for (String name : new TreeSet<>(params.names())) {
            if (name.equals("cursor") || name.equals("limit")) {
                continue;
            }
            for (String value : params.getAll(name)) {
                canonical.append(name.length()).append(':').append(name);
                canonical.append(value.length()).append(':').append(value);
            }
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Sha256.of(canonical.toString()))
                .substring(0, 12);
    }
}
