package com.dealradar.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The backends' rule, written once: no caller, no answer (401); reads need viewer, writes analyst (403); the event
 * relay's token ({@link Roles#EVENT_RELAY}) reaches the outbox only.
 * Authentication is lazy (quarkus.http.auth.proactive=false) so that a bad token surfaces here, as a
 * problem, instead of as a bare 401 from the HTTP layer.
 */
public class BackendAccessRules {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** The outbox the event relay reads ({@code OutboxResource}). */
    public static final String OUTBOX_PATH = "/internal/outbox";

    private final AccessConfig config;
    /** Absent in a service without a security extension; such a service must not enable backend rules. */
    private final Instance<CurrentIdentityAssociation> identity;

    BackendAccessRules(AccessConfig config, Instance<CurrentIdentityAssociation> identity) {
        this.config = config;
        this.identity = identity;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> check(ContainerRequestContext request, RoutingContext routing) {
        if (!config.backendRules()) {
            return Uni.createFrom().voidItem();
        }
        boolean read = READS.contains(request.getMethod());
        if (!identity.isResolvable()) {
            throw new IllegalStateException(
                    "dealradar.access.backend-rules needs a security extension (quarkus-smallrye-jwt)");
        }
        return identity.get().getDeferredIdentity().map(caller -> {
            logActor(routing, caller);
            if (caller.hasRole(Roles.EVENT_RELAY)) {
                // The relay's token opens the outbox (whose resource checks the role again) and nothing else.
                if (!routing.normalizedPath().startsWith(OUTBOX_PATH)) {
                    throw new ForbiddenException("The event relay's token reads the outbox only");
                }
                return null;
            }
            requireRole(
                    caller,
                    read ? Roles.VIEWER : Roles.ANALYST,
                    read,
                    "Send a bearer token issued by the DealRadar gateway");
            return null;
        });
    }

    /** Names the caller in this request's access-log line ({@code actor=...}). */
    public static void logActor(RoutingContext routing, SecurityIdentity caller) {
        Actor actor = Actor.of(caller);
        if (actor != null && routing != null) {
            routing.put(Actor.LOG_KEY, actor.toString().replace(' ', '/'));
        }
    }

    public static void requireRole(SecurityIdentity caller, String role, boolean read, String howToAuthenticate) {
        if (caller == null || caller.isAnonymous()) {
            throw new UnauthorizedException(howToAuthenticate);
        }
        if (!caller.hasRole(role)) {
            throw new ForbiddenException((read ? "Reading" : "Changing") + " needs the " + role + " role");
        }
    }
}
