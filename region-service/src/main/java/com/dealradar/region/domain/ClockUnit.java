package com.dealradar.region.domain;

/** How a statutory period is counted. Constants are the wire values. */
public enum ClockUnit {
    /** calendar days */
    days,
    /** days other than weekends and the region's public holidays (China: plus its make-up working days) */
    working_days,
    /** calendar months: the same day number of the month, or the month's last day when it has none */
    months
}
