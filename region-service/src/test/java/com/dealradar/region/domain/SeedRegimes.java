package com.dealradar.region.domain;

import com.dealradar.region.api.RegimeInput;
import com.dealradar.region.api.RegionInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shipped region seed read the way the seeder reads it (through the API input types), no database. */
final class SeedRegimes {

    static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private SeedRegimes() {}

    static JsonNode seed() {
        try (InputStream in = SeedRegimes.class.getClassLoader().getResourceAsStream("seed/regions.json")) {
            return MAPPER.readTree(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regime of the seed by code, in seed order. */
    static Map<String, Regime> regimes() {
        Map<String, Regime> regimes = new LinkedHashMap<>();
        try {
            for (JsonNode node : seed().get("regimes")) {
                Regime regime = new Regime();
                RegimeService.fill(
                        regime, MAPPER.treeToValue(node, RegimeInput.class).toDraft());
                regimes.put(regime.code, regime);
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return regimes;
    }

    /** The supranational regions of the seed (the EU with its members over time). */
    static Map<String, Region> unions() {
        Map<String, Region> unions = new LinkedHashMap<>();
        try {
            for (JsonNode node : seed().get("regions")) {
                RegionInput input = MAPPER.treeToValue(node, RegionInput.class);
                if (input.kind() == RegionKind.supranational) {
                    Region region = new Region();
                    region.code = input.code();
                    region.kind = input.kind();
                    region.members = input.members();
                    unions.put(region.code, region);
                }
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return unions;
    }
}
