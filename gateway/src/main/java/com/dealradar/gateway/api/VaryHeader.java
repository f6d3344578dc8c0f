package com.dealradar.gateway.api;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer's {@code Vary}, kept as one header line that names each field once, whichever handlers (CORS,
 * compression) and backend made the answer depend on a request header.
 */
final class VaryHeader {

    private VaryHeader() {}

    /** Adds {@code field} to {@code Vary} (a backend's own fields kept); {@code Vary: *} already covers every field. */
    static void add(MultiMap headers, String field) {
        List<String> names = new ArrayList<>();
        for (String vary : headers.getAll("Vary")) {
            for (String name : vary.split(",")) {
                String named = name.strip();
                if (named.equals("*")) {
                    return;
                }
                if (!named.isEmpty() && names.stream().noneMatch(named::equalsIgnoreCase)) {
                    names.add(named);
                }
            }
        }
        if (names.stream().noneMatch(field::equalsIgnoreCase)) {
            names.add(field);
        }
        headers.set("Vary", String.join(", ", names));
    }
}
