package com.dealradar.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.dealradar.gateway.Backends;
import com.dealradar.platform.security.Roles;
import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.TestClock;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
@QuarkusTestResource(value = PartnerTestConfig.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = true)
/*
 * Each test stands on its own (any order, any subset): it creates the partners and keys it needs. Time is the
 * application's clock bean, replaced for each test by a clock the test moves: expiry, rotation overlap, the
 * replicas' cache TTL and the last-used interval are reached by moving time, never by sleeping.
 */
class ApiKeyLifecycleTest {

    static final Admin ADMIN = new Admin(PartnerTestConfig.BOOTSTRAP_KEY);

    @Inject
    ApiKeyVerifier verifier;

    @Inject
    ApiKeyConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    TestClock clock;

    @org.junit.jupiter.api.BeforeEach
    void standingClock() {
        clock = TestClock.installed();
    }

    @Test
    void bootstrapKeyIsAdminAndOthersAreNot() {
        ADMIN.request().get("/api/v1/partners").then().statusCode(200).body("items", notNullValue());
        SecurityIdentity bootstrap = verifier.verify(PartnerTestConfig.BOOTSTRAP_KEY);
        assertThat(bootstrap.getPrincipal().getName()).isEqualTo("bootstrap-admin");
        assertThat(bootstrap.getRoles()).containsExactlyInAnyOrder(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);
        assertThat((String) bootstrap.getAttribute(SecurityAttributes.AUTH_METHOD))
                .isEqualTo("api_key");

        for (String bad :
                List.of(PartnerTestConfig.BOOTSTRAP_KEY + "x", "drk_abcdefgh_" + "A".repeat(43), "nonsense")) {
            Admin.as(bad)
                    .get("/api/v1/partners")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", notNullValue());
        }
        Admin.as(" ").get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void issueUseRotateRevoke() {
        String partner = ADMIN.createPartner("Lifecycle Telecom " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"name\":\"etl\",\"scopes\":[\"read\"]}");
        String key = issued.jsonPath().getString("secret");
        String keyId = issued.jsonPath().getString("id");
        assertThat(key).matches("drk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(key).startsWith("drk_" + issued.jsonPath().getString("prefix") + "_");
        issued.then()
                .header("ETag", notNullValue())
                .header("Location", containsString("/api/v1/partners/" + partner + "/keys/" + keyId))
                .body("status", equalTo("active"))
                .body("scopes", equalTo(List.of("read")));

        // Its identity: the partner, viewer only, with the contract's attributes.
        SecurityIdentity identity = verifier.verify(key);
        assertThat(identity.getPrincipal().getName()).isEqualTo("partner:" + partner);
        assertThat(identity.getRoles()).containsExactly(Roles.VIEWER);
        assertThat((String) identity.getAttribute(SecurityAttributes.PARTNER_ID))
                .isEqualTo(partner);
        assertThat((String) identity.getAttribute(SecurityAttributes.KEY_ID)).isEqualTo(keyId);
        assertThat((String) identity.getAttribute(SecurityAttributes.PLAN)).isEqualTo("standard");
        // A partner's key is never admin: the partner API refuses it.
        Admin.as(key)
                .get("/api/v1/partners")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                // The refusal names the role the operation needs (it said only "Not allowed").
                .body("detail", org.hamcrest.Matchers.equalTo("This operation needs the role admin"));

        // Listed without secrets.
        ADMIN.request()
                .get("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(keyId))
                .body("items.secret", everyItem(nullValue()));
        Response read = ADMIN.request().get("/api/v1/partners/" + partner + "/keys/" + keyId);
        read.then().statusCode(200).body("secret", nullValue());
        ADMIN.request()
                .header("If-None-Match", read.getHeader("ETag"))
                .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                .then()
                .statusCode(304);

        // Rotate: needs If-Match; both keys work during the overlap, the old one is refused after it.
        ADMIN.request()
                .body("{\"overlap\":\"PT2S\"}")
                .post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate")
                .then()
                .statusCode(428);
        Response rotated = ADMIN.request()
                .header("If-Match", read.getHeader("ETag"))
                .body("{\"overlap\":\"PT2S\"}")
                .post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate");
        rotated.then().statusCode(201).body("replacesId", equalTo(keyId)).body("scopes", equalTo(List.of("read")));
        String newKey = rotated.jsonPath().getString("secret");
        String newKeyId = rotated.jsonPath().getString("id");
        Admin.SECRETS.add(newKey);
        assertThat(newKey).isNotEqualTo(key);
        assertThat(verifier.verify(key).getPrincipal().getName()).isEqualTo("partner:" + partner);
        assertThat(verifier.verify(newKey).getPrincipal().getName()).isEqualTo("partner:" + partner);
        ADMIN.request()
                .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                .then()
                .body("status", equalTo("rotating"))
                .body("replacedById", equalTo(newKeyId));
        // A rotating key cannot be rotated again (with its current ETag: 409).
        String rotatingTag = ADMIN.request()
                .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                .getHeader("ETag");
        ADMIN.request()
                .header("If-Match", rotatingTag)
                .post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate")
                .then()
                .statusCode(409);
        // One second before the overlap ends the old key still works; once it has ended it is refused.
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(key).getPrincipal().getName()).isEqualTo("partner:" + partner);
        clock.advance(Duration.ofSeconds(1));
        assertRefused(key);
        assertThat(verifier.verify(newKey).getRoles()).containsExactly(Roles.VIEWER);
        ADMIN.request()
                .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                .then()
                .body("status", equalTo("expired"));

        // Revoke: If-Match required (428), stale is 412, then refused at once.
        String path = "/api/v1/partners/" + partner + "/keys/" + newKeyId;
        ADMIN.request().delete(path).then().statusCode(428);
        ADMIN.request().header("If-Match", "\"999\"").delete(path).then().statusCode(412);
        String tag = ADMIN.request().get(path).getHeader("ETag");
        ADMIN.request()
                .header("If-Match", tag)
                .delete(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("revoked"))
                .body("revokedBy", equalTo("bootstrap-admin"));
        assertRefused(newKey);
        Admin.as(newKey)
                .get("/api/v1/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void aCursorOfOnePartnersKeysIsRefusedForAnothers() {
        // Both lists page by (created, id): partner A's cursor on partner B's keys started B's list at A's last key.
        String first = ADMIN.createPartner("Cursor Owner A " + UUID.randomUUID(), "standard");
        String second = ADMIN.createPartner("Cursor Owner B " + UUID.randomUUID(), "standard");
        for (String partner : List.of(first, second)) {
            ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
            ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        }
        String cursor = ADMIN.request()
                .get("/api/v1/partners/" + first + "/keys?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("nextCursor");
        ADMIN.request()
                .get("/api/v1/partners/" + second + "/keys?limit=1&cursor=" + cursor)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"))
                .body("detail", containsString("another list"));
        ADMIN.request()
                .get("/api/v1/partners/" + first + "/keys?limit=1&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
    }

    /** Another replica revokes the key: this one (which read the key before) refuses it once its cache TTL has passed. */
    @Test
    void revocationByAnotherReplicaIsSeenWithinTwoSeconds() throws Exception {
        String partner = ADMIN.createPartner("Replica Telecom " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"write\"]}");
        String key = issued.jsonPath().getString("secret");
        assertThat(verifier.verify(key).getRoles()).containsExactlyInAnyOrder(Roles.VIEWER, Roles.ANALYST);
        // Bypasses this replica's service (and so its cache invalidation), like a revocation on another replica.
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresDatabase.user(), "");
                Statement sql = db.createStatement()) {
            sql.executeUpdate("update api_key set revoked_at = now(), version = version + 1 where id = '"
                    + issued.jsonPath().getString("id") + "'");
        }
        assertThat(config.cacheTtl())
                .as("the documented bound of a revocation's delay")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        clock.advance(config.cacheTtl());
        assertRefused(key);
    }

    @Test
    void expiredKeyIsRefusedAndPastExpiryIsInvalid() {
        String partner = ADMIN.createPartner("Expiring Telecom " + UUID.randomUUID(), "standard");
        // In the past; not RFC 3339 (a five-digit year, as Java's ISO parser takes it): refused, never stored.
        for (String refused : List.of("2020-01-01T00:00:00Z", "+99999-01-01T00:00:00Z")) {
            keyRefused(partner, "{\"scopes\":[\"read\"],\"expiresAt\":\"" + refused + "\"}")
                    .body("errors[0].field", equalTo("expiresAt"));
        }
        Instant expiresAt =
                clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"],\"expiresAt\":\"" + expiresAt + "\"}");
        String key = issued.jsonPath().getString("secret");
        String path =
                "/api/v1/partners/" + partner + "/keys/" + issued.jsonPath().getString("id");
        clock.set(expiresAt.minusMillis(1));
        assertThat(verifier.verify(key).getRoles()).containsExactly(Roles.VIEWER);
        ADMIN.request().get(path).then().body("status", equalTo("active"));
        clock.set(expiresAt);
        assertRefused(key);
        ADMIN.request().get(path).then().body("status", equalTo("expired"));
        Admin.as(key).get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void lastUsedIsRecordedAtMostOncePerInterval() throws Exception {
        String partner = ADMIN.createPartner("Usage Telecom " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        String path =
                "/api/v1/partners/" + partner + "/keys/" + issued.jsonPath().getString("id");
        ADMIN.request().get(path).then().body("lastUsedAt", nullValue());
        String key = issued.jsonPath().getString("secret");
        verifier.verify(key);
        String first = ADMIN.request()
                .get(path)
                .then()
                .body("lastUsedAt", notNullValue())
                .extract()
                .jsonPath()
                .getString("lastUsedAt");
        clock.advance(config.lastUsedInterval().minusMillis(1));
        verifier.verify(key);
        Admin.as(key).get("/api/v1/partners").then().statusCode(403); // refused, but the key was used
        ADMIN.request().get(path).then().body("lastUsedAt", equalTo(first));
        clock.advance(Duration.ofMillis(1));
        verifier.verify(key);
        String second = ADMIN.request().get(path).then().extract().jsonPath().getString("lastUsedAt");
        assertThat(Instant.parse(second)).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void partnersAreValidatedPatchedAndPaged() {
        ADMIN.request()
                .body("{\"name\":\"x\",\"contact\":{\"email\":\"api@example.org\"},\"plan\":\"gold-plated\"}")
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("plan"));
        ADMIN.request()
                .body("{\"name\":\"\",\"contact\":{\"email\":\"not-an-email\"}}")
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ADMIN.request()
                .body("{\"name\":\"x\",\"contact\":{\"email\":\"api@example.org\"},\"colour\":\"red\"}")
                .post("/api/v1/partners")
                .then()
                .statusCode(400);
        // A client's X-Request-Timeout-Ms is DealRadar's own header, not the public's (dealradar.http.caller-timeouts
        // is off in the gateway): with 1 ms, the gateway's own write is still made.
        String partner = ADMIN.request()
                .header("X-Request-Timeout-Ms", "1")
                .body("{\"name\":\"Default Plan Ltd\",\"contact\":{\"email\":\"api@example.org\"}}")
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .body("plan", equalTo("standard"))
                .extract()
                .jsonPath()
                .getString("id");
        // An unknown scope, none, or a null among them (that was a 500: the scope set could not be stored).
        for (String scopes : List.of("[\"admin\"]", "[]", "[null]", "[\"read\",null]")) {
            keyRefused(partner, "{\"scopes\":" + scopes + "}").body("errors[0].field", startsWith("scopes"));
        }

        String path = "/api/v1/partners/" + partner;
        String tag = ADMIN.request().get(path).then().statusCode(200).extract().header("ETag");
        ADMIN.request()
                .contentType("application/merge-patch+json")
                .body("{\"plan\":\"premium\"}")
                .patch(path)
                .then()
                .statusCode(428);
        ADMIN.request()
                .contentType("application/merge-patch+json")
                .header("If-Match", tag)
                .body("{\"plan\":\"premium\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("plan", equalTo("premium"))
                .body("name", equalTo("Default Plan Ltd"));
        ADMIN.request()
                .contentType("application/merge-patch+json")
                .header("If-Match", tag)
                .body("{\"plan\":\"standard\"}")
                .patch(path)
                .then()
                .statusCode(412);
        ADMIN.request()
                .get("/api/v1/partners/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        ADMIN.request().get("/api/v1/partners/not-a-uuid").then().statusCode(400);

        ADMIN.createPartner("Paged Telecom A " + UUID.randomUUID(), "standard"); // at least three partners: two pages
        ADMIN.createPartner("Paged Telecom B " + UUID.randomUUID(), "standard");
        Response first = ADMIN.request().get("/api/v1/partners?limit=2");
        first.then().statusCode(200).header("Link", containsString("rel=\"next\""));
        String cursor = first.jsonPath().getString("nextCursor");
        List<String> firstIds = first.jsonPath().getList("items.id");
        ADMIN.request()
                .get("/api/v1/partners?limit=2&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(firstIds.get(0))));
        ADMIN.request().get("/api/v1/partners?cursor=garbage").then().statusCode(400);
        // A cursor that decodes, for the right sort, but whose id is not one: 400 naming the cursor, not a 500.
        com.dealradar.platform.paging.Cursor issued =
                com.dealradar.platform.paging.Cursor.decode(cursor, PartnerRepository.SORT, 2);
        String crafted = new com.dealradar.platform.paging.Cursor(
                        issued.sort(), List.of(issued.keys().get(0), "not-a-uuid"))
                .encode();
        ADMIN.request()
                .get("/api/v1/partners?cursor=" + crafted)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void idempotentIssuanceNeverReplaysOrStoresTheSecret() {
        String partner = ADMIN.createPartner("Idempotent Telecom " + UUID.randomUUID(), "standard");
        String idempotencyKey = UUID.randomUUID().toString();
        Response first = ADMIN.request()
                .header("Idempotency-Key", idempotencyKey)
                .body("{\"scopes\":[\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys");
        first.then().statusCode(201).body("secret", notNullValue());
        Admin.SECRETS.add(first.jsonPath().getString("secret"));
        ADMIN.request()
                .header("Idempotency-Key", idempotencyKey)
                .body("{\"scopes\":[\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.jsonPath().getString("id")))
                .body("secret", nullValue());
        ADMIN.request()
                .header("Idempotency-Key", idempotencyKey)
                .body("{\"scopes\":[\"write\"]}")
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(422);
    }

    @Test
    void auditTrailSaysWhoDidWhatWhen() {
        String partner = ADMIN.createPartner("Audited Telecom " + UUID.randomUUID(), "standard");
        clock.advance(Duration.ofSeconds(1)); // the trail is in time order: one second between the steps
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        String keyId = issued.jsonPath().getString("id");
        String path = "/api/v1/partners/" + partner + "/keys/" + keyId;
        clock.advance(Duration.ofSeconds(1));
        Response rotated =
                ADMIN.request().header("If-Match", issued.getHeader("ETag")).post(path + "/rotate");
        rotated.then().statusCode(201);
        Admin.SECRETS.add(rotated.jsonPath().getString("secret"));
        String tag = ADMIN.request().get(path).getHeader("ETag");
        clock.advance(Duration.ofSeconds(1));
        ADMIN.request()
                .header("If-Match", tag)
                .header("X-Request-Id", "audit-test-" + PartnerTestConfig.RUN)
                .delete(path)
                .then()
                .statusCode(200);

        Response trail = ADMIN.request().get("/api/v1/partners/audit?partnerId=" + partner);
        trail.then().statusCode(200);
        List<String> actions = trail.jsonPath().getList("items.action");
        // Newest first. A rotation writes "key.rotated" and the new key's "key.issued" at one instant (either order).
        assertThat(actions).hasSize(5);
        assertThat(actions.get(0)).isEqualTo("key.revoked");
        assertThat(actions.subList(1, 3)).containsExactlyInAnyOrder("key.issued", "key.rotated");
        assertThat(actions.subList(3, 5)).containsExactly("key.issued", "partner.created");
        List<String> ids = trail.jsonPath().getList("items.id");
        assertThat(trail.jsonPath().getList("items.actor", String.class)).containsOnly("bootstrap-admin");
        assertThat(trail.jsonPath().getList("items.occurredAt", String.class))
                .allSatisfy(at -> assertThat(Instant.parse(at)).isNotNull());
        trail.then()
                .body("items[0].keyId", equalTo(keyId))
                .body("items[0].keyPrefix", equalTo(issued.jsonPath().getString("prefix")))
                .body("items[0].requestId", equalTo("audit-test-" + PartnerTestConfig.RUN));
        // Pages of two follow the same order, with no entry twice and none left out.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = ADMIN.request()
                    .get("/api/v1/partners/audit?partnerId=" + partner + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            paged.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(ids);
        ADMIN.request()
                .get("/api/v1/partners/audit?keyId=" + keyId)
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("key.revoked", "key.rotated", "key.issued")));
        Admin.as(issued.jsonPath().getString("secret"))
                .get("/api/v1/partners/audit")
                .then()
                .statusCode(401);
    }

    /** Through the gateway's access rules: a read key may read but not write; a write key may write; neither is admin. */
    @Test
    void scopesDecideWhatAKeyMayDo() {
        String partner = ADMIN.createPartner("Scoped Telecom " + UUID.randomUUID(), "standard");
        String reader =
                ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        String writer =
                ADMIN.issue(partner, "{\"scopes\":[\"write\"]}").jsonPath().getString("secret");
        String company = "{\"name\":\"Scope Test\",\"country\":\"DE\",\"kind\":\"group\"}";
        Admin.as(reader)
                .contentType("application/json")
                .body(company)
                .post("/api/v1/companies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        var backend = Backends.company();
        var stub = backend.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/companies")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"Scope Test\"}")));
        try {
            // A first request warms the stub server up (a cold Jetty can miss the tests' short backend timeout).
            io.restassured.RestAssured.given()
                    .contentType("application/json")
                    .body(company)
                    .post(backend.baseUrl() + "/companies")
                    .then()
                    .statusCode(201);
            backend.resetRequests();
            Admin.as(writer)
                    .contentType("application/json")
                    .body(company)
                    .post("/api/v1/companies")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Policy", "\"standard\";q=600;w=60")
                    .body("name", equalTo("Scope Test"));
            // It reached company-service as the partner, with an analyst's internal token (not the key itself).
            backend.verify(
                    1,
                    com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/companies"))
                            .withHeader(
                                    "Authorization",
                                    com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer ey.*"))
                            .withoutHeader("X-API-Key"));
        } finally {
            backend.removeStub(stub);
        }
        Admin.as(writer).get("/api/v1/partners").then().statusCode(403);
        Admin.as(writer).get("/api/v1/partners/audit").then().statusCode(403);
    }

    /**
     * After keys were issued (also idempotently, with a replay), rotated, used, refused and revoked, no secret is in
     * the database or the log: the keys of this test, and those of any other test that ran before it.
     */
    @Test
    void noKeySecretInTheDatabaseOrTheLog() throws Exception {
        String partner = ADMIN.createPartner("Secretive Telecom " + UUID.randomUUID(), "standard");
        List<String> own = new ArrayList<>();
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        own.add(issued.jsonPath().getString("secret"));
        String idempotencyKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            String secret = ADMIN.request()
                    .header("Idempotency-Key", idempotencyKey)
                    .body("{\"scopes\":[\"write\"]}")
                    .post("/api/v1/partners/" + partner + "/keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getString("secret");
            if (secret != null) {
                own.add(secret);
            }
        }
        String path =
                "/api/v1/partners/" + partner + "/keys/" + issued.jsonPath().getString("id");
        Response rotated =
                ADMIN.request().header("If-Match", issued.getHeader("ETag")).post(path + "/rotate");
        rotated.then().statusCode(201);
        own.add(rotated.jsonPath().getString("secret"));
        for (String secret : own) {
            verifier.verify(secret);
            Admin.as(secret).get("/api/v1/partners").then().statusCode(403);
        }
        ADMIN.request()
                .header("If-Match", ADMIN.request().get(path).getHeader("ETag"))
                .delete(path)
                .then()
                .statusCode(200);
        Admin.as(own.getFirst()).get("/api/v1/partners").then().statusCode(401);
        Admin.as(own.getFirst() + "x").get("/api/v1/partners").then().statusCode(401);
        Admin.SECRETS.addAll(own);

        Set<String> secrets = Set.copyOf(Admin.SECRETS);
        assertThat(own).hasSize(3).doesNotContainNull();
        assertThat(secrets).containsAll(own);
        List<String> secretParts = new ArrayList<>();
        for (String secret : secrets) {
            secretParts.add(secret);
            secretParts.add(secret.substring("drk_".length() + ApiKeys.PREFIX_LENGTH + 1)); // the random part alone
        }
        secretParts.add(PartnerTestConfig.BOOTSTRAP_KEY);

        StringBuilder dump = new StringBuilder();
        int rows = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresDatabase.user(), "");
                Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = sql.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            assertThat(tables).contains("partner", "api_key", "api_key_audit", "idempotency_record");
            for (String table : tables) {
                try (ResultSet r = sql.executeQuery("select * from \"" + table + "\"")) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        rows++;
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            dump.append(r.getString(c)).append('\t');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        assertThat(rows).isGreaterThan(10);
        assertThat(dump.toString()).contains("drk_").doesNotContain(secretParts);

        String log = Files.readString(PartnerTestConfig.LOG_FILE, StandardCharsets.UTF_8);
        assertThat(log).contains("issued for partner").contains("revoked by bootstrap-admin");
        assertThat(log).doesNotContain(secretParts);
    }

    private void assertRefused(String key) {
        try {
            verifier.verify(key);
            throw new AssertionError("key still accepted");
        } catch (AuthenticationFailedException expected) {
            // refused
        }
        Admin.as(key).get("/api/v1/partners").then().statusCode(401);
    }

    /** Asks for a key for {@code partner} with {@code body}, which must be refused: a 400 problem. */
    private static ValidatableResponse keyRefused(String partner, String body) {
        return ADMIN.request()
                .body(body)
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
