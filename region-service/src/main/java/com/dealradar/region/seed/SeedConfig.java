package com.dealradar.region.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dealradar.seed")
public interface SeedConfig {

    /** Load the first data set (regions, regimes, and the matters and certifications of the seed articles) at start, adding only what is missing. */
    @WithDefault("true")
    boolean enabled();
}
