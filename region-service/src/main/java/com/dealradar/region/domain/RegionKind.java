package com.dealradar.region.domain;

/** A country, or a union of countries (the EU) whose members are dated data. Constants are the wire values. */
public enum RegionKind {
    country,
    supranational
}
