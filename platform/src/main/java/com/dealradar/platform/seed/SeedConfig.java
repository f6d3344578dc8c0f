package com.dealradar.platform.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dealradar.seed")
public interface SeedConfig {

    /**
     * Load the service's first data set (the companies, deals, regions, regimes, matters and certifications of the seed
     * articles) at start, adding only what is missing.
     */
    @WithDefault("true")
    boolean enabled();
}
