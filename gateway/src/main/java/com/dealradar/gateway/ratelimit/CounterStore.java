package com.dealradar.gateway.ratelimit;

import io.smallrye.mutiny.Uni;

/** Fixed-window counters: adds one request to {@code key}'s window and tells where it stands, in one atomic step. */
interface CounterStore {

    Uni<Decision> hit(String key, Quota quota);
}
