package com.dealradar.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dealradar.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered: a retry later than this is treated as a new request. */
    @WithDefault("P1D")
    Duration retention();

    /** How often expired keys are deleted (by the next POST that carries a key; no scheduler needed). */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
