package com.dealradar.platform.seed;

import com.dealradar.platform.crypto.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a service's seed data set from its classpath. Every entry is read with the same strict JSON rules
 * and bean validation as an API request body, so seed data cannot hold what the API would refuse; a bad
 * entry stops the start with a message naming it.
 */
@ApplicationScoped
public class SeedFiles {

    private final ObjectMapper mapper;
    private final Validator validator;

    SeedFiles(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The key of each entry of a seed array, in order (to ask which of them a table already holds, at once). */
    public static <K> List<K> keys(JsonNode entries, Function<JsonNode, K> key) {
        List<K> keys = new ArrayList<>(entries.size());
        entries.forEach(entry -> keys.add(key.apply(entry)));
        return keys;
    }

    /**
     * SHA-256 (hex) of a seed entry as written in its file: what a {@link
     * com.dealradar.platform.persistence.SeededEntity} row remembers, so that a changed entry is told from an
     * unchanged one at the next start.
     */
    public static String digest(JsonNode entry) {
        return Sha256.hex(entry.toString());
    }

    public JsonNode load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + resource + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("seed resource " + resource + " is unreadable", e);
        }
    }

    /** {@code entry} without the fields in {@code bookkeeping} (ids, slugs the input type does not have), as {@code type}. */
    public <T> T entry(JsonNode entry, Class<T> type, Collection<String> bookkeeping) {
        ObjectNode fields = entry.deepCopy();
        fields.remove(bookkeeping);
        try {
            T value = mapper.treeToValue(fields, type);
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Invalid seed entry " + describe(entry) + ": " + violations);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable seed entry " + describe(entry) + ": " + e.getMessage(), e);
        }
    }

    private static String describe(JsonNode entry) {
        for (String key : new String[] {"slug", "id", "code"}) {
            if (entry.hasNonNull(key)) {
                return key + "=" + entry.get(key).asText();
            }
        }
        return entry.toString();
    }
}
