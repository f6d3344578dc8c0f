package com.dealradar.platform.concurrency;

/**
 * The optimistic-concurrency precondition of a write, as the domain sees it: "the row I change must still be at the
 * version the client last read". The HTTP layer makes one from If-Match ({@code EntityTags.ifMatch}); the domain
 * service calls {@link #check} on the row it has read inside its own transaction, so that checking and changing
 * the same row happen in one unit of work (428 when the client sent no version, 412 when it is stale).
 */
@FunctionalInterface
public interface VersionCheck {

    /** Throws a problem (428/412) when {@code currentVersion} is not the one the client wrote against. */
    void check(long currentVersion);

    /** For writes without a client precondition (seeding at start). */
    static VersionCheck none() {
        return version -> {};
    }
}
