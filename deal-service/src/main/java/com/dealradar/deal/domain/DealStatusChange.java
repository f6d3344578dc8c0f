package com.dealradar.deal.domain;

import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.provenance.Source;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a deal's status history. Entries are never changed; {@code sequence} orders them. */
@Entity
@Table(name = "deal_status_change")
public class DealStatusChange {

    @Id
    public UUID id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    /** 1 for the status the deal was created with, then one more per change. */
    @Column(nullable = false)
    public int sequence;

    /** null for the first entry (the status the deal was created in) */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    public DealStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    public DealStatus toStatus;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "effective_precision", length = 5)
    public Precision effectivePrecision;

    @Column(length = 2000)
    public String note;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "kind", column = @Column(name = "source_kind", length = 30)),
        @AttributeOverride(name = "publisher", column = @Column(name = "source_publisher", length = 200)),
        @AttributeOverride(name = "title", column = @Column(name = "source_title", length = 500)),
        @AttributeOverride(name = "url", column = @Column(name = "source_url", length = 2000)),
        @AttributeOverride(name = "publishedOn", column = @Column(name = "source_published_on")),
        @AttributeOverride(name = "note", column = @Column(name = "source_note", length = 1000)),
        @AttributeOverride(name = "author", column = @Column(name = "source_author", length = 200)),
        @AttributeOverride(
                name = "publishedPrecision",
                column = @Column(name = "source_published_precision", length = 5)),
        @AttributeOverride(name = "inferred", column = @Column(name = "source_inferred", length = 100)),
        @AttributeOverride(name = "notStated", column = @Column(name = "source_not_stated", length = 100))
    })
    public Source source;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
