package com.dealradar.gateway.ratelimit;

import java.time.Duration;

/** A resolved plan: {@code limit} requests per {@code window}, called {@code name} in the headers. */
public record Quota(String name, int limit, Duration window) {

    public long windowMillis() {
        return Math.max(1, window.toMillis());
    }
}
