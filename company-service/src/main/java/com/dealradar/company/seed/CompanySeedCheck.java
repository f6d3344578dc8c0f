package com.dealradar.company.seed;

import com.dealradar.platform.seed.SeedCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The seed consistency rules (see {@link SeedCheck}) applied to {@code seed/companies.json}: every source of a
 * company or ownership link names its publisher (not its author) or says why not, and every link joins two
 * companies of the seed. Companies have no status history, so the status rule does not apply here.
 */
public final class CompanySeedCheck {

    private CompanySeedCheck() {}

    public static SeedCheck check(JsonNode seed) {
        SeedCheck check = new SeedCheck("company-service (seed/companies.json)");
        Set<String> ids = new HashSet<>();
        for (JsonNode company : seed.path("companies")) {
            ids.add(company.path("id").asText());
            check.sources("company " + company.path("slug").asText(), company.get("sources"));
        }
        for (JsonNode link : seed.path("ownershipLinks")) {
            String where = "ownership link " + link.path("id").asText();
            check.sources(where, link.get("sources"));
            for (String end : new String[] {"ownerId", "ownedId"}) {
                if (!ids.contains(link.path(end).asText())) {
                    check.fail(where, end + " " + link.path(end).asText() + " is not a company of the seed");
                }
            }
        }
        return check;
    }
}
