package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every write through the gateway names its caller in the owning service's write audit, which admins read back
 * through the gateway: a person signed in with Keycloak is {@code user:<subject>}, a partner's key is
 * {@code partner:<partner id>} with the key's id, so that a deleted ownership link is traced to the key that deleted
 * it.
 */
class WriteAttributionTest {

    private static String gateway() {
        return Services.gateway().url();
    }

    @Test
    void aUserAndAPartnersKeyAreBothReadBackAsTheActorsOfTheirWrites() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String partner = given().baseUri(gateway())
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType("application/json")
                .body("{\"name\":\"Attribution Partner " + suffix
                        + "\",\"contact\":{\"email\":\"api@attribution.example\"}}")
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath key = given().baseUri(gateway())
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType("application/json")
                .body("{\"name\":\"attribution\",\"scopes\":[\"read\",\"write\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String secret = key.getString("secret");
        String keyId = key.getString("id");

        // A person (Keycloak user "analyst") creates the two companies.
        String analyst = KeycloakTokens.bearer("analyst");
        String owner = createCompany(analyst, "Attribution Owner " + suffix);
        String owned = createCompany(analyst, "Attribution Owned " + suffix);

        // The partner's key links them and deletes the link again.
        String link = given().baseUri(gateway())
                .header("X-API-Key", secret)
                .contentType("application/json")
                .body("{\"ownerId\":\"" + owner + "\",\"ownedId\":\"" + owned
                        + "\",\"type\":\"minority\",\"stakePercent\":5,"
                        + "\"sources\":[{\"kind\":\"general_knowledge\",\"note\":\"attribution test\"}]}")
                .post("/api/v1/ownership-links")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = given().baseUri(gateway())
                .header("X-API-Key", secret)
                .get("/api/v1/ownership-links/" + link)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().baseUri(gateway())
                .header("X-API-Key", secret)
                .header("If-Match", etag)
                .delete("/api/v1/ownership-links/" + link)
                .then()
                .statusCode(204);

        // The analyst renames the owned company through its slug: the audit files it under the company's id.
        var ownedCompany = given().baseUri(gateway())
                .header("Authorization", analyst)
                .get("/api/v1/companies/" + owned)
                .then()
                .statusCode(200)
                .extract();
        String slug = ownedCompany.path("slug");
        given().baseUri(gateway())
                .header("Authorization", analyst)
                .header("If-Match", ownedCompany.header("ETag"))
                .contentType("application/merge-patch+json")
                .body("{\"headquartersCity\":\"Bonn\"}")
                .patch("/api/v1/companies/" + slug)
                .then()
                .statusCode(200);
        JsonPath ownedAudit = audit("/api/v1/companies/" + owned);
        System.out.println("write audit of the company written through its slug " + slug + ": "
                + ownedAudit.getList("items.method"));
        assertThat(ownedAudit.getList("items.method", String.class)).containsExactly("PATCH", "POST");
        assertThat(audit("/api/v1/companies/" + slug).getList("items")).isEmpty();

        JsonPath companyAudit = audit("/api/v1/companies/" + owner);
        JsonPath linkAudit = audit("/api/v1/ownership-links/" + link);
        System.out.println("write audit of the company: " + companyAudit.getList("items.actor"));
        System.out.println("write audit of the link: " + linkAudit.getList("items.method") + " by "
                + linkAudit.getList("items.actor"));

        assertThat(companyAudit.getList("items.method", String.class)).containsExactly("POST");
        assertThat(companyAudit.getList("items.actorKind", String.class)).containsExactly("user");
        // Users by their Keycloak subject (stable when a user name changes), which every token of the realm carries.
        String subject = new JsonPath(new String(
                        java.util.Base64.getUrlDecoder().decode(analyst.split("\\.")[1]),
                        java.nio.charset.StandardCharsets.UTF_8))
                .getString("sub");
        System.out.println("the analyst's subject: " + subject);
        assertThat(subject).matches("[0-9a-f-]{36}");
        assertThat(companyAudit.getString("items[0].actor")).isEqualTo("user:" + subject);

        assertThat(linkAudit.getList("items.method", String.class)).containsExactlyInAnyOrder("POST", "DELETE");
        List<String> linkActors = linkAudit.getList("items.actor", String.class);
        assertThat(linkActors).hasSize(2).allSatisfy(actor -> assertThat(actor).contains(partner));
        assertThat(linkAudit.getList("items.keyId", String.class)).containsOnly(keyId);
        assertThat(linkAudit.getList("items.status", Integer.class)).containsExactlyInAnyOrder(201, 204);

        // Paged like every list: one entry a page; the first page's Link (a public path) gives the second, the last.
        var firstPage = given().baseUri(gateway())
                .header("Authorization", KeycloakTokens.bearer("admin"))
                .queryParam("resource", "/api/v1/ownership-links/" + link)
                .queryParam("limit", 1)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(200)
                .extract();
        String next = firstPage.header("Link").replaceAll("^<([^>]*)>; rel=\"next\"$", "$1");
        assertThat(next).startsWith("/api/v1/write-audit?").contains("limit=1", "cursor=");
        var secondPage = given().baseUri(gateway())
                .urlEncodingEnabled(false)
                .header("Authorization", KeycloakTokens.bearer("admin"))
                .get(next)
                .then()
                .statusCode(200)
                .extract();
        assertThat(secondPage.header("Link")).isNull();
        assertThat(secondPage.jsonPath().getString("nextCursor")).isNull();
        assertThat(List.of(
                        firstPage.jsonPath().getString("items[0].method"),
                        secondPage.jsonPath().getString("items[0].method")))
                .containsExactly("DELETE", "POST");
    }

    private static String createCompany(String bearer, String name) {
        return given().baseUri(gateway())
                .header("Authorization", bearer)
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"country\":\"DE\",\"kind\":\"group\"}")
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath audit(String resource) {
        return given().baseUri(gateway())
                .header("Authorization", KeycloakTokens.bearer("admin"))
                .queryParam("resource", resource)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
