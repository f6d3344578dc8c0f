package com.dealradar.company.seed;

import com.dealradar.company.api.CompanyInput;
import com.dealradar.company.api.OwnershipLinkInput;
import com.dealradar.company.domain.Company;
import com.dealradar.company.domain.CompanyService;
import com.dealradar.company.domain.OwnershipLink;
import com.dealradar.company.persistence.CompanyRepository;
import com.dealradar.company.persistence.OwnershipLinkRepository;
import com.dealradar.platform.persistence.SeedLedger;
import com.dealradar.platform.seed.SeedConfig;
import com.dealradar.platform.seed.SeedFiles;
import com.dealradar.platform.seed.SeedTransaction;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads {@code seed/companies.json} (the companies of the seed articles, each fact with its source) through
 * the same rules as the API, after {@link CompanySeedCheck} (a seed that breaks a consistency rule stops the
 * start). Ids are fixed so that deal-service and region-service seeds can refer to them;
 * rows already present are left alone, so an analyst's later edits survive restarts.
 */
@ApplicationScoped
public class CompanySeeder {

    private static final Logger LOG = Logger.getLogger(CompanySeeder.class);
    static final String RESOURCE = "seed/companies.json";

    private final SeedConfig config;
    private final SeedFiles files;
    private final CompanyService service;
    private final CompanyRepository companies;
    private final OwnershipLinkRepository links;

    CompanySeeder(
            SeedConfig config,
            SeedFiles files,
            CompanyService service,
            CompanyRepository companies,
            OwnershipLinkRepository links) {
        this.config = config;
        this.files = files;
        this.service = service;
        this.companies = companies;
        this.links = links;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            seed();
        }
    }

    public void seed() {
        JsonNode seed = files.load(RESOURCE);
        CompanySeedCheck.check(seed).throwIfAny();
        int[] added = {0, 0};
        SeedTransaction.run(companies.getEntityManager(), () -> {
            Set<UUID> newCompanies = SeedLedger.toAdd(
                    companies.getEntityManager(),
                    "company",
                    Company.class,
                    SeedFiles.keys(seed.get("companies"), CompanySeeder::id));
            for (JsonNode node : seed.get("companies")) {
                UUID id = id(node);
                if (newCompanies.contains(id)) {
                    service.create(
                            id,
                            files.entry(node, CompanyInput.class, List.of("id")).toDraft());
                    added[0]++;
                }
            }
            // A link deleted through the API stays deleted (SeedLedger).
            Set<UUID> newLinks = SeedLedger.toAdd(
                    links.getEntityManager(),
                    "ownership-link",
                    OwnershipLink.class,
                    SeedFiles.keys(seed.get("ownershipLinks"), CompanySeeder::id));
            for (JsonNode node : seed.get("ownershipLinks")) {
                UUID id = id(node);
                if (newLinks.contains(id)) {
                    service.link(
                            id,
                            files.entry(node, OwnershipLinkInput.class, List.of("id"))
                                    .toDraft());
                    added[1]++;
                }
            }
        });
        LOG.infof("Seed data: %d companies and %d ownership links added", added[0], added[1]);
    }

    private static UUID id(JsonNode entry) {
        return UUID.fromString(entry.get("id").asText());
    }
}
