package com.dealradar.deal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for tests, built as maps so that a test can break any part of them. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The current ETag of a deal, for the If-Match every state-changing request needs. */
    public static String etagOf(String dealId) {
        return io.restassured.RestAssured.given()
                .get("/deals/" + dealId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid deal body: an announced acquisition of {@code target} by {@code acquirer}. */
    public static Map<String, Object> deal(UUID acquirer, UUID target) {
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("title", "Test acquisition");
        deal.put("type", "acquisition");
        deal.put("status", "announced");
        deal.put("confidence", "reported");
        deal.put("announced", map("value", "2017-06", "precision", "month"));
        deal.put("value", map("amount", "100000000", "currency", "USD", "estimated", false));
        deal.put("stakePercent", 100);
        deal.put("regions", new ArrayList<>(List.of("CN")));
        deal.put(
                "participants",
                new ArrayList<>(List.of(
                        map("companyId", acquirer.toString(), "role", "acquirer"),
                        map("companyId", target.toString(), "role", "target"))));
        deal.put("description", "A deal made up by a test");
        deal.put(
                "sources",
                new ArrayList<>(List.of(map(
                        "kind",
                        "article",
                        "publisher",
                        "Test Gazette",
                        "title",
                        "A test",
                        "url",
                        "https://example.com/a",
                        "publishedOn",
                        "2017-06-12"))));
        return deal;
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
