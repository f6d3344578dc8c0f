package com.dealradar.gateway.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.RawHttp;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partners' keys at the edge: one key header only, no key in the URL (and none in a log), every request's actor
 * in its access-log line, refusals limited per key prefix and per source address, Location never from Host.
 */
@QuarkusTest
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
@QuarkusTestResource(value = PartnerTestConfig.class, restrictToAnnotatedClass = true)
class CallerHardeningTest {

    /**
     * Where the secret of a key starts ({@code drk_<prefix>_<secret>}): after the marker, the prefix and one
     * underscore. Not after the last underscore: base64url secrets contain underscores too, and a secret cut there
     * could be one character that any log contains.
     */
    private static final int SECRET_START = ApiKeys.MARKER.length() + ApiKeys.PREFIX_LENGTH + 1;

    static final Admin ADMIN = new Admin(PartnerTestConfig.BOOTSTRAP_KEY);

    @TestHTTPResource("/")
    URL base;

    @Inject
    ApiKeyVerifier verifier;

    @ConfigProperty(name = "dealradar.gateway.backends.company-service.url")
    String companyService;

    @BeforeEach
    void stubBackend() {
        URI backend = URI.create(companyService);
        new WireMock(backend.getHost(), backend.getPort())
                .register(WireMock.get(WireMock.urlPathEqualTo("/companies"))
                        .willReturn(WireMock.okJson("{\"items\":[]}")));
    }

    @Test
    void twoKeyHeadersAreRefused() {
        String partner = ADMIN.createPartner("Two Headers Ltd " + UUID.randomUUID(), "standard");
        String key = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        given().header("X-API-Key", key).get("/api/v1/companies").then().statusCode(200);
        given().header("X-API-Key", key)
                .header("X-API-Key", PartnerTestConfig.BOOTSTRAP_KEY)
                .get("/api/v1/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", PartnerTestConfig.BOOTSTRAP_KEY)
                .header("X-API-Key", key)
                .get("/api/v1/companies")
                .then()
                .statusCode(401);
    }

    @Test
    void keyInTheUrlIsRefusedAndNeverLoggedWhileTheActorOfEachRequestIs() throws Exception {
        String partner = ADMIN.createPartner("Logged Ltd " + UUID.randomUUID(), "standard");
        Response issued = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}");
        String key = issued.jsonPath().getString("secret");
        String keyId = issued.jsonPath().getString("id");
        given().queryParam("api_key", key)
                .queryParam("q", "x")
                .get("/api/v1/companies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("api_key"))
                .body("errors[0].message", containsString("X-API-Key header"));
        String requestId = "actor-" + UUID.randomUUID();
        given().header("X-API-Key", key)
                .header("X-Request-Id", requestId)
                .get("/api/v1/companies")
                .then()
                .statusCode(200);
        String log = awaitLogLine(requestId);
        assertThat(log).doesNotContain(key).doesNotContain(key.substring(SECRET_START));
        assertThat(log).contains("api_key=***&q=x");
        String line = log.lines()
                .filter(l -> l.contains("access-log") && l.contains("req=" + requestId))
                .findFirst()
                .orElseThrow();
        System.out.println("access log: " + line);
        assertThat(line).contains("actor=partner:" + partner + "/key:" + keyId);
    }

