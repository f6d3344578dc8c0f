package com.dealradar.company.domain;

import com.dealradar.platform.text.CanonicalUuid;
import java.util.Locale;
import java.util.UUID;

/** How a request names a company: by id, or by its readable slug. {@code raw} is what the client sent (for 404s). */
public record CompanyKey(UUID id, String slug, String raw) {

    public static CompanyKey id(UUID id, String raw) {
        return new CompanyKey(id, null, raw);
    }

    /** What a path names: a UUID names a company by id, anything else by slug. */
    public static CompanyKey of(String idOrSlug) {
        return CanonicalUuid.parse(idOrSlug).map(id -> id(id, idOrSlug)).orElseGet(() -> slug(idOrSlug));
    }

    /** Whether {@code slug} would name a company by id in a path (so no company may have it as its slug). */
    public static boolean readsAsId(String slug) {
        return CanonicalUuid.parse(slug).isPresent();
    }

    /** Slugs are lower-case (CompanyInput's rule), so a slug is found whatever case a client writes it in. */
    public static CompanyKey slug(String slug) {
        return new CompanyKey(null, slug.toLowerCase(Locale.ROOT), slug);
    }
}
