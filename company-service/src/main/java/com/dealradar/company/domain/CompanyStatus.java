package com.dealradar.company.domain;

/** Companies are archived, never deleted: deals and regulatory matters keep referring to them. */
public enum CompanyStatus {
    active,
    archived
}
