package com.dealradar.deal.seed;

import com.dealradar.deal.api.DealInput;
import com.dealradar.deal.api.StatusChangeInput;
import com.dealradar.deal.domain.Deal;
import com.dealradar.deal.domain.DealService;
import com.dealradar.deal.persistence.DealRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
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
    private final ObjectMapper mapper;
    private final Validator validator;
    private final DealService service;
    private final DealRepository deals;

    DealSeeder(SeedConfig config, ObjectMapper mapper, Validator validator, DealService service, DealRepository deals) {
        this.config = config;
        this.mapper = mapper;
        this.validator = validator;
        this.service = service;
        this.deals = deals;
    }

    void onStart(@Observes StartupEvent start) throws IOException {
        if (config.enabled()) {
            seed();
        }
    }

    public void seed() throws IOException {
        JsonNode seed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            seed = mapper.readTree(in);
        }
        int[] added = {0};
        QuarkusTransaction.requiringNew().run(() -> {
            for (JsonNode node : seed.get("deals")) {
                UUID id = UUID.fromString(node.get("id").asText());
                if (deals.findByIdOptional(id).isPresent()) {
                    continue;
                }
                ObjectNode fields = node.deepCopy();
                fields.remove(java.util.List.of("id", "slug", "history"));
                Deal deal = service.create(id, read(fields, DealInput.class, node), false);
                if (node.has("history")) {
                    for (JsonNode change : node.get("history")) {
                        deal = service.changeStatus(deal, read(change, StatusChangeInput.class, node), false);
                    }
                }
                added[0]++;
            }
        });
        LOG.infof("Seed data: %d deals added", added[0]);
    }

    private <T> T read(JsonNode fields, Class<T> type, JsonNode entry) {
        try {
            T value = mapper.treeToValue(fields, type);
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Invalid seed deal " + entry.get("slug") + ": " + violations);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable seed deal " + entry.get("slug") + ": " + e.getMessage(), e);
        }
    }
}
