package com.dealradar.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One successful write and who made it (see {@link WriteAudit}). */
@Entity
@Table(name = "write_audit")
public class WriteAuditEntry {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** {@code user:<subject>} or {@code partner:<id> key:<key id>}, as in the access log. */
    @Column(name = "actor", nullable = false, length = 300)
    public String actor;

    @Column(name = "actor_kind", nullable = false, length = 20)
    public String actorKind;

    /** The user's subject or the partner's id. */
    @Column(name = "actor_id", nullable = false, length = 200)
    public String actorId;

    @Column(name = "key_id", length = 100)
    public String keyId;

    @Column(name = "method", nullable = false, length = 10)
    public String method;

    /** The path of the resource written (a created resource's own path). */
    @Column(name = "resource", nullable = false, length = 1000)
    public String resource;

    @Column(name = "status", nullable = false)
    public int status;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
