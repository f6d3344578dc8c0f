package com.dealradar.gateway.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One API key of a partner. Only the SHA-256 of the key is kept ({@link #secretHash}); the secret itself is
 * shown once, in the answer that issued it. {@link #prefix} is the public part that identifies the key
 * ({@code drk_<prefix>_<secret>}) in lists, logs and the audit trail.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false, unique = true, length = 16)
    public String prefix;

    /** Lower-case hex SHA-256 of the whole key string. */
    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;

    @Column(length = 200)
    public String name;

    /** {@link ApiKeyScope}s, comma-separated. */
    @Column(nullable = false, length = 40)
    public String scopes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    /** The key is refused from this instant on; null: it does not expire. Rotation sets it to the end of the overlap. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by", length = 200)
    public String revokedBy;

    /** The key this one was issued to replace (by a rotation). */
    @Column(name = "replaces_id")
    public UUID replacesId;

    /** The key that replaced this one (by a rotation). */
    @Column(name = "replaced_by_id")
    public UUID replacedById;

    /**
     * When the key last authenticated a request, at most {@code dealradar.api-keys.last-used-interval} out of
     * date. Written without a version bump, so it is not covered by the ETag.
     */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public Set<ApiKeyScope> scopeSet() {
        return ApiKeyScope.parse(scopes);
    }

    public ApiKeyStatus status(Instant now) {
        if (revokedAt != null) {
            return ApiKeyStatus.revoked;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return ApiKeyStatus.expired;
        }
        return replacedById != null ? ApiKeyStatus.rotating : ApiKeyStatus.active;
    }
}
