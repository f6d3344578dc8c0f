package com.dealradar.gateway.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One action on partners and their keys: who did what, when. Never holds a secret. */
@Entity
@Table(name = "api_key_audit")
public class ApiKeyAuditEntry {

    // The actions recorded (the contract lists them: ApiKeyAuditEntry.action).
    public static final String PARTNER_CREATED = "partner.created";
    public static final String PARTNER_UPDATED = "partner.updated";
    public static final String KEY_ISSUED = "key.issued";
    public static final String KEY_ROTATED = "key.rotated";
    public static final String KEY_REVOKED = "key.revoked";
    public static final String WEBHOOK_DISABLED = "webhook_disabled";

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Principal name of the admin: a Keycloak user or {@code bootstrap-admin}. */
    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "key_id")
    public UUID keyId;

    @Column(name = "key_prefix", length = 16)
    public String keyPrefix;

    @Column(length = 1000)
    public String detail;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
