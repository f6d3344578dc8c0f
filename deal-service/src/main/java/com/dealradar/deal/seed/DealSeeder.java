package com.dealradar.deal.seed;

import com.dealradar.deal.api.DealInput;
import com.dealradar.deal.api.StatusChangeInput;
import com.dealradar.deal.domain.Deal;
import com.dealradar.deal.domain.DealService;
import com.dealradar.deal.persistence.DealRepository;
import com.dealradar.platform.seed.SeedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads {@code seed/deals.json} (every deal and deal-like event of the seed articles, each with its
 * source) through the same rules as the API: the deal is created in its first known status and each
 * {@code history} entry is applied through the status machine. Ids are fixed (uuid5 of {@code deal/<slug>}
 * in the namespace given in the file) so that region-service can refer to them; deals already present are
 * left alone, so an analyst's later edits survive restarts.
 * <p>
 * Two checks of the API are skipped here: participants are company-service's own fixed seed ids (and
 * company-service may start after this service), and completions in the seed happened years ago, so
 * region-service is not asked about them.
 */
@ApplicationScoped
public class DealSeeder {

    private static final Logger LOG = Logger.getLogger(DealSeeder.class);
    static final String RESOURCE = "seed/deals.json";

    private final SeedConfig config;
    private final SeedFiles files;
    private final DealService service;
    private final DealRepository deals;

    DealSeeder(SeedConfig config, SeedFiles files, DealService service, DealRepository deals) {
        this.config = config;
        this.files = files;
        this.service = service;
        this.deals = deals;
    }

    void onStart(@Observes StartupEvent start) throws IOException {
        if (config.enabled()) {
            seed();
        }
    }

    public void seed() throws IOException {
        JsonNode seed = files.load(RESOURCE);
        int[] added = {0};
        QuarkusTransaction.requiringNew().run(() -> {
            for (JsonNode node : seed.get("deals")) {
                UUID id = UUID.fromString(node.get("id").asText());
                if (deals.findByIdOptional(id).isPresent()) {
                    continue;
                }
                Deal deal = service.create(id, files.entry(node, DealInput.class, List.of("id", "slug", "history")));
                if (node.has("history")) {
                    for (JsonNode change : node.get("history")) {
                        deal = service.applyStatusChange(deal, files.entry(change, StatusChangeInput.class, List.of()));
                    }
                }
                added[0]++;
            }
        });
        LOG.infof("Seed data: %d deals added", added[0]);
    }
}
