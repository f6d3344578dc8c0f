package com.dealradar.deal.client;

import com.dealradar.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Asks company-service which companies exist; any failure to get an answer is a 503 problem with Retry-After. */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class);
    static final int BATCH = 200;

    private final CompanyClient client;
    private final DependencyConfig config;

    CompanyDirectory(@RestClient CompanyClient client, DependencyConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The ids among {@code ids} that company-service does not know, in the order given. */
    public Set<UUID> unknown(Collection<UUID> ids) {
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Set<UUID> unknown = new LinkedHashSet<>(distinct);
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<UUID> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            CompanyClient.CompanyPage page;
            try {
                page = client.byIds(batch.stream().map(UUID::toString).collect(Collectors.joining(",")), BATCH);
            } catch (RuntimeException e) {
                LOG.warnf("company-service could not be asked about %s: %s", batch, e.toString());
                throw ProblemException.unavailable(
                        "company-service cannot be reached to check the participants; nothing was written, retry later",
                        config.retryAfter());
            }
            if (page == null || page.items() == null) {
                throw ProblemException.unavailable(
                        "company-service gave an unreadable answer; nothing was written, retry later",
                        config.retryAfter());
            }
            page.items().forEach(company -> unknown.remove(company.id()));
        }
        return unknown;
    }
}
