package com.dealradar.platform.http;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code dealradar.http.*}: how this service is addressed from outside. */
@ConfigMapping(prefix = "dealradar.http")
public interface PublicUrlConfig {

    /**
     * The public base URL (e.g. {@code https://api.dealradar.example}) that absolute Location headers start with.
     * Without it, Location headers are relative references ({@code /api/v1/companies/<id>}), never built from the
     * request's Host header, which any client can set.
     */
    Optional<String> publicUrl();
}
