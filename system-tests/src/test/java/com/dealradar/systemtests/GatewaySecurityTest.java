package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.KeycloakTokens;
import com.dealradar.systemtests.contract.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, over EVERY operation of the committed public contract (so a new operation cannot
 * slip past) and every kind of caller: nobody, a malformed key, an unknown key, a revoked key, an expired
 * key, a read-only key, and the realm's viewer, analyst and admin with real Keycloak tokens.
 * "Allowed" means neither 401 nor 403: the request bodies here are deliberately empty, so an allowed write
 * is answered 400/404/412/428 by the API, and no data changes.
 */
class GatewaySecurityTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> READS = Set.of("get", "head");
    private static String gateway;
    private static String readKey;
    private static String writeKey;
    private static String revokedKey;
    private static String expiredKey;
    /** Every answer of the matrix whose security headers are wrong (see {@link #securityHeaderFaults}). */
    private static final List<String> HEADER_FAULTS = new ArrayList<>();

    private static int answersChecked;

    record Operation(String method, String template) {
        boolean read() {
            // Calendar subscriptions are a way to read: a read key creates and revokes its own.
            return READS.contains(method) || template.startsWith("/api/v1/calendar-subscriptions");
        }

        boolean admin() {
            // Partners and keys, and the write audit (who wrote what): admins only.
            return template.startsWith("/api/v1/partners") || template.startsWith("/api/v1/write-audit");
        }

        String path() {
            return template.replace("{idOrSlug}", "zte")
                    .replace("{code}", "GB")
                    .replace("{idOrCode}", "UK-NSIA")
                    .replaceAll("\\{[A-Za-z]+}", "00000000-0000-4000-8000-000000000000");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    @BeforeAll
    static void partnerKeys() throws Exception {
        gateway = Services.gateway().url();
        String partner = given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType("application/json")
                .body("{\"name\":\"Matrix Partner "
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"contact\":{\"email\":\"m@example.org\"}}")
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        readKey = issue(partner, "[\"read\"]", null);
        writeKey = issue(partner, "[\"write\"]", null);
        revokedKey = issue(partner, "[\"write\"]", null);
        // The packaged gateway runs on the real clock: an expiry a few seconds ahead (room for a slow issue), then
        // waiting for the behaviour (refused) rather than for a fixed time.
        expiredKey = issue(partner, "[\"write\"]", Instant.now().plusSeconds(5).toString());
        var revoked = given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .get("/api/v1/partners/" + partner + "/keys?limit=200")
                .then()
                .extract()
                .jsonPath();
        String revokedId = revoked.getString("items.find { '" + revokedKey + "'.startsWith('drk_' + it.prefix) }.id");
        String etag = given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .get("/api/v1/partners/" + partner + "/keys/" + revokedId)
                .header("ETag");
        given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .header("If-Match", etag)
                .delete("/api/v1/partners/" + partner + "/keys/" + revokedId)
                .then()
                .statusCode(200);
        for (String key : List.of(expiredKey, revokedKey)) {
            org.awaitility.Awaitility.await("refusal of a key past its expiry or revoked (key cache included)")
                    .atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> given().baseUri(gateway)
                                    .header("X-API-Key", key)
                                    .get("/api/v1/regions/GB")
                                    .statusCode()
                            == 401);
        }
    }

    private static String issue(String partner, String scopes, String expiresAt) {
        String body = "{\"name\":\"matrix\",\"scopes\":" + scopes
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        return given().baseUri(gateway)
                .header("X-API-Key", Services.ADMIN_KEY)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/partners/" + partner + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    static List<Operation> contractOperations() throws IOException {
        JsonNode contract = new ObjectMapper()
                .readTree(Path.of("..", "contract", "openapi.json").toFile());
        List<Operation> operations = new ArrayList<>();
        contract.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        operations.add(new Operation(method.getKey(), path.getKey()));
                    }
                }));
        return operations;
    }

    @Test
    void everyOperationForEveryKindOfCaller() throws Exception {
        List<Operation> operations = contractOperations();
        assertThat(operations).hasSizeGreaterThan(30);
        Map<String, Map<String, String>> callers = Map.of(
                "no credentials", Map.of(),
                "malformed key", Map.of("X-API-Key", "not a key"),
                "unknown key", Map.of("X-API-Key", "drk_zzzzzzzz_" + "A".repeat(43)),
                "revoked key", Map.of("X-API-Key", revokedKey),
                "expired key", Map.of("X-API-Key", expiredKey),
                "forged bearer", Map.of("Authorization", InternalTokens.analyst()));
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            for (var caller : callers.entrySet()) {
                HttpResponse<String> answer = call(op, caller.getValue());
                if (answer.statusCode() != 401
                        || answer.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    wrong.add(op + " as " + caller.getKey() + ": " + answer.statusCode());
                }
            }
            expect(wrong, op, "read-only key", Map.of("X-API-Key", readKey), o -> o.read() && !o.admin());
            expect(wrong, op, "write key", Map.of("X-API-Key", writeKey), o -> !o.admin());
            expect(
                    wrong,
                    op,
                    "viewer",
                    Map.of("Authorization", KeycloakTokens.bearer("viewer")),
                    o -> o.read() && !o.admin());
            expect(wrong, op, "analyst", Map.of("Authorization", KeycloakTokens.bearer("analyst")), o -> !o.admin());
            expect(wrong, op, "admin", Map.of("Authorization", KeycloakTokens.bearer("admin")), o -> true);
        }
        assertThat(wrong).as("operations answered wrongly").isEmpty();
        System.out.printf(
                "security headers: %d answers of %d operations checked, %d wrong%n",
                answersChecked, operations.size(), HEADER_FAULTS.size());
        assertThat(answersChecked).isGreaterThanOrEqualTo(operations.size() * (callers.size() + 5));
        assertThat(HEADER_FAULTS)
                .as("answers without OWASP's REST security headers")
                .isEmpty();
    }

    /**
     * OWASP's REST security headers (platform's microprofile-config.properties), whoever answered (the gateway, a
     * backend relayed, a problem of either) and whatever the status: no MIME sniffing, no framing, and an API answer
     * that no cache keeps, but for the calendar feed, which calendar applications poll (its own private max-age).
     * Each header exactly once: a resource that sets its own must replace the default, not add a second value.
     */
    static List<String> securityHeaderFaults(HttpResponse<?> answer) {
        List<String> faults = new ArrayList<>();
        var headers = answer.headers();
        if (!headers.allValues("X-Content-Type-Options").equals(List.of("nosniff"))) {
            faults.add("X-Content-Type-Options " + headers.allValues("X-Content-Type-Options"));
        }
        if (!headers.allValues("Content-Security-Policy").equals(List.of("frame-ancestors 'none'"))) {
            faults.add("Content-Security-Policy " + headers.allValues("Content-Security-Policy"));
        }
        String path = answer.request().uri().getPath();
        List<String> caching = headers.allValues("Cache-Control");
        if (path.startsWith("/api/")) {
            boolean feed = path.endsWith("/calendar.ics") && answer.statusCode() == 200;
            boolean ok = caching.size() == 1
                    && (feed
                            ? caching.getFirst().matches("private, max-age=\\d+")
                            : caching.getFirst().equals("no-store"));
            if (!ok) {
                faults.add("Cache-Control " + caching);
            }
        }
        return faults;
    }

    /** Allowed: neither 401 nor 403. Refused: exactly 403 with a problem body. */
    private static void expect(
            List<String> wrong, Operation op, String caller, Map<String, String> headers, Predicate<Operation> allowed)
            throws Exception {
        HttpResponse<String> answer = call(op, headers);
        boolean ok = allowed.test(op)
                ? answer.statusCode() != 401 && answer.statusCode() != 403 && answer.statusCode() < 500
                : answer.statusCode() == 403 && answer.body().contains("problems/forbidden");
        if (!ok) {
            wrong.add(op + " as " + caller + ": " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    private static HttpResponse<String> call(Operation op, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(gateway + op.path())).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        if (op.read()) {
            request.method(op.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(op.method().toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        HttpResponse<String> answer =
                ContractValidator.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        answersChecked++;
        List<String> faults = securityHeaderFaults(answer);
        if (!faults.isEmpty()) {
            HEADER_FAULTS.add(op + " (" + answer.statusCode() + "): " + faults);
        }
        return answer;
    }

    @Test
    void operationalEndpointsStayPublic() throws Exception {
        // The contract stays on the public port; health and metrics are on the management interface.
        String management = Services.gateway().managementUrl();
        for (String url : List.of(
                management + "/q/health/ready",
                management + "/q/health/live",
                gateway + "/q/openapi",
                gateway + "/q/swagger-ui/",
                management + "/q/metrics")) {
            HttpResponse<String> answer = ContractValidator.checked(
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(answer.statusCode()).as(url).isEqualTo(200);
            if (url.startsWith(gateway)) {
                // The contract and Swagger UI: no sniffing, no framing; their own caching (Swagger UI's assets are
                // immutable) is left alone outside /api.
                assertThat(securityHeaderFaults(answer)).as(url).isEmpty();
                assertThat(answer.headers().allValues("Cache-Control")).as(url).doesNotContain("no-store");
            }
        }
    }

    @Test
    void backendsRefuseCallersWithoutTheGatewaysToken() throws Exception {
        Map<String, List<String>> backends = Map.of(
                Services.company().url(), List.of("/companies", "/companies/zte", "/ownership-links"),
                Services.deal().url(), List.of("/deals", "/deals/973a4522-3530-5077-b71c-a59a70f0ce3f"),
                Services.region().url(),
                        List.of(
                                "/regions/GB",
                                "/regimes",
                                "/regulatory-matters",
                                "/certifications",
                                "/clearances/973a4522-3530-5077-b71c-a59a70f0ce3f"));
        for (var backend : backends.entrySet()) {
            for (String path : backend.getValue()) {
                for (Map<String, String> credentials : List.of(
                        Map.<String, String>of(),
                        Map.of("Authorization", KeycloakTokens.bearer("admin")),
                        Map.of("X-API-Key", Services.ADMIN_KEY))) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.getKey() + path));
                    credentials.forEach(request::header);
                    HttpResponse<String> answer =
                            ContractValidator.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
                    assertThat(answer.statusCode())
                            .as(backend.getKey() + path + " with " + credentials.keySet())
                            .isEqualTo(401);
                }
            }
        }
    }
}
