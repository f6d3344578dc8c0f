package com.dealradar.region.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The role of a party in a deal: deal-service's {@code ParticipantRole}, the same wire values in the same order,
 * so that the public contract has one schema for it (the gateway's contract merge refuses two different
 * definitions of one name). Constants are the wire values.
 */
@Schema(name = "ParticipantRole")
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
