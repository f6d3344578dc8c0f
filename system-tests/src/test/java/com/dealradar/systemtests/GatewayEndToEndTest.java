package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public API through the gateway, with the three real services on PostgreSQL and their seed data. */
class GatewayEndToEndTest {

    private static String gateway() {
        return Services.gateway().url();
    }

    @Test
    void searchAndPaginationKeepPublicPaths() {
        Response first = given().baseUri(gateway()).get("/api/v1/companies?limit=2");
        first.then().statusCode(200).body("items", hasSize(2)).header("Link", startsWith("</api/v1/companies?"));
        String cursor = first.jsonPath().getString("nextCursor");
        given().baseUri(gateway())
                .get("/api/v1/companies?limit=2&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        given().baseUri(gateway())
                .get("/api/v1/companies?q=ali")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem("alibaba-group"));
        given().baseUri(gateway())
                .get("/api/v1/companies?limit=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("instance", startsWith("/api/v1/companies"));
    }

    @Test
    void crudWithConditionalRequestsAndIdempotency() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Gateway Test Telecom " + key.substring(0, 8)
                + "\",\"country\":\"DE\",\"kind\":\"group\",\"sectors\":[\"telecom_operator\"]}";
        Response created = given().baseUri(gateway())
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/companies");
        created.then().statusCode(201).header("Location", notNullValue()).header("ETag", notNullValue());
        String location = created.getHeader("Location");
        assertThat(location).contains("/api/v1/companies/");
        given().baseUri(gateway())
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(location.substring(location.indexOf("/api/v1/"))));

        String path = location.substring(location.indexOf("/api/v1/"));
        String etag = created.getHeader("ETag");
        given().baseUri(gateway())
                .header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304);
        given().baseUri(gateway())
                .contentType("application/merge-patch+json")
                .body("{\"description\":\"x\"}")
                .patch(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("instance", equalTo(path));
        given().baseUri(gateway())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\":\"x\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("description", equalTo("x"));
        given().baseUri(gateway())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"description\":\"y\"}")
                .patch(path)
                .then()
                .statusCode(412);
    }

    @Test
    void compositesWithSeedData() {
        String dealId = given().baseUri(gateway())
                .get("/api/v1/deals?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].id");
        given().baseUri(gateway())
                .get("/api/v1/deals/" + dealId + "/dossier")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .body("deal.id", equalTo(dealId))
                .body("participants[0].company.slug", notNullValue());
        given().baseUri(gateway())
                .get("/api/v1/companies/alibaba-group/profile")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .body("company.slug", equalTo("alibaba-group"));
        given().baseUri(gateway())
                .get("/api/v1/regions/GB/overview")
                .then()
                .statusCode(200)
                .header("X-DealRadar-Completed", "true")
                .body("region.code", equalTo("GB"));
        given().baseUri(gateway())
                .get("/api/v1/deals/" + UUID.randomUUID() + "/dossier")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void internalResourcesAreNotPublic() {
        given().baseUri(gateway())
                .log()
                .ifValidationFails()
                .get("/api/v1/clearances/" + UUID.randomUUID())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void requestIdReachesTheBackends() {
        String requestId = "e2e-trace-" + UUID.randomUUID();
        given().baseUri(gateway())
                .header("X-Request-Id", requestId)
                .get("/api/v1/companies/zte")
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId);
        // The gateway's echo alone proves nothing about the backend: company-service records the request id of each
        // write in its own write audit (in the write's transaction), read back here from company-service.
        String writeId = "e2e-write-" + UUID.randomUUID();
        String body = "{\"name\":\"Request Id Telecom " + writeId.substring(10, 18)
                + "\",\"country\":\"DE\",\"kind\":\"group\"}";
        String id = given().baseUri(gateway())
                .header("X-Request-Id", writeId)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .header("X-Request-Id", writeId)
                .extract()
                .path("id");
        java.util.List<String> seen = given().baseUri(gateway())
                .header("Authorization", com.dealradar.platform.testing.KeycloakTokens.bearer("admin"))
                .queryParam("resource", "/api/v1/companies/" + id)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.requestId", String.class);
        System.out.println("request id: company-service recorded " + seen + " for the write sent as " + writeId);
        assertThat(seen)
                .as("request ids company-service recorded for the company's writes")
                .containsExactly(writeId);
    }

    /**
     * A walk through the gateway, page by page along the Link header, over a set of its own (13 companies with
     * a token in their names): every company exactly once, and the filter still applied on every later page.
     */
    @Test
    void paginationThroughTheGatewayHasNoDuplicatesOrGapsAndKeepsTheFilter() {
        String token = "pagewalk" + UUID.randomUUID().toString().substring(0, 8);
        java.util.Set<String> created = new java.util.TreeSet<>();
        for (int i = 0; i < 13; i++) {
            created.add(given().baseUri(gateway())
                    .contentType("application/json")
                    .body("{\"name\":\"" + token + " Telecom " + i + "\",\"country\":\"DE\",\"kind\":\"group\"}")
                    .post("/api/v1/companies")
                    .then()
                    .statusCode(201)
                    .extract()
                    .<String>path("id"));
        }
        java.util.List<String> walked = new java.util.ArrayList<>();
        java.util.List<Integer> pageSizes = new java.util.ArrayList<>();
        String next = "/api/v1/companies?q=" + token + "&limit=5";
        while (next != null) {
            Response page = given().baseUri(gateway()).urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            java.util.List<String> names = page.jsonPath().getList("items.name", String.class);
            pageSizes.add(names.size());
            assertThat(names)
                    .as("page %d of q=%s", pageSizes.size(), token)
                    .isNotEmpty()
                    .allMatch(name -> name.contains(token));
            walked.addAll(page.jsonPath().getList("items.id", String.class));
            String link = page.getHeader("Link");
            if (link == null) {
                assertThat(page.jsonPath().getString("nextCursor")).isNull();
                next = null;
            } else {
                assertThat(link)
                        .startsWith("</api/v1/companies?")
                        .contains("q=" + token)
                        .contains("rel=\"next\"");
                next = link.substring(1, link.indexOf('>'));
            }
        }
        System.out.println("pagination walk through the gateway: pages of " + pageSizes + ", " + walked.size()
                + " items for 13 created");
        assertThat(pageSizes).containsExactly(5, 5, 3);
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(new java.util.TreeSet<>(walked)).isEqualTo(created);
    }
}
