package com.dealradar.company.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.dealradar.platform.testing.InternalTokens;
import com.dealradar.platform.testing.MalformedRequests;
import com.dealradar.platform.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The platform's hardening, seen through company-service: tokens that outlive their promise, text that cannot
 * be stored, idempotency keys of two callers, the write audit, and metrics that invented methods cannot grow.
 */
@QuarkusTest
class HardeningTest {

    @TestHTTPResource("/")
    URL root;

    /** Metrics are served on the management interface only (a random port in tests; 9000, never routed, in production). */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void internalTokensHaveASmallSkewAndACappedLifetime() {
        long now = System.currentTimeMillis() / 1000;
        // Valid now: 200.
        given().header("Authorization", InternalTokens.analystAt(now - 5, now + 55))
                .get("/companies/zte")
                .then()
                .statusCode(200);
        // Expired 30 s ago: the 60 s skew of the default would have let it in.
        given().header("Authorization", InternalTokens.analystAt(now - 90, now - 30))
                .get("/companies/zte")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // Expired 10 s ago: beyond the 5 s skew.
        given().header("Authorization", InternalTokens.analystAt(now - 70, now - 10))
                .get("/companies/zte")
                .then()
                .statusCode(401);
        // Ten years ahead, correctly signed: refused for its lifetime.
        given().header("Authorization", InternalTokens.analystAt(now, now + 10L * 365 * 24 * 3600))
                .get("/companies/zte")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // Just over the 120 s cap.
        given().header("Authorization", InternalTokens.analystAt(now, now + 130))
                .get("/companies/zte")
                .then()
                .statusCode(401);
    }

