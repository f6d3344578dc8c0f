package com.dealradar.region.domain;

/** Whose sectors a trigger rule looks at. Constants are the wire values. */
public enum SectorScope {
    target,
    foreign_party,
    any_party
}
