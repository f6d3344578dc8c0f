package com.dealradar.platform.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service answers when another service it must ask cannot be reached. */
@ConfigMapping(prefix = "dealradar.dependencies")
public interface DependencyConfig {

    /** Retry-After of the 503 answered when a service this one must ask cannot be reached. */
    @WithDefault("PT10S")
    Duration retryAfter();
}
