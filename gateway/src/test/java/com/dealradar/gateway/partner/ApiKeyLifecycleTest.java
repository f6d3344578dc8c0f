package com.dealradar.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.dealradar.platform.security.Roles;
import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@QuarkusTestResource(value = PostgresDatabase.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
@QuarkusTestResource(value = PartnerTestConfig.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeyLifecycleTest {

    static final Admin ADMIN = new Admin(PartnerTestConfig.BOOTSTRAP_KEY);

    @Inject
    ApiKeyVerifier verifier;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    @Order(1)
    void bootstrapKeyIsAdminAndOthersAreNot() {
        ADMIN.request().get("/api/v1/partners").then().statusCode(200).body("items", notNullValue());
        SecurityIdentity bootstrap = verifier.verify(PartnerTestConfig.BOOTSTRAP_KEY);
        assertThat(bootstrap.getPrincipal().getName()).isEqualTo("bootstrap-admin");
        assertThat(bootstrap.getRoles()).containsExactlyInAnyOrder(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);
        assertThat((String) bootstrap.getAttribute(SecurityAttributes.AUTH_METHOD)).isEqualTo("api_key");

        for (String bad : List.of(PartnerTestConfig.BOOTSTRAP_KEY + "x", "drk_abcdefgh_" + "A".repeat(43), "nonsense")) {
            Admin.as(bad).get("/api/v1/partners").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", notNullValue());
        }
        Admin.as(" ").get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void issueUseRotateRevoke() {
        String partner = ADMIN.createPartner("Lifecycle Telecom " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"name\":\"etl\",\"scopes\":[\"read\"]}");
        String key = issued.jsonPath().getString("secret");
        String keyId = issued.jsonPath().getString("id");
        assertThat(key).matches("drk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(key).startsWith("drk_" + issued.jsonPath().getString("prefix") + "_");
        issued.then().header("ETag", notNullValue()).header("Location", containsString("/api/v1/partners/" + partner + "/keys/" + keyId))
                .body("status", equalTo("active")).body("scopes", equalTo(List.of("read")));

        // Its identity: the partner, viewer only, with the contract's attributes.
        SecurityIdentity identity = verifier.verify(key);
        assertThat(identity.getPrincipal().getName()).isEqualTo("partner:" + partner);
        assertThat(identity.getRoles()).containsExactly(Roles.VIEWER);
        assertThat((String) identity.getAttribute(SecurityAttributes.PARTNER_ID)).isEqualTo(partner);
        assertThat((String) identity.getAttribute(SecurityAttributes.KEY_ID)).isEqualTo(keyId);
        assertThat((String) identity.getAttribute(SecurityAttributes.PLAN)).isEqualTo("standard");
        // A partner's key is never admin: the partner API refuses it.
        Admin.as(key).get("/api/v1/partners").then().statusCode(403).contentType("application/problem+json");

        // Listed without secrets.
        ADMIN.request().get("/api/v1/partners/" + partner + "/keys").then().statusCode(200)
                .body("items.id", hasItem(keyId)).body("items[0].secret", nullValue());
        Response read = ADMIN.request().get("/api/v1/partners/" + partner + "/keys/" + keyId);
        read.then().statusCode(200).body("secret", nullValue());
        ADMIN.request().header("If-None-Match", read.getHeader("ETag")).get("/api/v1/partners/" + partner + "/keys/" + keyId)
                .then().statusCode(304);

        // Rotate: needs If-Match; both keys work during the overlap, the old one is refused after it.
        ADMIN.request().body("{\"overlap\":\"PT2S\"}").post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate")
                .then().statusCode(428);
        Response rotated = ADMIN.request().header("If-Match", read.getHeader("ETag")).body("{\"overlap\":\"PT2S\"}")
                .post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate");
        rotated.then().statusCode(201).body("replacesId", equalTo(keyId)).body("scopes", equalTo(List.of("read")));
        String newKey = rotated.jsonPath().getString("secret");
        String newKeyId = rotated.jsonPath().getString("id");
        Admin.SECRETS.add(newKey);
        assertThat(newKey).isNotEqualTo(key);
        assertThat(verifier.verify(key).getPrincipal().getName()).isEqualTo("partner:" + partner);
        assertThat(verifier.verify(newKey).getPrincipal().getName()).isEqualTo("partner:" + partner);
        ADMIN.request().get("/api/v1/partners/" + partner + "/keys/" + keyId).then()
                .body("status", equalTo("rotating")).body("replacedById", equalTo(newKeyId));
        // A rotating key cannot be rotated again (with its current ETag: 409).
        String rotatingTag = ADMIN.request().get("/api/v1/partners/" + partner + "/keys/" + keyId).getHeader("ETag");
        ADMIN.request().header("If-Match", rotatingTag).post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate")
                .then().statusCode(409);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertRefused(key));
        assertThat(verifier.verify(newKey).getRoles()).containsExactly(Roles.VIEWER);
        ADMIN.request().get("/api/v1/partners/" + partner + "/keys/" + keyId).then().body("status", equalTo("expired"));

        // Revoke: If-Match required (428), stale is 412, then refused at once.
        String path = "/api/v1/partners/" + partner + "/keys/" + newKeyId;
        ADMIN.request().delete(path).then().statusCode(428);
        ADMIN.request().header("If-Match", "\"999\"").delete(path).then().statusCode(412);
        String tag = ADMIN.request().get(path).getHeader("ETag");
        ADMIN.request().header("If-Match", tag).delete(path).then().statusCode(200)
                .body("status", equalTo("revoked")).body("revokedBy", equalTo("bootstrap-admin"));
        assertRefused(newKey);
        Admin.as(newKey).get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
    }

    /** Another replica revokes the key: this one (which read the key before) refuses it within ~2 s. */
    @Test
    @Order(3)
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
        Instant revoked = Instant.now();
        await().atMost(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertRefused(key));
        assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    @Order(4)
    void expiredKeyIsRefusedAndPastExpiryIsInvalid() {
        String partner = ADMIN.createPartner("Expiring Telecom " + UUID.randomUUID(), "standard");
        ADMIN.request().body("{\"scopes\":[\"read\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                .post("/api/v1/partners/" + partner + "/keys").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("expiresAt"));
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"],\"expiresAt\":\"" + Instant.now().plusSeconds(2) + "\"}");
        String key = issued.jsonPath().getString("secret");
        assertThat(verifier.verify(key).getRoles()).containsExactly(Roles.VIEWER);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertRefused(key));
        Admin.as(key).get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(5)
    void lastUsedIsRecordedAtMostOncePerInterval() throws Exception {
        String partner = ADMIN.createPartner("Usage Telecom " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        String path = "/api/v1/partners/" + partner + "/keys/" + issued.jsonPath().getString("id");
        ADMIN.request().get(path).then().body("lastUsedAt", nullValue());
        String key = issued.jsonPath().getString("secret");
        verifier.verify(key);
        String first = ADMIN.request().get(path).then().body("lastUsedAt", notNullValue()).extract().jsonPath().getString("lastUsedAt");
        Thread.sleep(20);
        verifier.verify(key);
        Admin.as(key).get("/api/v1/partners"); // 403, but the key was used
        ADMIN.request().get(path).then().body("lastUsedAt", equalTo(first));
    }

    @Test
    @Order(6)
    void partnersAreValidatedPatchedAndPaged() {
        ADMIN.request().body("{\"name\":\"x\",\"contact\":{\"email\":\"api@example.org\"},\"plan\":\"gold-plated\"}")
                .post("/api/v1/partners").then().statusCode(400).body("errors[0].field", equalTo("plan"));
        ADMIN.request().body("{\"name\":\"\",\"contact\":{\"email\":\"not-an-email\"}}")
                .post("/api/v1/partners").then().statusCode(400).contentType("application/problem+json");
        ADMIN.request().body("{\"name\":\"x\",\"contact\":{\"email\":\"api@example.org\"},\"colour\":\"red\"}")
                .post("/api/v1/partners").then().statusCode(400);
        String partner = ADMIN.request().body("{\"name\":\"Default Plan Ltd\",\"contact\":{\"email\":\"api@example.org\"}}")
                .post("/api/v1/partners").then().statusCode(201).body("plan", equalTo("standard"))
                .extract().jsonPath().getString("id");
        ADMIN.request().body("{\"scopes\":[\"admin\"]}").post("/api/v1/partners/" + partner + "/keys").then().statusCode(400);
        ADMIN.request().body("{\"scopes\":[]}").post("/api/v1/partners/" + partner + "/keys").then().statusCode(400);

        String path = "/api/v1/partners/" + partner;
        String tag = ADMIN.request().get(path).then().statusCode(200).extract().header("ETag");
        ADMIN.request().contentType("application/merge-patch+json").body("{\"plan\":\"premium\"}").patch(path).then().statusCode(428);
        ADMIN.request().contentType("application/merge-patch+json").header("If-Match", tag).body("{\"plan\":\"premium\"}")
                .patch(path).then().statusCode(200).body("plan", equalTo("premium")).body("name", equalTo("Default Plan Ltd"));
        ADMIN.request().contentType("application/merge-patch+json").header("If-Match", tag).body("{\"plan\":\"standard\"}")
                .patch(path).then().statusCode(412);
        ADMIN.request().get("/api/v1/partners/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        ADMIN.request().get("/api/v1/partners/not-a-uuid").then().statusCode(400);

        Response first = ADMIN.request().get("/api/v1/partners?limit=2");
        first.then().statusCode(200).header("Link", containsString("rel=\"next\""));
        String cursor = first.jsonPath().getString("nextCursor");
        List<String> firstIds = first.jsonPath().getList("items.id");
        ADMIN.request().get("/api/v1/partners?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(firstIds.get(0))));
        ADMIN.request().get("/api/v1/partners?cursor=garbage").then().statusCode(400);
    }

    @Test
    @Order(7)
    void idempotentIssuanceNeverReplaysOrStoresTheSecret() {
        String partner = ADMIN.createPartner("Idempotent Telecom " + UUID.randomUUID(), "standard");
        String idempotencyKey = UUID.randomUUID().toString();
        Response first = ADMIN.request().header("Idempotency-Key", idempotencyKey).body("{\"scopes\":[\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys");
        first.then().statusCode(201).body("secret", notNullValue());
        Admin.SECRETS.add(first.jsonPath().getString("secret"));
        ADMIN.request().header("Idempotency-Key", idempotencyKey).body("{\"scopes\":[\"read\"]}")
                .post("/api/v1/partners/" + partner + "/keys").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.jsonPath().getString("id")))
                .body("secret", nullValue());
        ADMIN.request().header("Idempotency-Key", idempotencyKey).body("{\"scopes\":[\"write\"]}")
                .post("/api/v1/partners/" + partner + "/keys").then().statusCode(422);
    }

    @Test
    @Order(8)
    void auditTrailSaysWhoDidWhatWhen() {
        String partner = ADMIN.createPartner("Audited Telecom " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        String keyId = issued.jsonPath().getString("id");
        String path = "/api/v1/partners/" + partner + "/keys/" + keyId;
        Response rotated = ADMIN.request().header("If-Match", issued.getHeader("ETag")).post(path + "/rotate");
        rotated.then().statusCode(201);
        Admin.SECRETS.add(rotated.jsonPath().getString("secret"));
        String tag = ADMIN.request().get(path).getHeader("ETag");
        ADMIN.request().header("If-Match", tag).header("X-Request-Id", "audit-test-" + PartnerTestConfig.RUN).delete(path)
                .then().statusCode(200);

        Response trail = ADMIN.request().get("/api/v1/partners/audit?partnerId=" + partner);
        trail.then().statusCode(200);
        List<String> actions = trail.jsonPath().getList("items.action");
        assertThat(actions).containsExactly("key.revoked", "key.issued", "key.rotated", "key.issued", "partner.created");
        assertThat(trail.jsonPath().getList("items.actor", String.class)).containsOnly("bootstrap-admin");
        assertThat(trail.jsonPath().getList("items.occurredAt", String.class)).allSatisfy(at -> assertThat(Instant.parse(at)).isNotNull());
        trail.then().body("items[0].keyId", equalTo(keyId)).body("items[0].keyPrefix", equalTo(issued.jsonPath().getString("prefix")))
                .body("items[0].requestId", equalTo("audit-test-" + PartnerTestConfig.RUN));
        Response page = ADMIN.request().get("/api/v1/partners/audit?partnerId=" + partner + "&limit=2");
        page.then().statusCode(200).body("items.size()", equalTo(2)).header("Link", notNullValue());
        ADMIN.request().get("/api/v1/partners/audit?partnerId=" + partner + "&limit=2&cursor=" + page.jsonPath().getString("nextCursor"))
                .then().statusCode(200).body("items[0].action", equalTo("key.rotated"));
        ADMIN.request().get("/api/v1/partners/audit?keyId=" + keyId).then().statusCode(200)
                .body("items.action", equalTo(List.of("key.revoked", "key.rotated", "key.issued")));
        Admin.as(issued.jsonPath().getString("secret")).get("/api/v1/partners/audit").then().statusCode(401);
    }

    /** Through the gateway's access rules: a read key may read but not write; a write key may write; neither is admin. */
    @Test
    @Order(9)
    void scopesDecideWhatAKeyMayDo() {
        String partner = ADMIN.createPartner("Scoped Telecom " + UUID.randomUUID(), "standard");
        String reader = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        String writer = ADMIN.issue(partner, "{\"scopes\":[\"write\"]}").jsonPath().getString("secret");
        String company = "{\"name\":\"Scope Test\",\"country\":\"DE\",\"kind\":\"group\"}";
        Admin.as(reader).contentType("application/json").body(company).post("/api/v1/companies").then().statusCode(403)
                .contentType("application/problem+json");
        int written = Admin.as(writer).contentType("application/json").body(company).post("/api/v1/companies").then()
                .header("RateLimit-Policy", "\"standard\";q=600;w=60").extract().statusCode();
        assertThat(written).as("a write key passes the access rules (the stub backend answers)").isNotIn(401, 403);
        Admin.as(writer).get("/api/v1/partners").then().statusCode(403);
        Admin.as(writer).get("/api/v1/partners/audit").then().statusCode(403);
    }

    /** Last: after all the keys above were issued, rotated, used and revoked, no secret is in the database or the log. */
    @Test
    @Order(100)
    void noKeySecretInTheDatabaseOrTheLog() throws Exception {
        Set<String> secrets = Set.copyOf(Admin.SECRETS);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(8).doesNotContainNull();
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
            try (ResultSet t = sql.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
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
        assertThat(rows).isGreaterThan(20);
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
}
