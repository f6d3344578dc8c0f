package com.dealradar.region.persistence;

import com.dealradar.region.domain.AuthorityPeriod;
import com.dealradar.region.domain.Membership;
import com.dealradar.region.domain.RegimeVersion;
import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.TriggerRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * Regime reference data that is a tree rather than rows (trigger rules, clocks, authorities) is stored as
 * JSON text: the same on PostgreSQL and H2, validated like the API body before it is written.
 */
public final class JsonColumn {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private JsonColumn() {}

    /**
     * Every converter here is marked {@link Immutable}: the lists it reads are unmodifiable ({@code List.copyOf}) of
     * records, and the services replace a list rather than change it. Hibernate then keeps the loaded list itself as
     * its snapshot for dirty checking (a new list that differs is still written). Without the mark it took the snapshot
     * by writing each list to JSON and reading it back, on every load of a regime: with the regime's own reading, a
     * seventh of region-service's CPU on a deal's matters (JFR, 1 ms samples).
     */
    abstract static class ListConverter<T> implements AttributeConverter<List<T>, String> {
        private final TypeReference<List<T>> type;

        /**
         * The lists read, by their exact JSON text. Regimes are reference data read with every matter, and parsing
         * their columns again on each load was 8% of region-service's CPU on a deal's matters (JFR, 1 ms samples). Shared
         * between loads and threads: the lists are unmodifiable, and so are the records' own collections (a clock's
         * runsIn, a rule's dealTypes: their constructors make them read-only views), and the key is the stored text itself, so a changed regime is a new key on every replica
         * and nothing needs invalidating. Bounded by the characters it holds.
         */
        private final Cache<String, List<T>> read = Caffeine.newBuilder()
                .maximumWeight(8_000_000)
                .weigher((String json, List<T> list) -> json.length())
                .build();

        ListConverter(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> value) {
            try {
                return MAPPER.writeValueAsString(value == null ? List.of() : value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<T> convertToEntityAttribute(String json) {
            return json == null ? List.of() : read.get(json, this::parse);
        }

        private List<T> parse(String json) {
            try {
                return List.copyOf(MAPPER.readValue(json, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
            }
        }
    }

    @Converter
    @Immutable
    public static class TriggerRules extends ListConverter<TriggerRule> {
        public TriggerRules() {
            super(new TypeReference<>() {});
        }
    }

    @Converter
    @Immutable
    public static class Clocks extends ListConverter<StatutoryClock> {
        public Clocks() {
            super(new TypeReference<>() {});
        }
    }

    @Converter
    @Immutable
    public static class Versions extends ListConverter<RegimeVersion> {
        public Versions() {
            super(new TypeReference<>() {});
        }
    }

    @Converter
    @Immutable
    public static class Memberships extends ListConverter<Membership> {
        public Memberships() {
            super(new TypeReference<>() {});
        }
    }

    @Converter
    @Immutable
    public static class Authorities extends ListConverter<AuthorityPeriod> {
        public Authorities() {
            super(new TypeReference<>() {});
        }
    }
}
