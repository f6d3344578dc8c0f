package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The search box's query (a name prefix, nothing else, name order) is answered from the search terms and their copy
 * of the company's sort name: a company is listed once however many of its names match, in the order of its name
 * (not of the alias that matched), and a rename moves it. Pages of one company each, so the keyset conditions run.
 */
@QuarkusTest
class NamePrefixSearchTest {

    private final String tag = "Nps" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCompanyFoundByNameAndAliasIsListedOnceInTheOrderOfItsName() {
        // Two of Delta's aliases sort before Beta's name: taken in the order of the matching terms, the first page
        // would be Delta twice (so Delta alone, with no next page) and Beta would never be listed.
        String delta = create(tag + " Delta", List.of(tag + " Alpha", tag + " Aleph", tag + " Delta Holdings"));
        String beta = create(tag + " Beta", List.of());

        assertThat(walk(tag.toLowerCase())).containsExactly(beta, delta);
        assertThat(walk(tag + " al")).as("found by its alias alone").containsExactly(delta);
    }

    @Test
    void aRenamedCompanyMovesInTheNameOrderAndIsNoLongerFoundByItsOldName() {
        String renamed = create(tag + " Zulu", List.of());
        String other = create(tag + " Mike", List.of());
        assertThat(walk(tag)).containsExactly(other, renamed);

        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"name\": \"" + tag + " Alfa\"}")
                .patch("/companies/" + renamed)
                .then()
                .statusCode(200);

        assertThat(walk(tag)).containsExactly(renamed, other);
        assertThat(walk(tag + " zu")).as("the old name no longer matches").isEmpty();
        assertThat(walk(tag + " alf")).containsExactly(renamed);
    }

    @Test
    void aFullPageIsInNameOrderAndEveryCompanyCarriesItsOwnAliases() {
        // More companies than one batch of lazily loaded collections used to hold (16), created out of name order:
        // the page's companies are read by id in the order of the prefix index, their aliases for the whole page at
        // once, and each must come back with its own.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            names.add(tag + " Page " + (char) ('a' + (i * 7) % 25));
        }
        Map<String, String> idByName = new HashMap<>();
        names.forEach(name -> idByName.put(name, create(name, List.of(name + " Alias", "Other " + name))));

        Response page =
                given().queryParam("q", tag + " page").queryParam("limit", 25).get("/companies");
        page.then().statusCode(200);

        List<String> sorted = names.stream().sorted().toList();
        assertThat(page.<List<String>>path("items.name")).containsExactlyElementsOf(sorted);
        assertThat(page.<List<String>>path("items.id"))
                .containsExactlyElementsOf(sorted.stream().map(idByName::get).toList());
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(page.<List<String>>path("items[" + i + "].aliases"))
                    .containsExactly(sorted.get(i) + " Alias", "Other " + sorted.get(i));
        }
        assertThat(page.<String>path("nextCursor")).isNull();
    }

    /**
     * A name within its 200 characters whose folded form is longer ("ﬃ" folds to "ffi", "ﷺ" to eighteen letters) was
     * a 500: its sort name and search terms did not fit their columns. They keep the first 200 folded characters, and
     * a query is folded and cut the same way, so the long prefix still finds it.
     */
    @Test
    void aNameThatGrowsWhenFoldedIsStoredAndFound() {
        String ligatures = tag + " " + "\uFB03".repeat(70);
        String company = create(ligatures, List.of("\uFDFA".repeat(12)));
        assertThat(walk(ligatures)).containsExactly(company);
        assertThat(walk(tag + " ffiffi")).containsExactly(company);
    }

    private String create(String name, List<String> aliases) {
        String json = "{\"name\": \"" + name + "\", \"country\": \"DE\", \"kind\": \"group\", \"aliases\": ["
                + String.join(", ", aliases.stream().map(a -> "\"" + a + "\"").toList()) + "]}";
        return given().contentType(ContentType.JSON)
                .body(json)
                .post("/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Every company matching {@code q}, following nextCursor one company per page. */
    private static List<String> walk(String q) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", q).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/companies");
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ids.size() < 10);
        return ids;
    }
}
