package com.dealradar.gateway.partner;

import com.dealradar.platform.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A company that integrates machine-to-machine with API keys; its plan decides its rate limit. */
@Entity
@Table(name = "partner")
public class Partner extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    /** Lower-cased name: the sort key of the partner list. */
    @Column(name = "sort_name", nullable = false, length = 200)
    public String sortName;

    @Column(name = "contact_name", length = 200)
    public String contactName;

    @Column(name = "contact_email", nullable = false, length = 320)
    public String contactEmail;

    /** Name of a rate-limit plan ({@code dealradar.rate-limit.plans.<plan>}). */
    @Column(nullable = false, length = 40)
    public String plan;
}
