package com.dealradar.platform.text;

import java.util.Optional;
import java.util.UUID;

/** A UUID written in its canonical form (8-4-4-4-12 hexadecimal digits, any case), the one way the API writes ids. */
public final class CanonicalUuid {

    private CanonicalUuid() {}

    /**
     * {@code text} as a UUID when it is one in canonical form, else empty: for "id or slug" look-ups, where a
     * non-UUID is a slug or code, not an error. ({@link UUID#fromString} alone accepts forms like "1-2-3-4-5".)
     */
    public static Optional<UUID> parse(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
