package com.dealradar.company.domain;

/** How an owner holds an owned company. */
public enum OwnershipLinkType {
    /** a separate legal entity controlled by the owner */
    subsidiary,
    /** a business unit of the owner without separate control (e.g. BT Global Services) */
    division,
    /** jointly controlled with other owners */
    joint_venture,
    /** a non-controlling stake */
    minority
}
