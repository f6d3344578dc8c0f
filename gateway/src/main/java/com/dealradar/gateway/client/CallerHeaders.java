package com.dealradar.gateway.client;

import com.dealradar.gateway.security.InternalCaller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of the backend reads a gateway resource makes for one caller (composites, the calendar feed), and whom
 * they act for: each call gets the caller's internal token for its own backend ({@link #to}), never another's.
 */
public record CallerHeaders(Map<String, List<String>> common, InternalCaller caller) {

    /** The headers of a call to {@code backend}: the common ones and, when there is a caller, its token there. */
    public Map<String, List<String>> to(String backend) {
        if (caller == null) {
            return common;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(common);
        Backends.bearer(headers, caller.tokenFor(backend));
        return headers;
    }
}