    @Test
    void refusalsAreLimitedPerKeyPrefixAndPerSourceAddress() {
        String partner = ADMIN.createPartner("Guessed Ltd " + UUID.randomUUID(), "standard");
        String key = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        String prefixPart = key.substring(0, SECRET_START);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int attempts = PartnerTestConfig.REFUSALS_PER_KEY_PREFIX + 3;
        for (int i = 0; i < attempts; i++) {
            String guess = prefixPart
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .repeat(2)
                            .substring(0, key.length() - prefixPart.length());
            statuses.merge(
                    given().header("X-API-Key", guess).get("/api/v1/companies").statusCode(), 1, Integer::sum);
        }
        System.out.println(attempts + " guesses of one key's secret: " + statuses);
        assertThat(statuses)
                .containsEntry(401, PartnerTestConfig.REFUSALS_PER_KEY_PREFIX)
                .containsEntry(429, 3);
        // The address that guessed waits, even with the right key...
        given().header("X-API-Key", key)
                .get("/api/v1/companies")
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/problem+json");
        // ...while the key's owner elsewhere (127.0.0.5) keeps being served: knowing a key's prefix, which is not
        // secret, does not let anyone lock its partner out. A guess from a new address (127.0.0.6) is checked once,
        // then that address waits too.
        String host = base.getHost();
        int port = base.getPort();
        String read = "GET /api/v1/companies HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\nX-API-Key: %s\r\n\r\n";
        String guess = prefixPart + "x".repeat(key.length() - prefixPart.length());
        int owner =
                RawHttp.sendFrom("127.0.0.5", host, port, read.formatted(key)).status();
        int firstFromNewAddress =
                RawHttp.sendFrom("127.0.0.6", host, port, read.formatted(guess)).status();
        int secondFromNewAddress =
                RawHttp.sendFrom("127.0.0.6", host, port, read.formatted(guess)).status();
        int ownerAgain =
                RawHttp.sendFrom("127.0.0.5", host, port, read.formatted(key)).status();
        System.out.printf(
                "prefix over its budget: owner from 127.0.0.5 -> %d; guesses from 127.0.0.6 -> %d, %d; owner -> %d%n",
                owner, firstFromNewAddress, secondFromNewAddress, ownerAgain);
        assertThat(List.of(owner, firstFromNewAddress, secondFromNewAddress, ownerAgain))
                .containsExactly(200, 401, 429, 200);
        // Other keys from the guessing address are not held back by this key's budget.
        String otherKey =
                ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        given().header("X-API-Key", otherKey).get("/api/v1/companies").then().statusCode(200);

        // Per source address: another client (127.0.0.2) tries random keys and tokens.
        Map<Integer, Integer> fromOther = new TreeMap<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PartnerTestConfig.REFUSALS_PER_ADDRESS + 5; i++) {
            String credential =
                    i % 2 == 0 ? "X-API-Key: drk_" + UUID.randomUUID() : "Authorization: Bearer not-a-token-" + i;
            RawHttp.Answer answer = RawHttp.sendFrom(
                    "127.0.0.2",
                    host,
                    port,
                    "GET /api/v1/companies HTTP/1.1\r\nHost: gateway\r\n" + credential
                            + "\r\nConnection: close\r\n\r\n");
            fromOther.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 429) {
                bodies.add(answer.body());
            }
        }
        System.out.println(
                (PartnerTestConfig.REFUSALS_PER_ADDRESS + 5) + " refused attempts from 127.0.0.2: " + fromOther);
        assertThat(fromOther)
                .containsEntry(401, PartnerTestConfig.REFUSALS_PER_ADDRESS)
                .containsEntry(429, 5);
        assertThat(bodies).allMatch(b -> b.contains("https://dealradar.dev/problems/rate-limited"));
        // This address (127.0.0.1) is unaffected.
        given().header("X-API-Key", otherKey).get("/api/v1/companies").then().statusCode(200);
    }

    /**
     * A client over its budget of refusals is stopped before its credentials are tried on the gateway's own resources
     * too (partners, keys, webhooks: JAX-RS resources whose role check authenticates right after matching), not only on
     * the pass-through: before, a guess there was still answered 401, or 403 for a valid partner key, and the
     * bootstrap admin key 200, so guessing went on at full speed and the answer told which guess was right.
     */
    @Test
    void aClientOverItsBudgetIsStoppedBeforeItsCredentialsAreTriedOnEveryResource() {
        String host = base.getHost();
        int port = base.getPort();
        String read = "GET %s HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\nX-API-Key: %s\r\n\r\n";
        Map<Integer, Integer> spent = new TreeMap<>();
        for (int i = 0; i < PartnerTestConfig.REFUSALS_PER_ADDRESS; i++) {
            spent.merge(
                    RawHttp.sendFrom(
                                    "127.0.0.7",
                                    host,
                                    port,
                                    read.formatted("/api/v1/companies", "drk_" + UUID.randomUUID()))
                            .status(),
                    1,
                    Integer::sum);
        }
        Map<Integer, Integer> guesses = new TreeMap<>();
        for (String path : List.of("/api/v1/partners", "/api/v1/partners/" + UUID.randomUUID() + "/keys")) {
            for (String key : List.of("drk_" + UUID.randomUUID(), "not-even-a-key", PartnerTestConfig.BOOTSTRAP_KEY)) {
                guesses.merge(
                        RawHttp.sendFrom("127.0.0.7", host, port, read.formatted(path, key))
                                .status(),
                        1,
                        Integer::sum);
            }
        }
        System.out.printf(
                "%d unknown keys from 127.0.0.7: %s; then 6 requests to the partner resources (2 unknown keys, the"
                        + " admin key, twice): %s%n",
                PartnerTestConfig.REFUSALS_PER_ADDRESS, spent, guesses);
        assertThat(spent).containsExactly(Map.entry(401, PartnerTestConfig.REFUSALS_PER_ADDRESS));
        assertThat(guesses).containsExactly(Map.entry(429, 6));
        // Another address is served.
        ADMIN.request().get("/api/v1/partners").then().statusCode(200);
    }

    /**
     * Forbidden answers (403: a read key writing) count toward the refusal limits as unauthenticated ones do: per key
     * prefix, and per source address together with 401s. Each client is a local address of its own; another client
     * keeps being served throughout.
     */
    @Test
    void forbiddenAnswersCountTowardTheRefusalLimits() {
        String host = base.getHost();
        int port = base.getPort();
        String partner = ADMIN.createPartner("Forbidden Ltd " + UUID.randomUUID(), "standard");
        String writer =
                ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        String other =
                ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        String write = "POST /api/v1/companies HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\nX-API-Key: %s\r\n\r\n{}";
        String read = "GET /api/v1/companies HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\nX-API-Key: %s\r\n\r\n";

        // Per key prefix: a read key writing from 127.0.0.3.
        Map<Integer, Integer> byKey = new TreeMap<>();
        int othersServed = 0;
        int attempts = PartnerTestConfig.REFUSALS_PER_KEY_PREFIX + 3;
        for (int i = 0; i < attempts; i++) {
            byKey.merge(
                    RawHttp.sendFrom("127.0.0.3", host, port, write.formatted(writer))
                            .status(),
                    1,
                    Integer::sum);
            othersServed +=
                    given().header("X-API-Key", other).get("/api/v1/companies").statusCode() == 200 ? 1 : 0;
        }
        System.out.printf(
                "%d writes with a read key from 127.0.0.3: %s; another key from 127.0.0.1 meanwhile: %d of %d served%n",
                attempts, byKey, othersServed, attempts);
        assertThat(byKey)
                .containsEntry(403, PartnerTestConfig.REFUSALS_PER_KEY_PREFIX)
                .containsEntry(429, 3);
        assertThat(othersServed).isEqualTo(attempts);

        // Per address: 403s and 401s from 127.0.0.4 add up; past the limit even a valid key from there waits.
        String forbiddenKey =
                ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        Map<Integer, Integer> byAddress = new TreeMap<>();
        int forbidden = PartnerTestConfig.REFUSALS_PER_KEY_PREFIX;
        for (int i = 0; i < forbidden; i++) {
            byAddress.merge(
                    RawHttp.sendFrom("127.0.0.4", host, port, write.formatted(forbiddenKey))
                            .status(),
                    1,
                    Integer::sum);
        }
        for (int i = 0; i < PartnerTestConfig.REFUSALS_PER_ADDRESS - forbidden; i++) {
            byAddress.merge(
                    RawHttp.sendFrom("127.0.0.4", host, port, read.formatted("drk_" + UUID.randomUUID()))
                            .status(),
                    1,
                    Integer::sum);
        }
        for (int i = 0; i < 5; i++) {
            byAddress.merge(
                    RawHttp.sendFrom("127.0.0.4", host, port, read.formatted(other))
                            .status(),
                    1,
                    Integer::sum);
        }
        int servedElsewhere =
                given().header("X-API-Key", other).get("/api/v1/companies").statusCode();
        System.out.printf(
                "%d requests from 127.0.0.4 (%d forbidden writes, %d unknown keys, 5 with a valid key): %s; "
                        + "the valid key from 127.0.0.1 -> %d%n",
                PartnerTestConfig.REFUSALS_PER_ADDRESS + 5,
                forbidden,
                PartnerTestConfig.REFUSALS_PER_ADDRESS - forbidden,
                byAddress,
                servedElsewhere);
        assertThat(byAddress)
                .containsEntry(403, forbidden)
                .containsEntry(401, PartnerTestConfig.REFUSALS_PER_ADDRESS - forbidden)
                .containsEntry(429, 5);
        assertThat(servedElsewhere).isEqualTo(200);
    }

    @Test
    void gatewayWritesAreAuditedAndLocationIgnoresTheHostHeader() {
        Response created = ADMIN.request()
                .header("Host", "evil.example")
                .body(Map.of(
                        "name",
                        "Audit Ltd " + UUID.randomUUID(),
                        "contact",
                        Map.of("email", "a@example.org"),
                        "plan",
                        "standard"))
                .post("/api/v1/partners");
        created.then().statusCode(201);
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).isEqualTo("/api/v1/partners/" + id);
        ADMIN.request()
                .queryParam("resource", "/api/v1/partners/" + id)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo("service:bootstrap-admin key:bootstrap"))
                .body("items[0].method", equalTo("POST"))
                .body("items[0].resource", equalTo("/api/v1/partners/" + id));
        // A write by path (no Location) is filed under the same path, the id spelled as the answer spells it.
        ADMIN.request()
                .header("If-Match", created.header("ETag"))
                .body(Map.of("name", "Audit Ltd renamed " + UUID.randomUUID()))
                .patch("/api/v1/partners/" + id.toUpperCase(java.util.Locale.ROOT))
                .then()
                .statusCode(200);
        ADMIN.request()
                .queryParam("resource", "/api/v1/partners/" + id)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(200)
                .body("items.method", org.hamcrest.Matchers.contains("PATCH", "POST"))
                .body("items.resource", org.hamcrest.Matchers.everyItem(equalTo("/api/v1/partners/" + id)));
        // Paged: the first page of one entry links to the second, which is the last.
        Response firstPage = ADMIN.request()
                .queryParam("resource", "/api/v1/partners/" + id)
                .queryParam("limit", "1")
                .get("/api/v1/write-audit");
        firstPage.then().statusCode(200).body("items.method", org.hamcrest.Matchers.contains("PATCH"));
        String next = firstPage.header("Link").replaceAll("^<([^>]*)>; rel=\"next\"$", "$1");
        assertThat(next).startsWith("/api/v1/write-audit?").contains("limit=1", "cursor=");
        Response secondPage = ADMIN.request().urlEncodingEnabled(false).get(next);
        secondPage.then().statusCode(200).body("items.method", org.hamcrest.Matchers.contains("POST"));
        assertThat(secondPage.header("Link")).isNull();
        ADMIN.request()
                .queryParam("resource", "/api/v1/partners/" + id)
                .queryParam("limit", "501")
                .get("/api/v1/write-audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ADMIN.request()
                .queryParam("resource", "/api/v1/partners/" + id)
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/write-audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String reader =
                ADMIN.issue(id, "{\"scopes\":[\"read\",\"write\"]}").jsonPath().getString("secret");
        Admin.as(reader)
                .queryParam("resource", "/api/v1/partners/" + id)
                .get("/api/v1/write-audit")
                .then()
                .statusCode(403);
        ADMIN.request().get("/api/v1/write-audit").then().statusCode(400).body("detail", containsString("resource"));
    }

    private static String awaitLogLine(String requestId) throws Exception {
        for (int i = 0; i < 50; i++) {
            String log = Files.readString(PartnerTestConfig.LOG_FILE, StandardCharsets.UTF_8);
            if (log.contains("req=" + requestId)) {
                return log;
            }
            Thread.sleep(100);
        }
        return Files.readString(PartnerTestConfig.LOG_FILE, StandardCharsets.UTF_8);
    }

    /**
     * A flood of unknown key prefixes (more than the cache holds) is refused key by key and evicts only what the
     * bound requires: the cache stays bounded and stays full, instead of being emptied for every partner at once.
     * The verifier is called directly so that the per-address refusal limit does not stop the flood early.
     */
    @Test
    void aFloodOfUnknownKeysKeepsTheKeyCacheBoundedWithoutEmptyingIt() {
        String partner = ADMIN.createPartner("Cache Flood Ltd " + UUID.randomUUID(), "standard");
        String key = ADMIN.issue(partner, "{\"scopes\":[\"read\"]}").jsonPath().getString("secret");
        int flood = ApiKeyVerifier.MAX_CACHED + 2_000;
        int refused = 0;
        int partnerCallsAccepted = 0;
        for (int i = 0; i < flood; i++) {
            try {
                verifier.verify(ApiKeys.generate().key());
            } catch (AuthenticationFailedException expected) {
                refused++;
            }
            if (i % 1_000 == 0 && verifier.verify(key) != null) {
                partnerCallsAccepted++;
            }
        }
        long cached = verifier.cachedEntries();
        System.out.printf(
                "key cache flood: %d unknown keys, %d refused; partner's key accepted %d times; entries cached "
                        + "afterwards %d (bound %d)%n",
                flood, refused, partnerCallsAccepted, cached, ApiKeyVerifier.MAX_CACHED);
        assertThat(refused).isEqualTo(flood);
        assertThat(partnerCallsAccepted).isEqualTo((flood + 999) / 1_000);
        assertThat(cached).isLessThanOrEqualTo(ApiKeyVerifier.MAX_CACHED).isGreaterThan(ApiKeyVerifier.MAX_CACHED / 2);
    }
}
