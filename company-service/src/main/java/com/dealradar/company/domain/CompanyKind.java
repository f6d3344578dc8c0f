package com.dealradar.company.domain;

/** What a company is within its group. Constants are the wire values (lower snake case) on purpose. */
public enum CompanyKind {
    group,
    subsidiary,
    division
}
