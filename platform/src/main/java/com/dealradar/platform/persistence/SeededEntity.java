package com.dealradar.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * An editable resource whose first rows come from a service's seed data (reference data such as regions and regimes)
 * and which keeps track of them: which seed entry wrote the row last, and the row's version right after. A later
 * release's seed can then bring a corrected entry to databases seeded by an earlier one, but only to rows nobody has
 * changed through the API since ({@link SeedMarks.Mark#asSeeded()}); an analyst's edit is never overwritten.
 */
@MappedSuperclass
public abstract class SeededEntity extends AuditedEntity {

    /** SHA-256 (hex) of the seed entry the row was last written from; null for rows the API created. */
    @Column(name = "seed_digest", length = 64)
    public String seedDigest;

    /** The row's {@link #version} right after the seed wrote it: any later write moves the version past it. */
    @Column(name = "seed_version")
    public Long seedVersion;

    /**
     * Marks the row as written from the seed entry with {@code digest} by the flush that follows: an insert keeps the
     * version it starts with, an update of a {@code stored} row raises it by one.
     */
    public void markSeeded(String digest, boolean stored) {
        seedDigest = digest;
        seedVersion = stored ? version + 1 : version;
    }
}
