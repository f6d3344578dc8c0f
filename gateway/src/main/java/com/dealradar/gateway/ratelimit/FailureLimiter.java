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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Slows credential guessing: every 401 and 403 under /api/v1 counts against the client's source address and,
 * when an X-API-Key was sent, against that key's prefix (so guessing one key's secret from many addresses is
 * slowed too). A client over either budget gets 429 with Retry-After before its credentials are even checked.
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

    FailureLimiter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
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
        for (String key : counters(routing).keySet()) {
            Blocked blocked = this.blocked.getIfPresent(key);
            if (blocked != null && blocked.until > now) {
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
        for (Map.Entry<String, Quota> counter : counters(routing).entrySet()) {
            hits.add(limiter.hit(counter.getKey(), counter.getValue())
                    .invoke(decision -> {
                        if (decision.count() >= decision.quota().limit()) {
                            blocked.put(
                                    counter.getKey(),
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

    private record Blocked(long until, Quota quota) {}

    private Map<String, Quota> counters(RoutingContext routing) {
        RateLimitConfig.Failures failures = config.failures();
        Map<String, Quota> counters = new LinkedHashMap<>();
        String address = routing.request().remoteAddress() == null
                ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        counters.put(
                "refused:address:" + address,
                new Quota("refused-per-address", failures.perAddress(), failures.window()));
        List<String> keys = routing.request().headers().getAll(ApiKeyAuthenticationMechanism.HEADER);
        for (String key : keys) {
            String prefix = ApiKeys.prefixOf(key.strip());
            if (prefix != null) {
                counters.put(
                        "refused:key:" + prefix,
                        new Quota("refused-per-key", failures.perKeyPrefix(), failures.window()));
            }
        }
        return counters;
    }
}
