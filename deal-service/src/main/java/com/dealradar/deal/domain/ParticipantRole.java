package com.dealradar.deal.domain;

/** The part a company plays in a deal. Constants are the wire values. */
public enum ParticipantRole {
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
