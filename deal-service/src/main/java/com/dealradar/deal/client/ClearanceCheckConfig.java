package com.dealradar.deal.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dealradar.clearance-check")
public interface ClearanceCheckConfig {

    /** Ask region-service before a deal completes (false: complete without asking, e.g. when it is not deployed). */
    @WithDefault("true")
    boolean enabled();
}
