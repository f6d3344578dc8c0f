package com.dealradar.platform.json;

import com.dealradar.platform.crypto.Sha256;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A value written as canonical JSON, with every set's elements and every map's keys in sorted order, and its SHA-256:
 * one digest for one value on every JVM. Canonical, because a set's iteration order differs between JVMs (a
 * {@code HashSet} of enums follows their identity hash codes, {@code Set.copyOf} is salted per JVM). Used for the
 * fingerprint of a request under an Idempotency-Key (without it a retry sent byte for byte to another replica, or after
 * a restart, could be refused as "a different request body") and for the ETags of views that depend on more than their
 * row ({@link com.dealradar.platform.http.ViewTags}: every replica must give one view one tag).
 */
public final class CanonicalJson {

    private final ObjectMapper canonical;

    public CanonicalJson(ObjectMapper mapper) {
        canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        canonical.registerModule(new SimpleModule("dealradar-canonical-sets").addSerializer(new SortedSet()));
    }

    /** SHA-256 of {@code value}'s canonical JSON, in hex. */
    public String sha256Hex(Object value) {
        try {
            return Sha256.hex(canonical.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A set as a JSON array of its elements in the order of their own canonical JSON. */
    @SuppressWarnings("rawtypes")
    private final class SortedSet extends StdSerializer<Set> {

        SortedSet() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator json, SerializerProvider provider) throws IOException {
            List<String> elements = new ArrayList<>(set.size());
            for (Object element : set) {
                elements.add(canonical.writeValueAsString(element));
            }
            Collections.sort(elements);
            json.writeStartArray(set, elements.size());
            for (String element : elements) {
                json.writeRawValue(element);
            }
            json.writeEndArray();
        }
    }
}
