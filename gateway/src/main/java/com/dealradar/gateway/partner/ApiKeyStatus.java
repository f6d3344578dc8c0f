package com.dealradar.gateway.partner;

/** Where a key stands; only active and rotating keys authenticate. */
public enum ApiKeyStatus {
    /** valid */
    active,
    /** replaced by a rotation, still valid until the end of the overlap (its expiresAt) */
    rotating,
    /** past its expiresAt */
    expired,
    /** revoked by an admin */
    revoked
}
