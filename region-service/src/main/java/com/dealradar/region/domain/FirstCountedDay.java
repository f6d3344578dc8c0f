package com.dealradar.region.domain;

/**
 * Which day a statutory period counts first. Statutes differ: NSIA s.14(8) counts the review period from the
 * first working day after acceptance, while s.23 starts the call-in assessment period on the day the notice is
 * given. Constants are the wire values.
 */
public enum FirstCountedDay {
    /** the day after the triggering event is the first day counted (the default; BGB § 187(1) for German periods) */
    next_day,
    /** the day of the triggering event itself counts (if it is a working day, for working-day periods) */
    same_day
}
