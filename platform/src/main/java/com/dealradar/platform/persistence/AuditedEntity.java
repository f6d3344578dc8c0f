package com.dealradar.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns every editable resource of every service has: when it was created and last changed, and the
 * optimistic-lock version its ETag is made of. Each service still declares its own table (and its own
 * {@code *_source} citation table of {@link com.dealradar.platform.provenance.Source} rows: a service owns its tables,
 * and the collection table's name is part of each entity's mapping); the column names here are the ones every
 * migration uses.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
