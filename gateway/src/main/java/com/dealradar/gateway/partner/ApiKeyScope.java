package com.dealradar.gateway.partner;

import com.dealradar.platform.security.Roles;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a partner's API key may do. Partners' keys never get the admin role. */
public enum ApiKeyScope {
    /** read companies, deals and regulatory data: the viewer role */
    read,
    /** also write them: the analyst role (write implies read) */
    write;

    /** The roles a key with these scopes gets. */
    public static Set<String> roles(Collection<ApiKeyScope> scopes) {
        Set<String> roles = new LinkedHashSet<>();
        if (scopes.contains(read) || scopes.contains(write)) {
            roles.add(Roles.VIEWER);
        }
        if (scopes.contains(write)) {
            roles.add(Roles.ANALYST);
        }
        return roles;
    }

    /** Stored as a comma-separated list in declaration order, e.g. {@code read,write}. */
    static String format(Collection<ApiKeyScope> scopes) {
        return String.join(",", EnumSet.copyOf(scopes).stream().map(Enum::name).toList());
    }

    static Set<ApiKeyScope> parse(String stored) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String part : stored.split(",")) {
            if (!part.isBlank()) {
                scopes.add(valueOf(part.strip()));
            }
        }
        return scopes;
    }
}
