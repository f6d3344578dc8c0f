package com.dealradar.region.domain;

/** What a regulatory regime does. Constants are the wire values. */
public enum RegimeKind {
    merger_control,
    foreign_investment_screening,
    national_security_review,
    cybersecurity_review,
    market_access_licensing,
    security_attestation,
    telecom_security
}
