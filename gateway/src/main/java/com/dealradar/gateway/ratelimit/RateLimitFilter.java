package com.dealradar.gateway.ratelimit;

import com.dealradar.gateway.partner.SecurityAttributes;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limits every authenticated request under /api/v1 (pass-through, composites and the gateway's own
 * operations): API keys are counted per partner on the partner's plan (the bootstrap key on its own plan),
 * Keycloak users per user on the users' plan. Runs after the access rules (Priorities.AUTHORIZATION), so a
 * refused request is refused for what it is. Answers carry {@code RateLimit-Policy} and {@code RateLimit};
 * over the limit the answer is 429 with a problem body and {@code Retry-After}.
 */
public class RateLimitFilter {

    public static final int PRIORITY = Priorities.AUTHORIZATION + 100;
    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String LIMIT_HEADER = "RateLimit";
    private static final String PROPERTY = RateLimitFilter.class.getName();
    private static final String API = "/api/v1";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identity;

    RateLimitFilter(RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identity) {
        this.limiter = limiter;
        this.config = config;
        this.identity = identity;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Uni<Void> count(ContainerRequestContext request) {
        if (!applies(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().chain(this::decide).map(decision -> {
            if (decision != null) {
                request.setProperty(PROPERTY, decision);
                if (!decision.allowed()) {
                    throw exceeded(decision);
                }
            }
            return null;
        });
    }

    /** Whether requests to this path are counted at all. */
    public boolean applies(String path) {
        return config.enabled() && (path.equals(API) || path.startsWith(API + "/"));
    }

    /** Counts one request of the caller; a null item for an anonymous caller (refused anyway, not counted). */
    public Uni<Decision> decide(SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous()) {
            return Uni.createFrom().nullItem();
        }
        return limiter.hit(subject(caller), plan(caller));
    }

    /** The 429 for a request over its limit. */
    public static ProblemException exceeded(Decision decision) {
        return new ProblemException(
                ProblemType.RATE_LIMITED,
                "Rate limit of plan '" + decision.quota().name() + "' reached: "
                        + decision.quota().limit()
                        + " requests per "
                        + Math.max(1, decision.quota().window().toSeconds()) + " s; retry in "
                        + decision.resetSeconds() + " s",
                List.of(),
                Map.of(
                        "Retry-After",
                        Long.toString(decision.resetSeconds()),
                        POLICY_HEADER,
                        decision.policyHeader(),
                        LIMIT_HEADER,
                        decision.limitHeader()));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof Decision decision) {
            response.getHeaders().putSingle(POLICY_HEADER, decision.policyHeader());
            response.getHeaders().putSingle(LIMIT_HEADER, decision.limitHeader());
        }
    }

    /**
     * {@code partner:<id>} for partners' API keys (all keys of a partner share one budget, so a second key or a
     * rotation overlap does not double the plan), {@code key:bootstrap} for the bootstrap key, {@code user:<name>}
     * otherwise.
     */
    static String subject(SecurityIdentity caller) {
        Object keyId = caller.getAttribute(SecurityAttributes.KEY_ID);
        Object partner = caller.getAttribute(SecurityAttributes.PARTNER_ID);
        if (SecurityAttributes.API_KEY.equals(caller.getAttribute(SecurityAttributes.AUTH_METHOD)) && partner != null) {
            return "partner:" + partner;
        }
        if (SecurityAttributes.API_KEY.equals(caller.getAttribute(SecurityAttributes.AUTH_METHOD)) && keyId != null) {
            return "key:" + keyId;
        }
        return "user:" + caller.getPrincipal().getName();
    }

    private String plan(SecurityIdentity caller) {
        Object plan = caller.getAttribute(SecurityAttributes.PLAN);
        if (SecurityAttributes.API_KEY.equals(caller.getAttribute(SecurityAttributes.AUTH_METHOD)) && plan != null) {
            return plan.toString();
        }
        return config.usersPlan();
    }
}
