package com.dealradar.company.seed;

import com.dealradar.company.api.CompanyInput;
import com.dealradar.company.api.OwnershipLinkInput;
import com.dealradar.company.domain.CompanyService;
import com.dealradar.company.persistence.CompanyRepository;
import com.dealradar.company.persistence.OwnershipLinkRepository;
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
 * Loads {@code seed/companies.json} (the companies of the seed articles, each fact with its source) through
 * the same rules as the API. Ids are fixed so that deal-service and region-service seeds can refer to them;
 * rows already present are left alone, so an analyst's later edits survive restarts.
 */
@ApplicationScoped
public class CompanySeeder {

    private static final Logger LOG = Logger.getLogger(CompanySeeder.class);
    static final String RESOURCE = "seed/companies.json";

    private final SeedConfig config;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final CompanyService service;
    private final CompanyRepository companies;
    private final OwnershipLinkRepository links;

    CompanySeeder(SeedConfig config, ObjectMapper mapper, Validator validator, CompanyService service,
            CompanyRepository companies, OwnershipLinkRepository links) {
        this.config = config;
        this.mapper = mapper;
        this.validator = validator;
        this.service = service;
        this.companies = companies;
        this.links = links;
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
        int[] added = {0, 0};
        QuarkusTransaction.requiringNew().run(() -> {
            for (JsonNode node : seed.get("companies")) {
                UUID id = UUID.fromString(node.get("id").asText());
                if (companies.findByIdOptional(id).isEmpty()) {
                    service.create(id, read(node, CompanyInput.class));
                    added[0]++;
                }
            }
            for (JsonNode node : seed.get("ownershipLinks")) {
                UUID id = UUID.fromString(node.get("id").asText());
                if (links.findByIdOptional(id).isEmpty()) {
                    service.link(id, read(node, OwnershipLinkInput.class));
                    added[1]++;
                }
            }
        });
        LOG.infof("Seed data: %d companies and %d ownership links added", added[0], added[1]);
    }

    private <T> T read(JsonNode node, Class<T> type) {
        ObjectNode fields = node.deepCopy();
        fields.remove("id");
        try {
            T value = mapper.treeToValue(fields, type);
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Invalid seed entry " + node.get("id") + ": " + violations);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable seed entry " + node.get("id") + ": " + e.getMessage(), e);
        }
    }
}
