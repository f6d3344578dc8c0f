package com.dealradar.deal.domain;

/** How sure we are that the deal is as described. Constants are the wire values. */
public enum Confidence {
    /** speculation, unnamed sources */
    rumored,
    /** reported by a credible publication, not confirmed by the parties */
    reported,
    /** confirmed by at least one party or an official record */
    confirmed
}
