package com.dealradar.region.domain;

import com.dealradar.platform.persistence.SeededEntity;
import com.dealradar.platform.provenance.Source;
import com.dealradar.region.persistence.JsonColumn;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A country (ISO 3166-1 alpha-2) whose regulators DealRadar follows, or a union of countries such as the EU. */
@Entity
@Table(name = "region")
public class Region extends SeededEntity {

    /** The time zone of a region that names none. */
    public static final String UTC = "UTC";

    @Id
    @Column(length = 2)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RegionKind kind = RegionKind.country;

    /**
     * IANA time zone of the region's authorities (Asia/Shanghai for China): what "today" is for its regimes, matters
     * and certifications. A day at SAMR begins eight hours before it begins in UTC.
     */
    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone = UTC;

    /** Member countries over time; supranational regions only. */
    @Convert(converter = JsonColumn.Memberships.class)
    @Column(nullable = false)
    public List<Membership> members = List.of();

    @ElementCollection
    @CollectionTable(name = "region_source", joinColumns = @JoinColumn(name = "region_code"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    /** The countries treated as members on {@code day} (a transition after leaving included). */
    public Set<String> membersOn(LocalDate day) {
        Set<String> on = new TreeSet<>();
        members.stream().filter(m -> m.treatedAsMemberOn(day)).forEach(m -> on.add(m.country()));
        return on;
    }
}
