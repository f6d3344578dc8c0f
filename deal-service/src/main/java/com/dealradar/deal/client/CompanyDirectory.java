package com.dealradar.deal.client;

import com.dealradar.platform.client.DependencyConfig;
import com.dealradar.platform.client.KnownIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Asks company-service which companies exist; any failure to get an answer is a 503 problem with Retry-After. */
@ApplicationScoped
public class CompanyDirectory {

    private final CompanyClient client;
    private final DependencyConfig config;

    CompanyDirectory(@RestClient CompanyClient client, DependencyConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The ids among {@code ids} that company-service does not know, in the order given. */
    public Set<UUID> unknown(Collection<UUID> ids) {
        return KnownIds.unknown(
                ids, client::byIds, "company-service", "to check the participants", config.retryAfter());
    }
}
