package com.dealradar.company.domain;

/**
 * Records a change of a company's or a link's representation that is a side effect of another resource's write: a
 * company embeds its parents and subsidiaries (each link and the other company's id, slug, name and country), and a
 * link embeds both of its companies. The domain bumps the version (so the ETag changes with the representation);
 * the HTTP layer, which owns the representation, writes the resource's {@code .updated} event in the same
 * transaction, so feed and webhook subscribers learn of it and the event's ETag is the resource's current one.
 */
public interface RepresentationChanges {

    /** Called inside the write's transaction, after the flush that gave {@code company} its new version. */
    void companyChanged(Company company);

    /** Called inside the write's transaction, after the flush that gave {@code link} its new version. */
    void linkChanged(OwnershipLink link);
}
