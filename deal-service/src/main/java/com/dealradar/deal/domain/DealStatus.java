package com.dealradar.deal.domain;

/** Where a deal stands. Constants are the wire values; changes follow {@link DealStatusMachine}. */
public enum DealStatus {
    rumored,
    in_talks,
    announced,
    pending_approval,
    completed,
    blocked,
    abandoned,
    /** an ongoing relationship (partnership, hosting/reselling, joint venture) that is in effect */
    active,
    terminated
}
