package com.dealradar.region.api;

import com.dealradar.platform.problem.ProblemException;

/** Parameter parsing shared by the resources (400 naming the parameter, never 404 or 500). */
final class Params {

    private Params() {}

    static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badParameter(name, "'" + raw + "' is not true or false");
        };
    }
}
