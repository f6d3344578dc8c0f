package com.dealradar.region.client;

import com.dealradar.platform.client.DependencyConfig;
import com.dealradar.platform.client.KnownIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What matters and certifications refer to in other services: deals in deal-service, companies in company-service.
 * Any failure to get an answer is a 503 problem with Retry-After.
 */
@ApplicationScoped
public class References {

    private final DealClient deals;
    private final CompanyClient companies;
    private final DependencyConfig config;

    References(@RestClient DealClient deals, @RestClient CompanyClient companies, DependencyConfig config) {
        this.deals = deals;
        this.companies = companies;
        this.config = config;
    }

    /** The ids among {@code ids} that deal-service does not know. */
    public Set<UUID> unknownDeals(Collection<UUID> ids) {
        return KnownIds.unknown(ids, deals::byIds, "deal-service", "to check the deal", config.retryAfter());
    }

    /** The ids among {@code ids} that company-service does not know. */
    public Set<UUID> unknownCompanies(Collection<UUID> ids) {
        return KnownIds.unknown(ids, companies::byIds, "company-service", "to check the company", config.retryAfter());
    }
}
