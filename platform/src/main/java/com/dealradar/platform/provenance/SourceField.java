package com.dealradar.platform.provenance;

/** The parts of a {@link Source} that can be marked inferred or not stated. Constants are the wire values. */
public enum SourceField {
    publisher,
    author,
    title,
    url,
    publishedOn
}
