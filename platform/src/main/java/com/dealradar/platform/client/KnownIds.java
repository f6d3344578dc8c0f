package com.dealradar.platform.client;

import com.dealradar.platform.http.QueryParams;
import com.dealradar.platform.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Which of some ids another service knows, asked through its look-up by ids ({@code GET /companies?ids=...},
 * {@code GET /deals?ids=...}; at most {@link #BATCH} a call). A reference nobody confirmed is never written: when the
 * other service cannot answer, the caller gets a 503 problem with Retry-After and nothing is written.
 */
public final class KnownIds {

    private static final Logger LOG = Logger.getLogger(KnownIds.class);

    /** The most ids one look-up takes (the services' {@code ids} filter; also their largest page). */
    public static final int BATCH = QueryParams.MAX_IDS;

    /** One call of a look-up by ids ({@code ?ids=a,b,c&limit=n}). */
    @FunctionalInterface
    public interface Lookup {
        Page byIds(String commaSeparatedIds, int limit);
    }

    /** The part of a list page a look-up by ids reads: the ids of its items. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Item> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(UUID id) {}

    private KnownIds() {}

    /**
     * The ids among {@code ids} that {@code service} does not know, in the order given; {@code purpose} ends the 503's
     * detail ("to check the participants").
     */
    public static Set<UUID> unknown(
            Collection<UUID> ids, Lookup lookup, String service, String purpose, Duration retryAfter) {
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Set<UUID> unknown = new LinkedHashSet<>(distinct);
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<UUID> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            Page page;
            try {
                page = lookup.byIds(batch.stream().map(UUID::toString).collect(Collectors.joining(",")), BATCH);
            } catch (RuntimeException e) {
                LOG.warnf("%s could not be asked about %s: %s", service, batch, e.toString());
                throw ProblemException.unavailable(
                        service + " cannot be reached " + purpose + "; nothing was written, retry later", retryAfter);
            }
            if (page == null || page.items() == null) {
                throw ProblemException.unavailable(
                        service + " gave an unreadable answer; nothing was written, retry later", retryAfter);
            }
            page.items().forEach(item -> unknown.remove(item.id()));
        }
        return unknown;
    }
}
