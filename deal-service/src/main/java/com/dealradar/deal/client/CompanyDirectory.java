package com.dealradar.deal.client;

import com.dealradar.platform.client.DependencyConfig;
import com.dealradar.platform.client.KnownIds;
import com.dealradar.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks company-service which companies exist and which company a slug names; any failure to get an answer is a 503
 * problem with Retry-After.
 */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class);

    private final CompanyClient client;
    private final DependencyConfig config;

    CompanyDirectory(@RestClient CompanyClient client, DependencyConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The id of the company {@code slug} names, or empty when none does; 503 when company-service cannot say. */
    public Optional<UUID> idOfSlug(String slug) {
        try {
            return Optional.ofNullable(client.bySlug(slug)).map(KnownIds.Item::id);
        } catch (CompanyClient.NoSuchCompany e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("company-service could not be asked about the slug %s: %s", slug, e.toString());
            throw ProblemException.unavailable(
                    "company-service cannot be reached to look up the company '" + slug + "'; retry later",
                    config.retryAfter());
        }
    }

    /** The ids among {@code ids} that company-service does not know, in the order given. */
    public Set<UUID> unknown(Collection<UUID> ids) {
        return KnownIds.unknown(
                ids, client::byIds, "company-service", "to check the participants", config.retryAfter());
    }
}