    @Test
    void nulAndLoneSurrogatesInAnyStringAre400NamingTheField() {
        String nul = CompanyFixtures.body("Nul\\u0000 Co", "DE");
        given().contentType(ContentType.JSON)
                .body(nul)
                .post("/companies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("NUL"));
        String surrogate = CompanyFixtures.body("Lone \\ud800 Co", "DE");
        given().contentType(ContentType.JSON)
                .body(surrogate)
                .post("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("surrogate"));
        // Deeper: an element of an array, and a string inside an object of a list.
        String inArray = CompanyFixtures.body("Array Co " + UUID.randomUUID(), "DE")
                .replace("Alias\"]", "Alias\", \"x\\udc00\"]");
        given().contentType(ContentType.JSON)
                .body(inArray)
                .post("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("aliases[1]"));
        String inSource =
                CompanyFixtures.body("Source Co " + UUID.randomUUID(), "DE").replace("test fixture", "a\\u0000b");
        given().contentType(ContentType.JSON)
                .body(inSource)
                .post("/companies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sources[0].note"));
        // A merge patch too.
        String id =
                CompanyFixtures.create(CompanyFixtures.uniqueName("Patch Co")).path("id");
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"headquartersCity\":\"B\\u0000\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("headquartersCity"));
        // A valid pair (an emoji) is text like any other.
        given().contentType(ContentType.JSON)
                .body(CompanyFixtures.body("Emoji \\ud83d\\ude00 " + UUID.randomUUID(), "DE"))
                .post("/companies")
                .then()
                .statusCode(201);
    }

    @Test
    void textIsStoredComposed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // "Bolloré" as a decomposed e and combining acute accent (U+0301), in the name and in a nested list.
        String decomposed = "Bollore\\u0301 " + suffix;
        String composed = "Bollor\u00e9 " + suffix;
        Response created = given().contentType(ContentType.JSON)
                .body(CompanyFixtures.body(decomposed, "FR"))
                .post("/companies");
        created.then().statusCode(201);
        System.out.println("decomposed name stored as: " + created.path("name"));
        assertThat(created.<String>path("name")).isEqualTo(composed).hasSize(8 + suffix.length());
        assertThat(created.<List<String>>path("aliases")).containsExactly(composed + " Alias");
        given().get("/companies/" + created.path("id")).then().statusCode(200).body("name", equalTo(composed));
    }

    @Test
    void jacksonInternalsAreNeverQuoted() {
        String hugeNumber = "{\"name\":" + "9".repeat(1500) + ",\"country\":\"DE\"}";
        Response answer = given().contentType(ContentType.JSON).body(hugeNumber).post("/companies");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString())
                .doesNotContain("StreamReadConstraints")
                .doesNotContain("com.fasterxml")
                .doesNotContain("`");
        String deep = "{\"name\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
        Response nested = given().contentType(ContentType.JSON).body(deep).post("/companies");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.asString()).doesNotContain("StreamReadConstraints").doesNotContain("com.fasterxml");
        // The limit's sentence is whole (it was cut after "(1000"), and a 406 says what to ask for, not "@Produces".
        assertThat(answer.jsonPath().getString("detail")).containsPattern("maximum allowed \\(\\d+\\)$");
        Response xml = given().accept("application/xml").get("/companies");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.jsonPath().getString("detail"))
                .doesNotContain("@Produces")
                .contains("application/json");
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String partnerA = InternalTokens.partner(
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String partnerB = InternalTokens.partner(
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String body = CompanyFixtures.body(CompanyFixtures.uniqueName("Shared Key Co"), "DE");

        Response a = given().header("Authorization", partnerA)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/companies");
        Response b = given().header("Authorization", partnerB)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/companies");
        Response bOther = given().header("Authorization", partnerB)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("B Co"), "DE"))
                .post("/companies");
        String keyOfC = UUID.randomUUID().toString();
        String partnerC = InternalTokens.partner(
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Response aFirst = given().header("Authorization", partnerA)
                .header("Idempotency-Key", keyOfC)
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("A2 Co"), "DE"))
                .post("/companies");
        // C uses A's key value with another body: no 422, and it does not block A's retry.
        Response c = given().header("Authorization", partnerC)
                .header("Idempotency-Key", keyOfC)
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("C Co"), "DE"))
                .post("/companies");

        System.out.printf(
                "idempotency per caller: A %d, B %d (replayed=%s), B other %d, A2 %d, C %d%n",
                a.statusCode(),
                b.statusCode(),
                b.header("Idempotent-Replayed"),
                bOther.statusCode(),
                aFirst.statusCode(),
                c.statusCode());
        assertThat(a.statusCode()).isEqualTo(201);
        // Same body: B's request conflicts with A's company by name, but it is B's own answer, never A's replay.
        assertThat(b.header("Idempotent-Replayed")).isNull();
        assertThat(b.statusCode()).isNotEqualTo(201);
        assertThat(aFirst.statusCode()).isEqualTo(201);
        assertThat(c.statusCode()).isEqualTo(201);
        assertThat(c.<String>path("id")).isNotEqualTo(aFirst.path("id"));
        // A's retry still replays A's answer.
        Response aRetry = given().header("Authorization", partnerA)
                .header("Idempotency-Key", keyOfC)
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body("ignored", "DE"))
                .post("/companies");
        assertThat(aRetry.statusCode()).isEqualTo(422);
    }

    @Test
    void everyWriteRecordsItsActorReadableByAdmins() {
        String partnerId = UUID.randomUUID().toString();
        String keyId = UUID.randomUUID().toString();
        Response created = given().header("Authorization", InternalTokens.partner(partnerId, keyId))
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Audited Co"), "DE"))
                .post("/companies");
        created.then().statusCode(201);
        String id = created.path("id");
        given().header("Authorization", InternalTokens.bearer("user-sub-42", Set.of("viewer", "analyst")))
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"headquartersCity\":\"Bonn\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(200);
        // A refused write leaves no entry.
        given().header("Authorization", InternalTokens.bearer("user-sub-43", Set.of("viewer", "analyst")))
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"headquartersCity\":\"Koeln\"}")
                .patch("/companies/" + id)
                .then()
                .statusCode(412);

        String admin = InternalTokens.bearer("an-admin", Set.of("viewer", "analyst", "admin"));
        Response history = given().header("Authorization", admin)
                .queryParam("resource", "/companies/" + id)
                .get("/write-audit");
        history.then().statusCode(200);
        List<String> actors = history.path("items.actor");
        List<String> methods = history.path("items.method");
        System.out.println("write audit of /companies/" + id + ": " + actors + " " + methods);
        assertThat(actors).containsExactly("user:user-sub-42", "partner:" + partnerId + " key:" + keyId);
        assertThat(methods).containsExactly("PATCH", "POST");
        assertThat(history.<List<String>>path("items.requestId")).doesNotContainNull();

        given().header("Authorization", InternalTokens.analyst())
                .queryParam("resource", "/companies/" + id)
                .get("/write-audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", admin)
                .get("/write-audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void inventedMethodsDoNotCreateTimeSeries() {
        for (int i = 0; i < 5; i++) {
            RawHttp.Answer answer = RawHttp.send(
                    root.getHost(),
                    root.getPort(),
                    "PTZZ" + i + " /companies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).isBetween(400, 499);
        }
        int before = methodValues().size();
        for (int i = 5; i < 25; i++) {
            RawHttp.send(
                    root.getHost(),
                    root.getPort(),
                    "QX" + i + " /companies/" + i + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        }
        Set<String> after = methodValues();
        System.out.println("http_server_requests method values after 25 invented methods: " + after);
        // Not on the public port, whatever the method.
        given().get("/q/metrics").then().statusCode(404);
        RawHttp.Answer publicMetrics = RawHttp.send(
                root.getHost(), root.getPort(), "GET /q/metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(publicMetrics.status()).isEqualTo(404);
        assertThat(publicMetrics.body()).doesNotContain("http_server_requests");
        assertThat(after)
                .hasSize(before)
                .allMatch(m -> Set.of(
                                "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE", "OTHER")
                        .contains(m));
    }

    /** Request latencies are exported as a histogram with fixed buckets (percentiles across replicas). */
    @Test
    void requestLatenciesAreHistogramsWithFixedBuckets() {
        given().get("/companies?limit=1").then().statusCode(200);
        String exported = given().get(metrics).then().statusCode(200).extract().asString();
        Set<String> bounds = new java.util.TreeSet<>();
        Pattern le = Pattern.compile("le=\"([^\"]+)\"");
        exported.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                        && line.contains("uri=\"/companies\"")
                        && line.contains("method=\"GET\"")
                        && line.contains("status=\"200\""))
                .forEach(line -> {
                    Matcher bound = le.matcher(line);
                    if (bound.find()) {
                        bounds.add(bound.group(1));
                    }
                });
        System.out.println("latency buckets of GET /companies: " + bounds);
        assertThat(bounds).contains("0.005", "0.1", "1.0", "10.0", "+Inf").hasSize(12);
    }

    private Set<String> methodValues() {
        String exported = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"([^\"]+)\"")
                .matcher(exported);
        Set<String> methods = new java.util.TreeSet<>();
        while (m.find()) {
            methods.add(m.group(1));
        }
        return methods;
    }

    /** The platform's malformed-request fixture (the same one every service and the gateway run). */
    @Test
    void malformedRequestsGetProblemsAndAmbiguousFramingClosesTheConnection() {
        MalformedRequests.verify(
                "company-service",
                MalformedRequests.at(root, "/companies", "Authorization: " + InternalTokens.analyst()));
    }

    @Test
    void locationIsNeverBuiltFromTheHostHeader() {
        Response created = given().header("Host", "evil.example")
                .contentType(ContentType.JSON)
                .body(CompanyFixtures.body(CompanyFixtures.uniqueName("Host Co"), "DE"))
                .post("/companies");
        created.then()
                .statusCode(201)
                .header("Location", not(containsString("evil.example")))
                .header("Location", equalTo("/companies/" + created.path("id")));
    }
}
