package com.dealradar.region.domain;

/** What kind of deal (the deal-service vocabulary). Constants are the wire values. */
public enum DealType {
    acquisition,
    merger,
    minority_investment,
    strategic_investment,
    joint_venture,
    partnership,
    hosting_reseller,
    market_entry
}
