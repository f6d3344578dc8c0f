package com.dealradar.gateway.security;

import com.dealradar.gateway.api.PublicPaths;
import com.dealradar.platform.security.BackendAccessRules;
import com.dealradar.platform.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may do what through the public API: viewers read, analysts also write companies, deals and
 * regulatory data, admins also manage partners and API keys. Callers are Keycloak users (bearer token) or
 * partners (X-API-Key, whose scopes map to viewer or analyst). Health, metrics, OpenAPI and Swagger UI
 * are outside /api/v1 and stay public. The checked caller gets its internal token for the backends here.
 */
public class GatewayAccessRules {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Pattern WEBHOOKS = Pattern.compile(PublicPaths.PREFIX + "/partners/[^/]+/webhooks(/|$)");

    private final CurrentIdentityAssociation identity;
    private final InternalTokenIssuer tokens;

    GatewayAccessRules(CurrentIdentityAssociation identity, InternalTokenIssuer tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> check(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PublicPaths.PREFIX) || request.getMethod().equals("OPTIONS")) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().map(caller -> {
            authorize(caller, request.getMethod(), path, routing);
            return null;
        });
    }

    /**
     * Checks that the caller may send {@code method} to {@code path} (under /api/v1), names the caller in the access
     * log and keeps whom the backend calls act for ({@link InternalCaller}) in the routing context. Throws {@link io.quarkus.security.UnauthorizedException}
     * or {@link io.quarkus.security.ForbiddenException} otherwise.
     */
    public InternalCaller authorize(SecurityIdentity caller, String method, String path, RoutingContext routing) {
        boolean read = READS.contains(method);
        BackendAccessRules.logActor(routing, caller);
        BackendAccessRules.requireRole(
                caller,
                requiredRole(method, path),
                read,
                "Sign in with Keycloak (Authorization: Bearer <token>) or send a partner key (X-API-Key)");
        InternalCaller internal = tokens.callerOf(caller);
        routing.put(InternalTokenIssuer.CONTEXT_KEY, internal);
        return internal;
    }

    /** The role a request needs. */
    static String requiredRole(String method, String path) {
        boolean read = READS.contains(method);
        // A partner manages its own webhooks with a write key (WebhookResource checks that it is its own); the rest of
        // /partners is for admins. Calendar subscriptions are a way to read: a read key may create and revoke its own.
        boolean webhooks = WEBHOOKS.matcher(path).lookingAt();
        boolean calendarSubscriptions = path.startsWith(PublicPaths.PREFIX + "/calendar-subscriptions");
        return !webhooks
                        && (path.startsWith(PublicPaths.PREFIX + "/partners")
                                || path.startsWith(PublicPaths.PREFIX + "/write-audit"))
                ? Roles.ADMIN
                : (read && !webhooks) || calendarSubscriptions ? Roles.VIEWER : Roles.ANALYST;
    }
}
