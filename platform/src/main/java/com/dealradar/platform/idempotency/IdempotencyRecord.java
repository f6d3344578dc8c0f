package com.dealradar.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer to a POST carrying an Idempotency-Key, kept so that a retry gets the same answer. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    /** {@code METHOD path key}: a key is scoped to the operation it was first used with. */
    @Id
    @Column(name = "scoped_key", length = 600)
    public String scopedKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "completed", nullable = false)
    public boolean completed;

    @Column(name = "status")
    public Integer status;

    @Column(name = "location", length = 1000)
    public String location;

    @Column(name = "etag", length = 200)
    public String etag;

    @Column(name = "body")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Until when the claiming request may still commit (its caller's deadline and a margin), after which a retry may
     * take an unfinished claim over; null when the request had no deadline ({@link Idempotency#ABANDONED_AFTER}).
     */
    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;
}
