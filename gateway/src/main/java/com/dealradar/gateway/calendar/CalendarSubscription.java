package com.dealradar.gateway.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscription to the deadline calendar: a token (only its SHA-256 kept) that reads the calendar as its owner, with
 * the viewer role only and only with the filters fixed at creation. Owned by a partner (all of its keys) or by one
 * Keycloak user.
 */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription {

    public static final String PARTNER = "partner";
    public static final String USER = "user";

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 16)
    public String prefix;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(length = 200)
    public String name;

    /** {@link #PARTNER} or {@link #USER}. */
    @Column(name = "owner_kind", nullable = false, length = 10)
    public String ownerKind;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** The key that created it (for the audit; the subscription belongs to the partner, not to the key). */
    @Column(name = "created_key_id")
    public UUID createdKeyId;

    /** The Keycloak subject of a user owner. */
    @Column(name = "user_subject", length = 200)
    public String userSubject;

    /** The user's principal name when it subscribed: what the rate limiter counts the user's requests under. */
    @Column(name = "user_name", length = 200)
    public String userName;

    @Column(name = "region_code", length = 2)
    public String regionCode;

    @Column(name = "deal_id")
    public UUID dealId;

    @Column(name = "company_id")
    public UUID companyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by", length = 200)
    public String revokedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public CalendarFilters filters() {
        return new CalendarFilters(regionCode, dealId, companyId);
    }

    /** The owner as the rate limiter and the access log name it. */
    public String owner() {
        return PARTNER.equals(ownerKind) ? "partner:" + partnerId : "user:" + userSubject;
    }
}
