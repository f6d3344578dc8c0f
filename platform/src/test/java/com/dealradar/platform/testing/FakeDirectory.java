package com.dealradar.platform.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * WireMock answering a service's look-up by ids ({@code GET /companies?ids=a,b&limit=200}, {@code GET /deals?ids=...})
 * the way the services answer it, a page of the items that exist: every id exists except {@link #unknown()} ones.
 */
public final class FakeDirectory implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-directory";

    /** What marks an id as unknown; a random UUID starts so once in 2^32. */
    private static final String UNKNOWN_PREFIX = "deadbeef";

    /** An id the fake service does not know. */
    public static UUID unknown() {
        return UUID.fromString(UNKNOWN_PREFIX + UUID.randomUUID().toString().substring(8));
    }

    /** An id the fake service knows (any other). */
    public static UUID known() {
        UUID id = UUID.randomUUID();
        return id.toString().startsWith(UNKNOWN_PREFIX) ? known() : id;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        QueryParameter ids = event.getRequest().queryParameter("ids");
        String items = !ids.isPresent()
                ? ""
                : Arrays.stream(ids.firstValue().split(","))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty() && !id.startsWith(UNKNOWN_PREFIX))
                        .map(id -> "{\"id\":\"" + id + "\"}")
                        .collect(Collectors.joining(","));
        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .but()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\":[" + items + "],\"nextCursor\":null}")
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
