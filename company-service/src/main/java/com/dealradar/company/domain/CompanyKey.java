package com.dealradar.company.domain;

import java.util.Locale;
import java.util.UUID;

/** How a request names a company: by id, or by its readable slug. {@code raw} is what the client sent (for 404s). */
public record CompanyKey(UUID id, String slug, String raw) {

    public static CompanyKey id(UUID id, String raw) {
        return new CompanyKey(id, null, raw);
    }

    /** Slugs are lower-case (CompanyInput's rule), so a slug is found whatever case a client writes it in. */
    public static CompanyKey slug(String slug) {
        return new CompanyKey(null, slug.toLowerCase(Locale.ROOT), slug);
    }
}
