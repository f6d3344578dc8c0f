package com.dealradar.gateway.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Partners' API keys: {@code dealradar.api-keys.*}. */
@ConfigMapping(prefix = "dealradar.api-keys")
public interface ApiKeyConfig {

    /** How long the old key stays valid after a rotation, unless the rotation asks for another overlap. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** The longest overlap a rotation may ask for. */
    @WithDefault("P30D")
    Duration maxRotationOverlap();

    /**
     * How long a replica trusts what it read about a key (revocation, expiry, plan). This bounds how late a
     * revocation made on another replica takes effect here; keep it at 2 s or below.
     */
    @WithDefault("PT1S")
    Duration cacheTtl();

    /** A key's lastUsedAt is written at most this often (per key and replica). */
    @WithDefault("PT1M")
    Duration lastUsedInterval();

    /** Rate-limit plan of the bootstrap admin key. */
    @WithDefault("internal")
    String bootstrapPlan();
}
