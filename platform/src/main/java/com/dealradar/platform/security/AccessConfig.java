package com.dealradar.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dealradar.access")
public interface AccessConfig {

    /**
     * Backends set this: every API call needs a verified caller, with the viewer role to read and the
     * analyst role to write. Operational endpoints under /q stay open (probes, metrics, OpenAPI).
     */
    @WithDefault("false")
    boolean backendRules();

    /**
     * Allow a production start with the repository's LOCAL DEVELOPMENT key pair. Only the test suite sets
     * this (it runs the packaged jars).
     */
    @WithDefault("false")
    boolean allowDevKeys();

    /** The WWW-Authenticate challenge sent with 401 answers. */
    @WithDefault("Bearer realm=\"dealradar\"")
    String challenge();
}
