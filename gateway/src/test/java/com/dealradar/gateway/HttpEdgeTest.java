package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakTokens;
import com.dealradar.platform.testing.MalformedRequests;
import com.dealradar.platform.testing.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gateway's HTTP edge: malformed requests, paths that must never become backend paths, methods the contract
 * does not declare, and metrics that invented methods and paths cannot grow. Every refusal here is proven to
 * have cost no backend call (the WireMock backends count what they receive).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(PatientBackends.class)
class HttpEdgeTest extends GatewayTestBase {

    private static final Set<String> WRITES_AND_READS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @TestHTTPResource("/")
    URL root;

    /** Metrics are on the management interface only (a random port in tests). */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static int backendCalls() {
        return Backends.SERVERS.values().stream()
                .mapToInt(server -> server.findAll(anyRequestedFor(anyUrl())).size())
                .sum();
    }

    @Test
    void malformedRequestsGetProblemsAndNeverReachABackend() {
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(EMPTY_PAGE)));
        MalformedRequests.Report report = MalformedRequests.check(
                MalformedRequests.at(root, "/api/v1/companies", "Authorization: " + KeycloakTokens.bearer("analyst")));
        report.print("gateway");
        int calls = backendCalls();
        System.out.println(
                "gateway: backend calls during the malformed requests and the three well-formed ones: " + calls);
        report.assertRefusedCleanly();
        assertThat(report.plain().status()).isEqualTo(200);
        assertThat(report.results())
                .filteredOn(r -> r.sent().name().equals("gzip-compressed body"))
                .singleElement()
                .satisfies(r -> assertThat(r.answer().header("Accept-Encoding")).isEqualTo("identity"));
        // Only the plain request, the h2c upgrade and the HTTP/1.2 request (both served as plain HTTP/1.1) reached
        // company-service.
        assertThat(calls).isEqualTo(3);
    }

    /**
     * Ids in composite and pass-through paths are checked before any backend path is built: dot segments (also
     * with a matrix tail, which some servers read as the dot segment), matrix parameters, encoded slashes and
     * backslashes, blank ids. Each is a 400 problem, and no backend hears of it.
     */
    @Test
    void pathTricksAre400ProblemsWithZeroBackendCalls() {
        List<String[]> tricks = List.of(
                new String[] {"GET", "/api/v1/companies/..;/profile"},
                new String[] {"GET", "/api/v1/companies/.;/profile"},
                new String[] {"GET", "/api/v1/companies/..;x=y/profile"},
                new String[] {"GET", "/api/v1/companies/zte;x=y/profile"},
                new String[] {"GET", "/api/v1/companies/%2e%2e;/profile"},
                new String[] {"GET", "/api/v1/companies/a%2Fb/profile"},
                new String[] {"GET", "/api/v1/companies/%20/profile"},
                new String[] {"GET", "/api/v1/regions/%20/overview"},
                new String[] {"GET", "/api/v1/regions/.;/overview"},
                new String[] {"GET", "/api/v1/regions/G%5CB/overview"},
                new String[] {"GET", "/api/v1/deals/..;/dossier"},
                new String[] {"GET", "/api/v1/deals/%2F/dossier"},
                new String[] {"GET", "/api/v1/companies/..;"},
                new String[] {"GET", "/api/v1/companies/.;"},
                new String[] {"GET", "/api/v1/companies/..;/"},
                new String[] {"GET", "/api/v1/companies/zte;x=y"},
                new String[] {"GET", "/api/v1/companies;x=y"},
                new String[] {"GET", "/api/v1/companies/a%2Fb"},
                new String[] {"GET", "/api/v1/companies/a%2fb"},
                new String[] {"GET", "/api/v1/companies/a%5Cb"},
                new String[] {"GET", "/api/v1/companies/a%5cb"},
                new String[] {"GET", "/api/v1/companies/%2e%2e%2Fq%2Fmetrics"},
                new String[] {"GET", "/api/v1/companies/%252e%252e"},
                new String[] {"GET", "/api/v1/companies/%20"},
                new String[] {"GET", "/api/v1/companies/%20%09"},
                new String[] {"GET", "/api/v1/deals/%20"},
                new String[] {"PATCH", "/api/v1/deals/%20"},
                new String[] {"DELETE", "/api/v1/deals/..;"},
                new String[] {"PUT", "/api/v1/regions/.;"},
                new String[] {"POST", "/api/v1/companies/..;/archive"},
                new String[] {"POST", "/api/v1/companies/%20/archive"},
                new String[] {"GET", "/api/v1/ownership-links/%20"},
                new String[] {"GET", "/api/v1/certifications/a;b"});
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String[] trick : tricks) {
            Response answer = given().urlEncodingEnabled(false)
                    .header("If-Match", "\"0\"")
                    .contentType("application/json")
                    .body(trick[0].equals("GET") || trick[0].equals("DELETE") ? "" : "{}")
                    .request(trick[0], trick[1]);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String body = answer.asString();
            System.out.printf("%-6s %-45s -> %d %s%n", trick[0], trick[1], answer.statusCode(), body);
            if (answer.statusCode() != 400
                    || !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                    || !body.contains("\"status\":400")) {
                wrong.add(trick[0] + " " + trick[1] + " -> " + answer.statusCode() + " " + answer.contentType());
            }
        }
        int calls = backendCalls();
        System.out.printf(
                "%d path tricks: statuses %s, %d wrong, %d backend calls%n",
                tricks.size(), statuses, wrong.size(), calls);
        assertThat(wrong).isEmpty();
        assertThat(statuses).containsExactly(Map.entry(400, tricks.size()));
        assertThat(calls).isZero();
    }

    /**
     * A client that trickles its request headers (a line every 250 ms, the "slowloris" pattern) is disconnected
     * once dealradar.http.request-header-timeout (2 s in tests) has passed since the request's first byte, without
     * an answer; a keep-alive connection idle for longer than that between two requests is not.
     */
    @Test
    void slowHeadersAreCutOffButIdleKeepAliveIsNot() throws Exception {
        Trickle slow = trickle("GET /api/v1/regions/GB HTTP/1.1\r\nHost: x\r\n", i -> "X-Slow-" + i + ": 1\r\n");

        // Two requests on one connection, with longer than the header timeout between them.
        List<Integer> keptAlive = new ArrayList<>();
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5000);
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream()
                        .write("PUT /api/v1/companies HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                keptAlive.add(readStatusAndBody(socket.getInputStream()));
                if (i == 0) {
                    Thread.sleep(3000);
                }
            }
        }
        System.out.printf("slow headers: %s; keep-alive after 3 s idle: %s%n", slow, keptAlive);
        assertThat(slow.closed()).as("the slow client was disconnected").isTrue();
        assertThat(slow.elapsedMillis()).isBetween(1500L, 6000L);
        assertThat(slow.answer())
                .as("no answer to a request that never arrived")
                .isEmpty();
        assertThat(keptAlive).containsExactly(405, 405);
    }

    /**
     * A client that trickles a request body (a byte every 250 ms, authenticated and within its rate limit) gets a 408
     * problem once dealradar.http.request-body-timeout (2 s in tests) has passed since its headers, the connection
     * closes, and nothing reaches the backend; a body that comes slowly but whole in time is forwarded.
     */
    @Test
    void aBodyThatTakesTooLongIsAnswered408() throws Exception {
        Backends.company()
                .stubFor(post(urlPathEqualTo("/companies"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{}")));
        String head = "POST /api/v1/companies HTTP/1.1\r\nHost: x\r\nAuthorization: " + KeycloakTokens.bearer("analyst")
                + "\r\nContent-Type: application/json\r\n";
        Trickle slow = trickle(head + "Content-Length: 1000\r\n\r\n{", i -> " ");
        int callsAfterSlow = backendCalls();
        RawHttp.Answer answer = RawHttp.parse(slow.answer(), slow.closed(), false);

        // 20 bytes, one every 50 ms: slow, but whole within the timeout.
        String body = "{\"name\":\"Slow Co\"}  ";
        java.util.function.IntFunction<String> byByte = i -> i < body.length() ? body.substring(i, i + 1) : "";
        Trickle inTime = trickle(head + "Content-Length: " + body.length() + "\r\n\r\n", byByte, 50);
        int callsAfterInTime = backendCalls();
        System.out.printf(
                "slow body: %s -> %d %s; in time: %s; backend calls %d, then %d%n",
                slow, answer.status(), answer.body(), inTime, callsAfterSlow, callsAfterInTime);

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body())
                .contains("\"type\":\"https://dealradar.dev/problems/request-timeout\"")
                .contains("did not all arrive within 2 s");
        assertThat(answer.header("X-Request-Id"))
                .as("answered through Vert.x, as every refusal")
                .isNotBlank();
        assertThat(slow.closed()).as("the connection is closed after the 408").isTrue();
        assertThat(slow.elapsedMillis()).isBetween(1500L, 6000L);
        assertThat(callsAfterSlow).as("backend calls for the late body").isZero();
        assertThat(inTime.answer()).startsWith("HTTP/1.1 201 ");
        assertThat(callsAfterInTime).isEqualTo(1);
    }

    /** What a client that sent its request piece by piece saw: how many pieces, for how long, and the answer. */
    record Trickle(int pieces, long elapsedMillis, boolean closed, String answer) {}

    private Trickle trickle(String start, java.util.function.IntFunction<String> piece) throws Exception {
        return trickle(start, piece, 250);
    }

    /**
     * Sends {@code start}, then {@code piece(0)}, {@code piece(1)}, ... one every {@code everyMillis}, until the
     * server closes the connection or has answered (and is sent nothing more), or 10 s have passed.
     */
    private Trickle trickle(String start, java.util.function.IntFunction<String> piece, int everyMillis)
            throws Exception {
        long started = System.nanoTime();
        int pieces = 0;
        boolean closed = false;
        StringBuilder answered = new StringBuilder();
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(everyMillis);
            var out = socket.getOutputStream();
            out.write(start.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            while (!closed
                    && System.nanoTime() - started
                            < java.time.Duration.ofSeconds(10).toNanos()) {
                boolean hasAnswer = answered.indexOf("\r\n\r\n") > 0;
                try {
                    String next = piece.apply(pieces);
                    if (!next.isEmpty() && answered.isEmpty()) {
                        out.write(next.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        pieces++;
                    }
                    if (hasAnswer) {
                        // Nothing more is sent: does the server close the connection?
                        socket.setSoTimeout(3000);
                    }
                    byte[] buffer = new byte[8192];
                    int n = socket.getInputStream().read(buffer);
                    if (n < 0) {
                        closed = true;
                    } else {
                        answered.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (java.net.SocketTimeoutException e) {
                    if (hasAnswer) {
                        break; // answered, and the connection stays open
                    }
                    // nothing yet: the next piece
                } catch (java.io.IOException e) {
                    closed = true; // reset
                }
            }
        }
        return new Trickle(pieces, (System.nanoTime() - started) / 1_000_000, closed, answered.toString());
    }

    /** The status of one HTTP/1.1 answer on {@code in}, its Content-Length body read so the next can follow. */
    private static int readStatusAndBody(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return Integer.parseInt(head.substring(9, 12));
    }

    /**
     * Whichever layer answers (the path and method checks, the query check, the body limit, authentication, the
     * pass-through, JAX-RS), the answer echoes the caller's {@code X-Request-Id}, a problem names it as its
     * {@code requestId}, and a forwarded request takes it to the backend: one id to quote for any answer.
     */
    @Test
    void everyAnswerEchoesTheCallersRequestId() {
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(EMPTY_PAGE)));
        String bearer = KeycloakTokens.bearer("analyst");
        record Sent(String name, String method, String path, String contentType, String body, boolean signedIn) {}
        List<Sent> requests = List.of(
                new Sent("path check", "GET", "/api/v1/companies/..;/profile", null, null, true),
                new Sent("undeclared method", "DELETE", "/api/v1/companies", null, null, true),
                new Sent("undeclared query parameter", "GET", "/api/v1/companies?limti=2", null, null, true),
                new Sent(
                        "body over the limit",
                        "POST",
                        "/api/v1/companies",
                        "application/json",
                        "{\"name\":\"" + "a".repeat(MalformedRequests.BODY_LIMIT) + "\"}",
                        true),
                new Sent("compressed body", "POST", "/api/v1/companies", "application/json", "{}", true),
                new Sent("unknown API key", "GET", "/api/v1/companies", null, null, false),
                new Sent("unknown path", "GET", "/api/v1/nothing-here", null, null, true),
                new Sent("bad composite id", "GET", "/api/v1/deals/not-a-uuid/dossier", null, null, true),
                new Sent("pass-through", "GET", "/api/v1/companies", null, null, true));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Sent sent : requests) {
            String id = "edge-probe-" + ++n;
            var request = given().urlEncodingEnabled(false).header("X-Request-Id", id);
            request.header(sent.signedIn() ? "Authorization" : "X-API-Key", sent.signedIn() ? bearer : "drk_unknown");
            if (sent.name().equals("compressed body")) {
                request.header("Content-Encoding", "gzip");
            }
            if (sent.body() != null) {
                request.contentType(sent.contentType()).body(sent.body());
            }
            Response answer = request.request(sent.method(), sent.path());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            boolean problem = String.valueOf(answer.contentType()).startsWith("application/problem+json");
            System.out.printf(
                    "%-28s %s %s -> %d X-Request-Id %s, problem requestId %s%n",
                    sent.name(),
                    sent.method(),
                    sent.path(),
                    answer.statusCode(),
                    answer.header("X-Request-Id"),
                    problem ? answer.jsonPath().getString("requestId") : "-");
            if (!id.equals(answer.header("X-Request-Id"))
                    || answer.headers().getValues("X-Request-Id").size() != 1
                    || problem != (answer.statusCode() >= 400)
                    || problem && !id.equals(answer.jsonPath().getString("requestId"))) {
                wrong.add(sent.name() + " -> " + answer.statusCode() + " "
                        + answer.headers().getValues("X-Request-Id") + " " + answer.asString());
            }
        }
        List<String> forwarded = Backends.company().findAll(anyRequestedFor(anyUrl())).stream()
                .map(r -> r.getHeader("X-Request-Id"))
                .toList();
        System.out.printf(
                "%d requests, statuses %s, %d wrong; backend calls %d with request ids %s%n",
                requests.size(), statuses, wrong.size(), forwarded.size(), forwarded);
        assertThat(wrong).isEmpty();
        assertThat(statuses)
                .containsExactly(
                        Map.entry(200, 1),
                        Map.entry(400, 3),
                        Map.entry(401, 1),
                        Map.entry(404, 1),
                        Map.entry(405, 1),
                        Map.entry(413, 1),
                        Map.entry(415, 1));
        assertThat(forwarded).containsExactly("edge-probe-" + requests.size());
    }

    /**
     * Query parameters the operation does not declare (a typo, another case, an encoded name, any on a path that
     * takes none; on pass-through, composite, calendar and feed paths alike) and a declared one given twice: a 400
     * problem naming each, and no backend call. The same kind of request with declared names reaches the backend.
     */
    @Test
    void undeclaredAndRepeatedQueryParametersAre400ProblemsWithZeroBackendCalls() {
        Map<String, List<String>> refused = new java.util.LinkedHashMap<>();
        refused.put("/api/v1/deals?valueMin=5", List.of("valueMin"));
        refused.put("/api/v1/companies?limti=2&q=a&Limit=3", List.of("limti", "Limit"));
        refused.put("/api/v1/companies?limit=1&limit=2", List.of("limit"));
        refused.put("/api/v1/companies?q=a&%71=b", List.of("q"));
        refused.put("/api/v1/companies/zte?expand=all", List.of("expand"));
        refused.put("/api/v1/deals/973a4522-3530-5077-b71c-a59a70f0ce3f/dossier?x=1", List.of("x"));
        refused.put("/api/v1/companies/zte/profile?limit=5", List.of("limit"));
        refused.put("/api/v1/regulatory-matters/calendar.ics?regoin=GB", List.of("regoin"));
        refused.put("/api/v1/events?types=company.created&_=1700000000", List.of("_"));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (var request : refused.entrySet()) {
            Response answer = given().urlEncodingEnabled(false)
                    .header("Authorization", KeycloakTokens.bearer("analyst"))
                    .get(request.getKey());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            System.out.printf("GET %-70s -> %d %s%n", request.getKey(), answer.statusCode(), answer.asString());
            boolean right = answer.statusCode() == 400
                    && String.valueOf(answer.contentType()).startsWith("application/problem+json")
                    && answer.jsonPath().getString("type").endsWith("/bad-parameter")
                    && answer.jsonPath().getList("errors.field").equals(request.getValue())
                    && answer.jsonPath()
                            .getString("detail")
                            .equals(
                                    request.getValue().size() == 1
                                            ? request.getValue().getFirst() + ": "
                                                    + answer.jsonPath().getString("errors[0].message")
                                            : request.getValue().size() + " query parameters are invalid: "
                                                    + String.join(", ", request.getValue()));
            if (!right) {
                wrong.add(request.getKey() + " -> " + answer.statusCode() + " " + answer.asString());
            }
        }
        int refusedCalls = backendCalls();
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(EMPTY_PAGE)));
        int declared = given().urlEncodingEnabled(false)
                .header("Authorization", KeycloakTokens.bearer("analyst"))
                .get("/api/v1/companies?q=a&limit=2&sort=name")
                .statusCode();
        System.out.printf(
                "%d requests with undeclared or repeated query parameters: statuses %s, %d wrong, %d backend calls; "
                        + "declared parameters -> %d%n",
                refused.size(), statuses, wrong.size(), refusedCalls, declared);
        assertThat(wrong).isEmpty();
        assertThat(statuses).containsExactly(Map.entry(400, refused.size()));
        assertThat(refusedCalls).isZero();
        assertThat(declared).isEqualTo(200);
        assertThat(backendCalls()).isEqualTo(1);
    }

    /**
     * Every path of the contract with every method it does not declare (and an invented one): 405 problem, an
     * Allow header naming exactly the methods the contract declares there, and no backend call.
     */
    @Test
    void undeclaredMethodsAre405WithTheContractsAllow() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("paths");
        assertThat(paths.size()).isGreaterThan(30);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().startsWith("/api/v1/")) {
                continue;
            }
            Set<String> declared = new TreeSet<>();
            entry.getValue().fieldNames().forEachRemaining(m -> {
                if (WRITES_AND_READS.contains(m.toUpperCase(Locale.ROOT))) {
                    declared.add(m.toUpperCase(Locale.ROOT));
                }
            });
            String path = entry.getKey().replaceAll("\\{[^}]+}", "x1");
            List<String> undeclared = new ArrayList<>(WRITES_AND_READS.stream()
                    .filter(m -> !declared.contains(m))
                    .sorted()
                    .toList());
            undeclared.add("PTZZA");
            for (String method : undeclared) {
                Response answer = given().contentType("application/json")
                        .body(method.equals("GET") || method.equals("DELETE") ? "" : "{}")
                        .request(method, path);
                sent++;
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                Set<String> allow = answer.header("Allow") == null
                        ? Set.of()
                        : Arrays.stream(answer.header("Allow").split(","))
                                .map(String::strip)
                                .collect(Collectors.toCollection(TreeSet::new));
                if (answer.statusCode() != 405
                        || !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                        || !allow.equals(declared)) {
                    wrong.add(method + " " + path + " -> " + answer.statusCode() + " Allow=" + answer.header("Allow")
                            + " declared=" + declared);
                }
            }
        }
        int calls = backendCalls();
        System.out.printf(
                "%d undeclared methods on the contract's paths: statuses %s, %d wrong, %d backend calls%n",
                sent, statuses, wrong.size(), calls);
        wrong.forEach(w -> System.out.println("  wrong: " + w));
        assertThat(wrong).isEmpty();
        assertThat(statuses).containsExactly(Map.entry(405, sent));
        assertThat(calls).isZero();
    }

    /** Invented methods and paths (known and unknown) add no time series: the label values come from fixed sets. */
    @Test
    void inventedMethodsAndPathsDoNotGrowTheMetrics() {
        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(EMPTY_PAGE)));
        Backends.company()
                .stubFor(get(urlPathEqualTo("/companies/unknown"))
                        .willReturn(okJson("{}").withStatus(404)));
        // One round first: the series of each kind of answer (405, 404, 400) exist afterwards.
        inventions(0);
        Set<String> before = httpSeries();
        int rounds = 15;
        for (int i = 1; i <= rounds; i++) {
            inventions(i);
        }
        Set<String> after = httpSeries();
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        System.out.printf(
                "http_server_requests series: %d before, %d after %d rounds of invented methods and paths; added %s%n",
                before.size(), after.size(), rounds, added);
        assertThat(added).isEmpty();
        assertThat(after)
                .allMatch(s -> Set.of(
                                "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE", "OTHER")
                        .contains(valueOf(s, "method")));
        // Not on the public port.
        given().get("/q/metrics").then().statusCode(404);
        // Redis counts for every replica here (the metric turns 0 when a replica counts alone: RedisDownTest).
        assertThat(given().get(metrics).then().statusCode(200).extract().asString())
                .containsPattern("(?m)^dealradar_gateway_rate_limits_shared(\\{[^}]*})? 1\\.0$");
    }

    private void inventions(int i) {
        String host = root.getHost();
        int port = root.getPort();
        String auth = "Authorization: " + KeycloakTokens.bearer("analyst") + "\r\n";
        List<String> requests = List.of(
                "PTZZ" + i + " /api/v1/companies HTTP/1.1\r\nHost: x\r\n" + auth,
                "QX" + i + " /api/v1/companies/c" + i + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "DELETE /api/v1/regions/R" + i + "/overview HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /api/v1/invented-" + i + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /invented-" + i + "/x" + i + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "PTZZ" + i + " /invented-" + i + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /api/v1/companies/%20" + i + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /api/v1/companies/..;" + i + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /api/v1/companies/%zz" + i + " HTTP/1.1\r\nHost: x\r\n" + auth);
        for (String request : requests) {
            RawHttp.Answer answer = RawHttp.send(host, port, request + "Connection: close\r\n\r\n");
            assertThat(answer.status())
                    .as(request.lines().findFirst().orElseThrow())
                    .isBetween(400, 499);
        }
    }

    private Set<String> httpSeries() {
        String exported = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count(\\{[^}]*})")
                .matcher(exported);
        Set<String> series = new TreeSet<>();
        while (m.find()) {
            series.add(m.group(1));
        }
        return series;
    }

    private static String valueOf(String series, String label) {
        Matcher m = Pattern.compile(label + "=\"([^\"]*)\"").matcher(series);
        return m.find() ? m.group(1) : null;
    }
}
