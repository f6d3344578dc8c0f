package com.dealradar.deal.seed;

import com.dealradar.deal.api.DealInput;
import com.dealradar.deal.api.StatusChangeInput;
import com.dealradar.deal.domain.Deal;
import com.dealradar.deal.domain.DealService;
import com.dealradar.deal.domain.DealStatus;
import com.dealradar.deal.persistence.DealRepository;
import com.dealradar.platform.geo.CountryCodes;
import com.dealradar.platform.persistence.SeedLedger;
import com.dealradar.platform.seed.SeedConfig;
import com.dealradar.platform.seed.SeedFiles;
import com.dealradar.platform.seed.SeedTransaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads {@code seed/deals.json} (every deal and deal-like event of the seed articles, each with its
 * source) through the same rules as the API, after {@link DealSeedCheck} (a seed that breaks a consistency rule
 * stops the start). A deal's {@code status} is its current one and equals the last entry of its {@code history};
 * the deal is created in the first entry's status and each further entry is applied through the status machine. Ids are fixed (uuid5 of {@code deal/<slug>}
 * in the namespace given in the file) so that region-service can refer to them; deals already present are
 * left alone, so an analyst's later edits survive restarts, and a deal deleted through the API is not added again
 * ({@link SeedLedger}).
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

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            seed();
        }
    }

    public void seed() {
        JsonNode seed = files.load(RESOURCE);
        DealSeedCheck.check(seed, CountryCodes.DEAL_REGIONS).throwIfAny();
        int[] added = {0};
        SeedTransaction.run(deals.getEntityManager(), () -> {
            // A deal deleted through the API stays deleted (SeedLedger).
            Set<UUID> newDeals = SeedLedger.toAdd(
                    deals.getEntityManager(),
                    "deal",
                    Deal.class,
                    SeedFiles.keys(
                            seed.get("deals"),
                            node -> UUID.fromString(node.get("id").asText())));
            for (JsonNode node : seed.get("deals")) {
                UUID id = UUID.fromString(node.get("id").asText());
                if (!newDeals.contains(id)) {
                    continue;
                }
                if (!node.has("history")) {
                    service.create(
                            id,
                            files.entry(node, DealInput.class, List.of("id", "slug"))
                                    .toDraft());
                    added[0]++;
                    continue;
                }
                // status is the current one, the last history entry; the deal is recorded in the first entry's status.
                JsonNode history = node.get("history");
                ObjectNode fields = node.deepCopy();
                String first = history.get(0).get("status").asText();
                fields.put("status", first);
                if (!DealService.hasCompleted(DealStatus.valueOf(first))) {
                    // The completion date comes with the history's change to completed (applyStatusChange).
                    fields.remove("completed");
                }
                Deal deal = service.create(
                        id,
                        files.entry(fields, DealInput.class, List.of("id", "slug", "history"))
                                .toDraft(),
                        files.entry(history.get(0), StatusChangeInput.class, List.of())
                                .toDraft());
                for (int i = 1; i < history.size(); i++) {
                    deal = service.applyStatusChange(
                            deal,
                            files.entry(history.get(i), StatusChangeInput.class, List.of())
                                    .toDraft());
                }
                service.requireStatusIsLastEntry(deal);
                added[0]++;
            }
        });
        LOG.infof("Seed data: %d deals added", added[0]);
    }
}
