package com.dealradar.gateway.calendar;

import static com.dealradar.gateway.client.Backends.COMPANY;
import static com.dealradar.gateway.composite.PartReader.encode;

import com.dealradar.gateway.client.CallerHeaders;
import com.dealradar.gateway.composite.Outcome;
import com.dealradar.gateway.composite.PartReader;
import com.dealradar.platform.text.CanonicalUuid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Which company a slug names, asked of company-service ({@code GET /companies/{slug}}), for the calendar's
 * {@code company} filter, which like every company filter of the API takes an id or a slug.
 */
@ApplicationScoped
class CompanySlugs {

    /** company-service's answer: the company's id, or none ({@link #NONE}: its 404), or the read that failed. */
    record Lookup(UUID id, Outcome failure) {
        static final Lookup NONE = new Lookup(null, null);
    }

    private final PartReader reader;

    CompanySlugs(PartReader reader) {
        this.reader = reader;
    }

    CompletableFuture<Lookup> lookUp(String slug, CallerHeaders headers) {
        return reader.read(COMPANY, "/companies/" + encode(slug), headers).thenApply(outcome -> {
            if (outcome instanceof Outcome.Ok ok) {
                return CanonicalUuid.parse(ok.body().path("id").asText(""))
                        .map(id -> new Lookup(id, null))
                        .orElseGet(() -> new Lookup(null, new Outcome.Refused(502, ok.body())));
            }
            if (outcome instanceof Outcome.Refused refused && refused.status() == 404) {
                return Lookup.NONE;
            }
            return new Lookup(null, outcome);
        });
    }
}
