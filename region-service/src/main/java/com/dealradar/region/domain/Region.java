package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Source;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A country (ISO 3166-1 alpha-2) whose regulators DealRadar follows. */
@Entity
@Table(name = "region")
public class Region {

    @Id
    @Column(length = 2)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String description;

    @ElementCollection
    @CollectionTable(name = "region_source", joinColumns = @JoinColumn(name = "region_code"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
