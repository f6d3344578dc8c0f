package com.dealradar.deal.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dealradar.dependencies")
public interface DependencyConfig {

    /** Retry-After of the 503 answered when company-service or region-service cannot be reached. */
    @WithDefault("PT10S")
    Duration retryAfter();
}
