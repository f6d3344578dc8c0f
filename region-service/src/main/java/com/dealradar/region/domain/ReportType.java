package com.dealradar.region.domain;

/** Kind of attestation report (ISAE 3000 / C5 wording); certificate for certification schemes. Constants are the wire values. */
public enum ReportType {
    type_1,
    type_2,
    certificate
}
