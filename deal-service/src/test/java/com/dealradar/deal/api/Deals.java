package com.dealradar.deal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.deal.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** POST /deals and paging through GET /deals, for the tests of this package. */
final class Deals {

    private Deals() {}

    static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(Json.write(body)).post("/deals");
    }

    static String create(Map<String, Object> body) {
        return post(body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Every item of {@code GET /deals?query}, following nextCursor with {@code limit} items per page: every page but
     * the last is full, none is longer than {@code limit}.
     */
    static List<Map<String, Object>> all(String query, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page =
                    given().get("/deals?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            List<Map<String, Object>> pageItems = page.path("items");
            cursor = page.path("nextCursor");
            assertThat(pageItems.size()).isLessThanOrEqualTo(limit);
            if (cursor != null) {
                assertThat(pageItems).hasSize(limit);
            }
            items.addAll(pageItems);
            assertThat(++pages).as("pages of " + query).isLessThan(2000);
        } while (cursor != null);
        return items;
    }
}
