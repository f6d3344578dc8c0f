package com.dealradar.gateway.calendar;

import com.dealradar.gateway.client.KeycloakAccounts;
import com.dealradar.gateway.partner.ApiKeys;
import com.dealradar.gateway.partner.SecurityAttributes;
import com.dealradar.platform.http.EntityTags;
import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.paging.NewestFirst;
import com.dealradar.platform.persistence.AdvisoryLocks;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import com.dealradar.platform.security.Actor;
import com.dealradar.platform.security.Roles;
import com.dealradar.platform.time.Clocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Calendar subscriptions: issue (the token shown once), list, revoke, and the check of a presented token.
 *
 * <p>A token reads as its owner, never as more: the identity it yields has the viewer role only (even when the
 * creating key could write), counts against the owner's rate limit (the partner's plan, or the user's), and the
 * calendar operation applies the subscription's own filters. A partner's subscription stops working when it is
 * revoked or the partner no longer exists; it survives a rotation of the key that created it, because it belongs to
 * the partner (whose admins and keys can list and revoke it), not to the key. A user's stops working while the user
 * may not read: disabled, deleted or without the viewer role in Keycloak ({@link KeycloakAccounts}).
 */
@ApplicationScoped
public class CalendarSubscriptions {

    /** Token marker: {@code drc_<prefix>_<secret>}, the same shape and strength as an API key. */
    public static final String MARKER = "drc_";
    /** SecurityIdentity attribute holding the {@link CalendarFilters} of the subscription that authenticated. */
    public static final String FILTERS_ATTRIBUTE = "dealradar.calendar-filters";
    /** Key-id attribute of a subscription's identity: {@code calendar:<subscription id>} (access log, internal token). */
    static final String KEY_ID_PREFIX = "calendar:";

    private static final Logger LOG = Logger.getLogger(CalendarSubscriptions.class);
    private static final NewestFirst NEWEST_FIRST = new NewestFirst("s.createdAt", "s.id");
    /** The subscriptions of one owner: {@code :kind} with its {@code :partner} or its {@code :subject}. */
    private static final String OWNED_BY =
            "s.ownerKind = :kind and (s.partnerId = :partner or s.userSubject = :subject)";

