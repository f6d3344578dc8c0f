package com.dealradar.region.api;

import com.dealradar.platform.paging.Cursor;
import com.dealradar.platform.problem.ProblemException;

/** Parameter parsing shared by the resources (400 naming the parameter, never 404 or 500). */
final class Params {

    private Params() {}

    /** Decodes a (createdAt, id) cursor; 400 naming the cursor when it is not one this API issued. */
    static Cursor timeIdCursor(String raw, String sort) {
        if (raw == null) {
            return null;
        }
        Cursor cursor = Cursor.decode(raw, sort, 2);
        cursor.instantKey(0);
        cursor.uuidKey(1);
        return cursor;
    }

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
