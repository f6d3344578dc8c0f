package com.dealradar.platform.idempotency;

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
 * The fingerprint of a request under an Idempotency-Key: SHA-256 of the parsed request written as canonical JSON, with
 * every set's elements and every map's keys in sorted order. The parsed request, not the body's bytes, so that
 * whitespace does not matter; canonical, because a set's iteration order is not the body's and differs between JVMs
 * (a {@code HashSet} of enums follows their identity hash codes, {@code Set.copyOf} is salted per JVM): without it a
 * retry sent byte for byte to another replica, or after a restart, could be refused as "a different request body".
 */
final class RequestFingerprint {

    private final ObjectMapper canonical;

    RequestFingerprint(ObjectMapper mapper) {
        canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        canonical.registerModule(new SimpleModule("dealradar-canonical-sets").addSerializer(new SortedSet()));
    }

    String of(Object request) {
        try {
            return Sha256.hex(canonical.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
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