    private static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);

    private final EntityManager em;
    private final InstantSource clock;
    private final CalendarConfig config;
    private final KeycloakAccounts accounts;

    CalendarSubscriptions(EntityManager em, InstantSource clock, CalendarConfig config, KeycloakAccounts accounts) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.accounts = accounts;
    }

    /** A new subscription and its token (the only copy). */
    public record Issued(CalendarSubscription subscription, String token) {
        @Override
        public String toString() {
            return "Issued[" + subscription.id + ", " + MARKER + subscription.prefix + "_***]";
        }
    }

    /** Creates a subscription of {@code caller}'s and answers, in the creating transaction, with {@code answer}. */
    @Transactional
    public <R> R create(SecurityIdentity caller, String name, CalendarFilters filters, Function<Issued, R> answer) {
        CalendarSubscription sub = new CalendarSubscription();
        if (SecurityAttributes.API_KEY.equals(caller.getAttribute(SecurityAttributes.AUTH_METHOD))) {
            Object partner = caller.getAttribute(SecurityAttributes.PARTNER_ID);
            if (partner == null) {
                throw new ProblemException(
                        ProblemType.FORBIDDEN,
                        "The bootstrap key cannot own a calendar subscription: use a partner's key or sign in as a user");
            }
            sub.ownerKind = CalendarSubscription.PARTNER;
            sub.partnerId = UUID.fromString(partner.toString());
            Object key = caller.getAttribute(SecurityAttributes.KEY_ID);
            sub.createdKeyId = key == null ? null : UUID.fromString(key.toString());
        } else if (caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            sub.ownerKind = CalendarSubscription.USER;
            sub.userSubject = jwt.getSubject();
            sub.userName = caller.getPrincipal().getName();
        } else {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "Only partners (X-API-Key) and signed-in users can subscribe");
        }
        requireRoomFor(sub);
        ApiKeys.Generated token = ApiKeys.generate(MARKER);
        Instant now = Clocks.storedNow(clock);
        sub.id = UUID.randomUUID();
        sub.prefix = token.prefix();
        sub.tokenHash = ApiKeys.hash(token.key());
        sub.name = name;
        sub.regionCode = filters.region();
        sub.dealId = filters.deal();
        sub.companyId = filters.company();
        sub.createdAt = now;
        sub.createdBy = sub.owner();
        em.persist(sub);
        em.flush();
        LOG.infof("Calendar subscription %s (%s%s_***) created by %s", sub.id, MARKER, sub.prefix, sub.createdBy);
        return answer.apply(new Issued(sub, token.key()));
    }

    /**
     * 409 when {@code sub}'s owner already holds as many live subscriptions as it may. Creates of one owner are
     * counted one at a time (an advisory lock on the owner until the transaction ends), so a burst of concurrent
     * creates cannot all pass the count.
     */
    private void requireRoomFor(CalendarSubscription sub) {
        AdvisoryLocks.holdForTransaction(em, "calendar subscriptions of " + sub.owner());
        long live = em.createQuery(
                        "select count(s) from CalendarSubscription s where " + OWNED_BY + " and s.revokedAt is null",
                        Long.class)
                .setParameter("kind", sub.ownerKind)
                .setParameter("partner", sub.partnerId)
                .setParameter("subject", sub.userSubject)
                .getSingleResult();
        if (live >= config.maxSubscriptionsPerOwner()) {
            throw ProblemException.conflict("The owner already holds " + live + " live calendar subscriptions, the most"
                    + " allowed (" + config.maxSubscriptionsPerOwner() + "): revoke one before subscribing again");
        }
    }

    /** The sort of the subscriptions' pages: newest first (then by id). */
    static final String SORT = "-createdAt";

    /**
     * The caller's subscriptions (every subscription for an admin), newest first, revoked ones included, after the
     * cursor's (createdAt, id), at most {@code limit}.
     */
    @Transactional
    public List<CalendarSubscription> visibleTo(SecurityIdentity caller, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Owner owner = caller.hasRole(Roles.ADMIN) ? null : owner(caller);
        if (owner != null) {
            where.add(OWNED_BY);
        }
        if (after != null) {
            where.add(NEWEST_FIRST.after());
        }
        var query = em.createQuery(
                        "select s from CalendarSubscription s"
                                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                                + NEWEST_FIRST.orderBy(),
                        CalendarSubscription.class)
                .setMaxResults(limit);
        if (owner != null) {
            query.setParameter("kind", owner.kind)
                    .setParameter("partner", owner.partner)
                    .setParameter("subject", owner.subject);
        }
        return NewestFirst.bind(query, after).getResultList();
    }

    static List<String> cursorKeys(CalendarSubscription sub) {
        return List.of(sub.createdAt.toString(), sub.id.toString());
    }

    /** One subscription the caller may see; 404 for any other (its existence is not disclosed). */
    @Transactional
    public CalendarSubscription get(SecurityIdentity caller, UUID id) {
        CalendarSubscription sub = em.find(CalendarSubscription.class, id);
        if (sub == null || !(caller.hasRole(Roles.ADMIN) || owner(caller).owns(sub))) {
            throw ProblemException.notFound("Calendar subscription", id);
        }
        return sub;
    }

    /**
     * Revokes it (idempotent on an already revoked one) and answers with {@code answer} in the revoking transaction;
     * If-Match is checked against its version.
     */
    @Transactional
    public <R> R revoke(SecurityIdentity caller, UUID id, String ifMatch, Function<CalendarSubscription, R> answer) {
        CalendarSubscription sub = get(caller, id);
        EntityTags.requireMatch(ifMatch, sub.version);
        if (sub.revokedAt == null) {
            sub.revokedAt = Clocks.storedNow(clock);
            sub.revokedBy = Actor.of(caller).toString();
            em.flush();
            LOG.infof("Calendar subscription %s (%s%s_***) revoked by %s", sub.id, MARKER, sub.prefix, sub.revokedBy);
        }
        return answer.apply(sub);
    }

    /**
     * The identity a presented token stands for; {@link AuthenticationFailedException} (a 401 problem) for any token
     * that is not valid now. The subscription itself is read every time (calendar clients poll a few times an hour),
     * so a revocation takes effect on every replica at once; a user owner's account is Keycloak's answer, trusted for
     * a minute ({@link KeycloakAccounts}).
     */
    public SecurityIdentity verify(String presented) {
        String prefix = ApiKeys.prefixOf(MARKER, presented);
        if (prefix == null) {
            throw new AuthenticationFailedException("Not a calendar subscription token");
        }
        List<Object[]> rows = QuarkusTransaction.joiningExisting()
                .call(() -> em.createQuery(
                                "select s, p.plan from CalendarSubscription s left join Partner p on p.id = s.partnerId where s.prefix = :prefix",
                                Object[].class)
                        .setParameter("prefix", prefix)
                        .getResultList());
        if (rows.isEmpty() || !ApiKeys.matches(presented, ((CalendarSubscription) rows.getFirst()[0]).tokenHash)) {
            throw new AuthenticationFailedException("Unknown calendar subscription token");
        }
        CalendarSubscription sub = (CalendarSubscription) rows.getFirst()[0];
        Object plan = rows.getFirst()[1];
        if (sub.revokedAt != null) {
            LOG.debugf("Revoked calendar token %s%s_... refused", MARKER, prefix);
            throw new AuthenticationFailedException("Calendar subscription revoked");
        }
        if (CalendarSubscription.PARTNER.equals(sub.ownerKind) && plan == null) {
            throw new AuthenticationFailedException("The subscription's partner no longer exists");
        }
        if (CalendarSubscription.PARTNER.equals(sub.ownerKind) && !holdsAKeyInForce(sub.partnerId)) {
            LOG.debugf("Calendar token %s%s_... refused: its partner holds no key in force", MARKER, prefix);
            throw new AuthenticationFailedException("The subscription's partner holds no key in force");
        }
        // A user's, as long as the user could sign in and read: the account enabled, the viewer role held (Keycloak's
        // answer, at most a minute old). Before, it went on working after the user was disabled or deleted.
        if (CalendarSubscription.USER.equals(sub.ownerKind) && !accounts.mayRead(sub.userSubject)) {
            LOG.debugf("Calendar token %s%s_... refused: its user may no longer read", MARKER, prefix);
            throw new AuthenticationFailedException("The subscription's user may no longer read");
        }
        touch(sub);
        var identity = QuarkusSecurityIdentity.builder()
                .addRole(Roles.VIEWER)
                .addAttribute(FILTERS_ATTRIBUTE, sub.filters())
                .addAttribute(SecurityAttributes.KEY_ID, KEY_ID_PREFIX + sub.id);
        if (CalendarSubscription.PARTNER.equals(sub.ownerKind)) {
            // Counted and logged like the partner's API keys: same rate-limit budget, same plan.
            identity.setPrincipal(new QuarkusPrincipal("partner:" + sub.partnerId))
                    .addAttribute(SecurityAttributes.AUTH_METHOD, SecurityAttributes.API_KEY)
                    .addAttribute(SecurityAttributes.PARTNER_ID, sub.partnerId.toString())
                    .addAttribute(SecurityAttributes.PLAN, plan.toString());
        } else {
            // The user's principal name is what the rate limiter counts a signed-in user under.
            identity.setPrincipal(new QuarkusPrincipal(sub.userName));
        }
        return identity.build();
    }

    /**
     * A partner's subscription reads as long as the partner could read with a key: one not revoked and not expired.
     * The token is the partner's access in another form, so revoking or letting lapse the partner's last key ends it too
     * (a rotation does not: the new key is in force); before, a token went on working for ever.
     */
    private boolean holdsAKeyInForce(UUID partner) {
        Instant now = clock.instant();
        return QuarkusTransaction.joiningExisting()
                        .call(() -> em.createQuery(
                                        "select count(k) from ApiKey k where k.partnerId = :partner and k.revokedAt is null"
                                                + " and (k.expiresAt is null or k.expiresAt > :now)",
                                        Long.class)
                                .setParameter("partner", partner)
                                .setParameter("now", now)
                                .getSingleResult())
                > 0;
    }

    private void touch(CalendarSubscription sub) {
        Instant now = Clocks.storedNow(clock);
        if (sub.lastUsedAt != null && now.isBefore(sub.lastUsedAt.plus(LAST_USED_INTERVAL))) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("update CalendarSubscription s set s.lastUsedAt = :now where s.id = :id")
                            .setParameter("now", now)
                            .setParameter("id", sub.id)
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the use of calendar subscription %s: %s", sub.id, e.getMessage());
        }
    }

    private static Owner owner(SecurityIdentity caller) {
        Object partner = caller.getAttribute(SecurityAttributes.PARTNER_ID);
        if (SecurityAttributes.API_KEY.equals(caller.getAttribute(SecurityAttributes.AUTH_METHOD)) && partner != null) {
            return new Owner(CalendarSubscription.PARTNER, UUID.fromString(partner.toString()), null);
        }
        if (caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return new Owner(CalendarSubscription.USER, null, jwt.getSubject());
        }
        return new Owner("none", null, null);
    }

    private record Owner(String kind, UUID partner, String subject) {
        boolean owns(CalendarSubscription sub) {
            return kind.equals(sub.ownerKind)
                    && (partner != null
                            ? partner.equals(sub.partnerId)
                            : subject != null && subject.equals(sub.userSubject));
        }
    }
}
