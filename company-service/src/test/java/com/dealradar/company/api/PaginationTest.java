package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationTest {

    private final String prefix = "Pager " + UUID.randomUUID().toString().substring(0, 6);
    private final List<String> createdIds = new ArrayList<>();

    @BeforeEach
    void createCompaniesOnce() {
        if (!createdIds.isEmpty()) {
            return;
        }
        // Names that collide after folding ("Émile" / "emile") so the id tie-breaker is exercised.
        for (int i = 0; i < 47; i++) {
            String name = prefix + " " + (i % 3 == 0 ? "Émile" : "emile") + " " + (i % 10);
            Response r = given().contentType(ContentType.JSON)
                    .body("{\"name\": \"" + name + "\", \"slug\": \"pager-" + UUID.randomUUID()
                            + "\", \"country\": \"FR\", \"kind\": \"group\"}")
                    .post("/companies")
                    .then()
                    .statusCode(201)
                    .extract()
                    .response();
            createdIds.add(r.path("id"));
        }
    }

    @Test
    void walksAllPagesByNameWithoutDuplicatesOrGaps() {
        List<Response> pages = walk("name", 5);
        List<String> ids = pages.stream()
                .flatMap(p -> p.<List<String>>path("items.id").stream())
                .toList();
        List<String> names = pages.stream()
                .flatMap(p -> p.<List<String>>path("items.name").stream())
                .toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(createdIds);
        assertThat(pages).hasSize(10);
        List<String> folded = names.stream()
                .map(n -> java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase())
                .toList();
        assertThat(folded).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(pages.getLast().<String>path("nextCursor")).isNull();
        assertThat(pages.getLast().header("Link")).isNull();
    }

    @Test
    void walksAllPagesByMostRecentlyUpdated() {
        List<Response> pages = walk("-updatedAt", 6);
        List<String> ids = pages.stream()
                .flatMap(p -> p.<List<String>>path("items.id").stream())
                .toList();
        List<String> updated = pages.stream()
                .flatMap(p -> p.<List<String>>path("items.updatedAt").stream())
                .toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(createdIds);
        assertThat(updated.stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    /** A cursor belongs to the list it came from: another page size is fine, other filters are a 400, not a wrong page. */
    @Test
    void aCursorIsKeptWithAnotherLimitAndRefusedWithOtherFilters() {
        Response first = given().queryParam("q", prefix).queryParam("limit", 5).get("/companies");
        String cursor = first.path("nextCursor");
        Response wider = given().queryParam("q", prefix)
                .queryParam("limit", 7)
                .queryParam("cursor", cursor)
                .get("/companies");
        wider.then().statusCode(200);
        assertThat(wider.<List<String>>path("items.id"))
                .hasSize(7)
                .doesNotContainAnyElementsOf(first.path("items.id"))
                .isSubsetOf(createdIds);
        for (var otherFilters : List.of(
                java.util.Map.of("q", prefix, "country", "FR"),
                java.util.Map.of("q", prefix + " emile"),
                java.util.Map.<String, String>of())) {
            given().queryParams(otherFilters)
                    .queryParam("limit", 5)
                    .queryParam("cursor", cursor)
                    .get("/companies")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"))
                    .body("detail", org.hamcrest.Matchers.containsString("other query parameters"));
        }
    }

    @Test
    void linkHeaderPointsToTheNextPageWithTheSameFilters() {
        Response first = given().queryParam("q", prefix).queryParam("limit", 5).get("/companies");
        String link = first.header("Link");
        assertThat(link)
                .startsWith("</companies?")
                .contains("limit=5")
                .contains("cursor=" + first.path("nextCursor"))
                .endsWith(">; rel=\"next\"");
        String next = link.substring(1, link.indexOf('>'));
        Response second = given().urlEncodingEnabled(false).get(next);
        assertThat(second.<List<String>>path("items.id"))
                .hasSize(5)
                .doesNotContainAnyElementsOf(first.path("items.id"))
                .as("page 2 keeps the q= filter: only this test's companies")
                .isSubsetOf(createdIds);
        assertThat(second.<List<String>>path("items.name"))
                .allSatisfy(name -> assertThat(name).startsWith(prefix));
        // This test's names sort together, so a page 2 without q= could still hold only its companies: follow the
        // Link to the end instead. Every Link carries q=, and the walk ends with exactly this test's companies
        // (a dropped filter walks on into the other companies of the database).
        List<String> walked = new ArrayList<>(first.<List<String>>path("items.id"));
        Response page = first;
        while (page.header("Link") != null && walked.size() <= createdIds.size()) {
            String target = page.header("Link").substring(1, page.header("Link").indexOf('>'));
            assertThat(queryParameter(target, "q"))
                    .as("q= in the Link %s", target)
                    .isEqualTo(prefix);
            page = given().urlEncodingEnabled(false).get(target);
            page.then().statusCode(200);
            walked.addAll(page.<List<String>>path("items.id"));
        }
        assertThat(walked)
                .as("every page reached through the Link header")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(createdIds);
    }

    private static String queryParameter(String target, String name) {
        String query = target.substring(target.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void cursorOfAnotherSortIsRefused() {
        String cursor = given().queryParam("q", prefix)
                .queryParam("limit", 5)
                .get("/companies")
                .path("nextCursor");
        given().queryParam("q", prefix)
                .queryParam("sort", "-updatedAt")
                .queryParam("cursor", cursor)
                .get("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
    }

    private List<Response> walk(String sort, int limit) {
        List<Response> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request =
                    given().queryParam("q", prefix).queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page =
                    request.get("/companies").then().statusCode(200).extract().response();
            pages.add(page);
            cursor = page.path("nextCursor");
        } while (cursor != null && pages.size() < 100);
        return pages;
    }
}
