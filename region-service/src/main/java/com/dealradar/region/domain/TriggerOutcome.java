package com.dealradar.region.domain;

/** The answer of an assessment for one regime. Constants are the wire values. */
public enum TriggerOutcome {
    triggered,
    possibly_triggered,
    not_triggered
}
