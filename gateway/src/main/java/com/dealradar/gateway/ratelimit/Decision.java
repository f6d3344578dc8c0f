package com.dealradar.gateway.ratelimit;

/**
 * The outcome of counting one request: {@code count} requests so far in the current window of {@code quota},
 * which ends in {@code resetMillis}.
 */
public record Decision(Quota quota, long count, long resetMillis) {

    public boolean allowed() {
        return count <= quota.limit();
    }

    public long remaining() {
        return Math.max(0, quota.limit() - count);
    }

    /** Seconds until the window resets, rounded up, at least 1 (also the Retry-After of a 429). */
    public long resetSeconds() {
        return Math.max(1, (resetMillis + 999) / 1000);
    }

    /** {@code RateLimit-Policy: "standard";q=600;w=60} (draft-ietf-httpapi-ratelimit-headers, structured fields). */
    public String policyHeader() {
        return "\"" + quota.name() + "\";q=" + quota.limit() + ";w="
                + Math.max(1, quota.window().toSeconds());
    }

    /** {@code RateLimit: "standard";r=599;t=42}. */
    public String limitHeader() {
        return "\"" + quota.name() + "\";r=" + remaining() + ";t=" + resetSeconds();
    }
}
