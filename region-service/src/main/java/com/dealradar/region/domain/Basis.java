package com.dealradar.region.domain;

/** Whether a fact is stated in a cited source or inferred (by an analyst or from general knowledge). Constants are the wire values. */
public enum Basis {
    stated_in_source,
    inferred
}
