package com.dealradar.deal.domain;

import java.util.EnumSet;
import java.util.Set;

/** What kind of deal it is. Constants are the wire values. */
public enum DealType {
    acquisition,
    merger,
    minority_investment,
    strategic_investment,
    joint_venture,
    partnership,
    /** one party hosts the other's services in its data centres and resells them (Alibaba Cloud and Vodafone Germany) */
    hosting_reseller,
    market_entry;

    /** Types that are an ongoing relationship once completed: only these may become active and then terminated. */
    public static final Set<DealType> ONGOING = EnumSet.of(partnership, hosting_reseller, joint_venture);

    public boolean isOngoing() {
        return ONGOING.contains(this);
    }
}
