package com.dealradar.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in this service's transactional outbox for the gateway's relay (see {@link Outbox}). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    /** {@code <resource type>.<what happened>}, e.g. {@code deal.status_changed}. */
    @Column(name = "type", nullable = false, length = 100)
    public String type;

    /** {@code company}, {@code ownership_link}, {@code deal}, {@code regulatory_matter}, {@code certification}. */
    @Column(name = "resource_type", nullable = false, length = 60)
    public String resourceType;

    @Column(name = "resource_id", nullable = false, length = 100)
    public String resourceId;

    /** The resource's path below /api/v1, e.g. {@code /deals/<id>}. */
    @Column(name = "resource_path", nullable = false, length = 1000)
    public String resourcePath;

    /** The resource's new ETag; null after a delete. */
    @Column(name = "etag", length = 200)
    public String etag;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The resource as it now is (JSON), or what the event is about (deadline events); null after a delete. */
    @Column(name = "data")
    public String data;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
