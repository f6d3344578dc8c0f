package com.dealradar.region.domain;

/** The role of a party in a deal (the deal-service vocabulary). Constants are the wire values. */
public enum PartyRole {
    acquirer,
    target,
    seller,
    investor,
    investee,
    partner,
    host,
    reseller,
    vendor
}
