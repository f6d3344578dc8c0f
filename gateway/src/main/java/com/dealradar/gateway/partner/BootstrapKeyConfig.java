package com.dealradar.gateway.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The bootstrap admin API key: {@code dealradar.security.bootstrap-api-key} and its generation. */
@ConfigMapping(prefix = "dealradar.security")
public interface BootstrapKeyConfig {

    /** Accepted as an admin API key when set (env DEALRADAR_BOOTSTRAP_API_KEY). */
    Optional<String> bootstrapApiKey();

    /**
     * When no bootstrap key is set: generate one at start (or reuse the one generated before) and write it to
     * {@code ${dealradar.data-dir}/bootstrap-api-key}, readable by the owner only. For the local run.
     */
    @WithDefault("false")
    boolean generateBootstrapKey();
}
