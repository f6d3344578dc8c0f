package com.dealradar.deal.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dealradar.seed")
public interface SeedConfig {

    /** Load the first data set (the deals of the seed articles) at start, adding only what is missing. */
    @WithDefault("true")
    boolean enabled();
}
