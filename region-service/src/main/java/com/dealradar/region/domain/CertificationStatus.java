package com.dealradar.region.domain;

/** Recorded status of a certification; attested and qualified read as expired after valid to. Constants are the wire values. */
public enum CertificationStatus {
    planned,
    in_audit,
    attested,
    qualified,
    expired,
    withdrawn,
    /** the company says it holds it; no auditor, scheme or report confirms it (ZTE's "relevant security certificates", seed 002) */
    claimed
}
