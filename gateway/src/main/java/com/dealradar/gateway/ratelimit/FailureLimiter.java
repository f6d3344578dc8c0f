package com.dealradar.gateway.ratelimit;

import com.dealradar.gateway.partner.ApiKeyAuthenticationMechanism;
import com.dealradar.gateway.partner.ApiKeys;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Slows credential guessing: every 401 and 403 under /api/v1 counts against the client's source address and,
 * when an X-API-Key was sent, against that key's prefix (so guessing one key's secret from many addresses is
 * slowed too). A client over its address budget gets 429 with Retry-After before its credentials are even checked.
 * A key prefix over its budget stops, the same way, the addresses that were refused with that prefix in the window;
 * an address that was not is still checked, so that whoever knows a partner's key prefix (it is not secret: key
 * lists, the audit trail, logs) cannot lock the partner's genuine key out by failing with it from elsewhere. Guessing
 * from many addresses is still held to one attempt per address and replica once the prefix is over its budget.
 * The counters are shared by the replicas (Redis); each replica remembers which clients its own counting found
 * over budget, so that a client is stopped on a replica at most one refusal after the shared count is reached.
 * The source address is the connection's peer, or the forwarded client address when the proxy in front is
 * trusted ({@code quarkus.http.proxy.*}). Counted like the rate limits: in Redis, shared by every replica.
 */
public class FailureLimiter {

    private static final Logger LOG = Logger.getLogger(FailureLimiter.class);
    private static final String API = "/api/v1";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    /**
     * Clients over a budget, until their window ends. Learnt from the shared counters each time this replica counts
     * a refusal, so the check itself costs no Redis call on the path of every request.
     */
    private final Cache<String, Blocked> blocked = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    /**
     * Key prefixes refused from an address (as {@code prefix@address}), for the window after the latest such refusal:
     * where a prefix over its budget stops requests before their key is checked.
     */
    private final Cache<String, Boolean> refusedHere;

    FailureLimiter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
        this.refusedHere = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(config.failures().window())
                .build();
    }

    /**
     * Before the request is matched to a resource: the gateway's own resources check their callers' roles
     * ({@code @RolesAllowed}, authenticating lazily) right after matching, before any ordinary filter, so a check
     * there came after the credentials had been tried, and a client over its budget could go on guessing keys on
     * them. The pass-through route checks for itself ({@code PassThrough}).
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void check(ContainerRequestContext request, RoutingContext routing) {
        if (applies(request.getUriInfo().getPath())) {
            Optional<ProblemException> blocked = blocked(routing);
            if (blocked.isPresent()) {
                throw blocked.get();
            }
        }
    }

    /** Counts a refusal before it is sent (so the client's next request already sees the count). */
    @ServerResponseFilter
    public Uni<Void> count(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        int status = response.getStatus();
        if ((status != 401 && status != 403) || !applies(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return countRefusal(routing);
    }

    /** The 429 for a client over one of its budgets of refusals, if it is. */
    public Optional<ProblemException> blocked(RoutingContext routing) {
        long now = System.currentTimeMillis();
        for (Counter counter : counters(routing)) {
            Blocked blocked = this.blocked.getIfPresent(counter.key());
            if (blocked != null && blocked.until > now && refusedFromHere(counter)) {
                long retryAfter = Math.max(1, (blocked.until - now + 999) / 1000);
                return Optional.of(new ProblemException(
                        ProblemType.RATE_LIMITED,
                        "Too many refused requests from this client (" + blocked.quota.limit() + " per "
                                + Math.max(1, blocked.quota.window().toSeconds()) + " s; retry in " + retryAfter
                                + " s",
                        List.of(),
                        Map.of("Retry-After", Long.toString(retryAfter))));
            }
        }
        return Optional.empty();
    }

    /** Counts one refused request (401 or 403) against the client's budgets; never fails. */
    public Uni<Void> countRefusal(RoutingContext routing) {
        List<Uni<Void>> hits = new ArrayList<>();
        for (Counter counter : counters(routing)) {
            if (counter.refusedHereKey() != null) {
                refusedHere.put(counter.refusedHereKey(), Boolean.TRUE);
            }
            hits.add(limiter.hit(counter.key(), counter.quota())
                    .invoke(decision -> {
                        if (decision.count() >= decision.quota().limit()) {
                            blocked.put(
                                    counter.key(),
                                    new Blocked(System.currentTimeMillis() + decision.resetMillis(), decision.quota()));
                        }
                    })
                    .onFailure()
                    .invoke(failure -> LOG.debugf("Could not count a refused request: %s", failure.getMessage()))
                    .onFailure()
                    .recoverWithNull()
                    .replaceWithVoid());
        }
        return Uni.join().all(hits).andCollectFailures().replaceWithVoid();
    }

    /** Whether refusals of requests to this path are counted (and limited). */
    public boolean applies(String path) {
        return config.enabled() && config.failures().enabled() && (path.equals(API) || path.startsWith(API + "/"));
    }

    /** Whether this counter stops this client: always for its address, for a key prefix only where it failed. */
    private boolean refusedFromHere(Counter counter) {
        return counter.refusedHereKey() == null || refusedHere.getIfPresent(counter.refusedHereKey()) != null;
    }

    private record Blocked(long until, Quota quota) {}

    /**
     * One budget a request counts against; {@code refusedHereKey} (key prefixes only) names the prefix and the
     * address together, remembered when a refusal is counted so that the prefix's lockout applies there only.
     */
    private record Counter(String key, Quota quota, String refusedHereKey) {}

    private List<Counter> counters(RoutingContext routing) {
        RateLimitConfig.Failures failures = config.failures();
        List<Counter> counters = new ArrayList<>(2);
        String address = routing.request().remoteAddress() == null
                ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        counters.add(new Counter(
                "refused:address:" + address,
                new Quota("refused-per-address", failures.perAddress(), failures.window()),
                null));
        List<String> keys = routing.request().headers().getAll(ApiKeyAuthenticationMechanism.HEADER);
        for (String key : new LinkedHashSet<>(keys)) {
            String prefix = ApiKeys.prefixOf(key.strip());
            if (prefix != null) {
                counters.add(new Counter(
                        "refused:key:" + prefix,
                        new Quota("refused-per-key", failures.perKeyPrefix(), failures.window()),
                        prefix + "@" + address));
            }
        }
        return counters;
    }
}
