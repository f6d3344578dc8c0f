package com.dealradar.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Requests that are malformed at the HTTP level, sent over raw sockets to one server (a backend or the gateway):
 * every one must get a 4xx {@code application/problem+json} answer, on a connection that is closed where the
 * framing is ambiguous (both framing headers, two lengths, a folded header, bare LF: whatever follows on the
 * connection cannot be told apart from the body), with no warning and no stack trace in the log. Each refused
 * request is followed on the same connection by a well-formed one: it must never be answered (one answer per
 * connection), or the refused request's bytes were read as something else. An {@code h2c} upgrade is not taken:
 * the request is served as the plain HTTP/1.1 request it also is.
 *
 * <p>Runs inside a {@code @QuarkusTest} (the log handler sees the application's log records); call
 * {@link #check(Target)} and {@link Report#assertRefusedCleanly()}.
 */
public final class MalformedRequests {

    private MalformedRequests() {}

    /**
     * Where to send them. {@code readPath} answers GET (a list), {@code writePath} takes a POST body; both without
     * a query. {@code credentials} is one header line without CRLF ({@code Authorization: Bearer ...}) so that a
     * refusal can only come from the malformed request, not from a missing login; {@code bodyLimit} is the
     * server's {@code quarkus.http.limits.max-body-size} in bytes.
     */
    public record Target(String host, int port, String readPath, String writePath, String credentials, int bodyLimit) {}

    /** One malformed request, the status it must get, and whether the connection must be closed after it. */
    public record Case(String name, String request, int status, boolean mustClose) {}

    /** What one case got, and what was wrong with it (null when the answer was right). */
    public record Result(Case sent, RawHttp.Answer answer, String fault) {}

    public record Report(
            List<Result> results,
            List<String> warnings,
            int stackTraces,
            RawHttp.Answer plain,
            RawHttp.Answer h2c,
            RawHttp.Answer laterMinorVersion) {

        public List<Result> wrong() {
            return results.stream().filter(r -> r.fault() != null).toList();
        }

        /** How many answers of each status. */
        public Map<Integer, Integer> statuses() {
            Map<Integer, Integer> counts = new TreeMap<>();
            results.forEach(r -> counts.merge(r.answer().status(), 1, Integer::sum));
            return counts;
        }

        /** How many answers echo the request id the case sent (the others could not be read that far). */
        public long echoedRequestIds() {
            return results.stream()
                    .filter(r -> SENT_REQUEST_ID.equals(r.answer().header("X-Request-Id")))
                    .count();
        }

        public void print(String server) {
            for (Result r : results) {
                String body = r.answer().body();
                System.out.printf(
                        "%s %-40s -> %d closed=%s type=%s id=%s%s %s%n",
                        server,
                        r.sent().name(),
                        r.answer().status(),
                        r.answer().closed(),
                        r.answer().header("Content-Type"),
                        r.answer().header("X-Request-Id"),
                        r.fault() == null ? "" : " WRONG: " + r.fault(),
                        body.length() > 160 ? body.substring(0, 160) : body);
            }
            System.out.printf(
                    "%s: %d malformed requests, statuses %s, %d wrong, %d closed, %d warnings or errors logged, "
                            + "%d stack traces; h2c upgrade -> %d (plain request -> %d); HTTP/1.2 -> %s; %d echo the request id"
                            + " sent%n",
                    server,
                    results.size(),
                    statuses(),
                    wrong().size(),
                    results.stream().filter(r -> r.answer().closed()).count(),
                    warnings.size(),
                    stackTraces,
                    h2c.status(),
                    plain.status(),
                    laterMinorVersion.raw().lines().findFirst().orElse("(no answer)"),
                    echoedRequestIds());
            warnings.forEach(w -> System.out.println(server + " logged: " + w));
        }

        public void assertRefusedCleanly() {
            assertThat(wrong()).as("malformed requests answered wrongly").isEmpty();
            assertThat(results).hasSize(CASES);
            assertThat(echoedRequestIds())
                    .as("answers echoing the request id sent")
                    .isEqualTo(CASES - HEADERS_UNREADABLE.size());
            assertThat(results)
                    .allMatch(r -> r.answer().status() >= 400 && r.answer().status() < 500);
            assertThat(stackTraces).as("stack traces logged").isZero();
            assertThat(warnings).as("warnings or errors logged").isEmpty();
            assertThat(h2c.status()).as("h2c upgrade").isNotEqualTo(101).isEqualTo(plain.status());
            assertThat(h2c.raw()).startsWith("HTTP/1.1 ");
            assertThat(laterMinorVersion.raw())
                    .as("an HTTP/1.2 request is read and answered as HTTP/1.1")
                    .startsWith("HTTP/1.1 " + plain.status() + " ");
        }
    }

    /** How many cases {@link #cases(Target)} makes: a test asserting the count cannot pass on a shortened list. */
    public static final int CASES = 20;

    /**
     * The end of a request whose connection need not close after the refusal: the client asks for it, so that reading
     * the answer does not wait for the read timeout.
     */
    private static final String CLOSE = "Connection: close\r\n\r\n";

    /** The request id every case sends (where its headers can be read at all, the answer must echo it). */
    public static final String SENT_REQUEST_ID = "malformed-request-probe";

    /**
     * The cases whose headers cannot be read (too long, or not lines at all): their answers carry a new id. Every
     * other answer echoes {@link #SENT_REQUEST_ID}.
     */
    static final Set<String> HEADERS_UNREADABLE =
            Set.of("bare LF", "URI over the limit", "headers over the limit", "headers over the limit, body coming");

    public static List<Case> cases(Target t) {
        String credentials = (t.credentials() == null || t.credentials().isEmpty() ? "" : t.credentials() + "\r\n")
                + "X-Request-Id: " + SENT_REQUEST_ID + "\r\n";
        // Sent after each refused request on the same connection: it must never be answered.
        String next = "GET " + t.readPath() + " HTTP/1.1\r\nHost: x\r\n" + credentials + "\r\n";
        // Over the limit in several chunks, none of them over it alone.
        int chunk = 0x10000;
        int chunks = t.bodyLimit() / chunk + 2;
        String oversized = "9\r\n{\"name\":\"\r\n"
                + (Integer.toHexString(chunk) + "\r\n" + "a".repeat(chunk) + "\r\n").repeat(chunks)
                + "2\r\n\"}\r\n0\r\n\r\n";
        // Still arriving when the server has answered: it must be read and dropped, not reset (lingering close).
        String refusedBody = "{\"name\":\"" + "a".repeat(300 * 1024) + "\"}";
        List<Case> cases = List.of(
                new Case(
                        "HTTP/1.0 without Host",
                        "GET " + t.readPath() + " HTTP/1.0\r\n" + credentials + "\r\n",
                        400,
                        true),
                new Case(
                        "HTTP/1.1 without Host",
                        "GET " + t.readPath() + " HTTP/1.1\r\n" + credentials + "\r\n",
                        400,
                        false),
                new Case(
                        "Content-Length and Transfer-Encoding",
                        "POST " + t.writePath() + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n"
                                + "Content-Type: application/json\r\n\r\n0\r\n\r\n" + next,
                        400,
                        true),
                new Case(
                        "two Content-Lengths",
                        "POST " + t.writePath() + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "Content-Length: 0\r\nContent-Length: 5\r\n\r\n" + next,
                        400,
                        true),
                new Case(
                        "obs-fold",
                        "GET " + t.readPath() + " HTTP/1.1\r\nHost: x\r\n" + credentials + "X-Folded: a\r\n b\r\n\r\n"
                                + next,
                        400,
                        true),
                new Case("bare LF", "GET " + t.readPath() + " HTTP/1.1\nHost: x\n\n" + next, 400, true),
                new Case(
                        "?q=%",
                        "GET " + t.readPath() + "?q=% HTTP/1.1\r\nHost: x\r\n" + credentials + "\r\n", 400, false),
                new Case("/%zz", "GET /%zz HTTP/1.1\r\nHost: x\r\n" + credentials + "\r\n", 400, false),
                new Case(
                        "%zz in an id",
                        "GET " + t.readPath() + "/%zz HTTP/1.1\r\nHost: x\r\n" + credentials + "\r\n", 400, false),
                new Case(
                        "URI over the limit",
                        "GET " + t.readPath() + "/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "\r\n",
                        414,
                        true),
                new Case(
                        "headers over the limit",
                        "GET " + t.readPath() + " HTTP/1.1\r\nHost: x\r\n" + credentials + "X-Big: " + "a".repeat(30000)
                                + "\r\n\r\n",
                        431,
                        true),
                new Case(
                        "headers over the limit, body coming",
                        "POST " + t.writePath() + " HTTP/1.1\r\nHost: x\r\n" + credentials + "X-Big: "
                                + "a".repeat(30000)
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + refusedBody.length()
                                + "\r\n\r\n" + refusedBody,
                        431,
                        true),
                new Case(
                        "two Host headers",
                        "GET " + t.readPath() + " HTTP/1.1\r\nHost: x\r\nHost: y\r\n" + credentials + CLOSE,
                        400,
                        false),
                new Case(
                        "a Host that is not a host",
                        "GET " + t.readPath() + " HTTP/1.1\r\nHost: a b/c\r\n" + credentials + CLOSE,
                        400,
                        false),
                new Case(
                        "HTTP/2.0 in an HTTP/1 request line",
                        "GET " + t.readPath() + " HTTP/2.0\r\nHost: x\r\n" + credentials + "\r\n" + next,
                        400,
                        true),
                new Case("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n" + credentials + CLOSE, 400, false),
                new Case(
                        "CONNECT host:port",
                        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n" + credentials + CLOSE,
                        400,
                        false),
                new Case(
                        "gzip-compressed body",
                        "POST " + t.writePath() + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\n"
                                + "\u001f\u008b\u0008\u0000",
                        415,
                        true),
                new Case(
                        "body stops short of its Content-Length",
                        "POST " + t.writePath() + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":\"a",
                        408,
                        true),
                new Case(
                        "chunked body over the limit",
                        "POST " + t.writePath() + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n" + oversized,
                        413,
                        true));
        assertThat(cases).hasSize(CASES);
        return cases;
    }

    /** Every DealRadar service's request body limit (quarkus.http.limits.max-body-size=256K, platform defaults). */
    public static final int BODY_LIMIT = 256 * 1024;

    /** A server under test at {@code root}: reads and writes on {@code path}, signed in with {@code credentials}. */
    public static Target at(URL root, String path, String credentials) {
        return new Target(root.getHost(), root.getPort(), path, path, credentials, BODY_LIMIT);
    }

    /**
     * Sends every case to {@code target}, prints what {@code server} answered, and asserts that each was refused
     * cleanly while the same request well-formed is served (200).
     */
    public static Report verify(String server, Target target) {
        Report report = check(target);
        report.print(server);
        report.assertRefusedCleanly();
        assertThat(report.plain().status())
                .as(server + ": the well-formed request")
                .isEqualTo(200);
        return report;
    }

    /** Sends every case (one connection each) and the h2c upgrade, counting what the application logs meanwhile. */
    public static Report check(Target t) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<String> traces = new CopyOnWriteArrayList<>();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getLoggerName() + ": " + record.getMessage());
                }
                if (record.getThrown() != null) {
                    traces.add(record.getThrown().toString());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        List<Result> results = new ArrayList<>();
        Logger.getLogger("").addHandler(counter);
        try {
            for (Case c : cases(t)) {
                RawHttp.Answer a = RawHttp.send(t.host(), t.port(), c.request());
                results.add(new Result(c, a, fault(c, a)));
            }
            // Whatever the refused requests log arrives within moments (a body may still be being read).
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Logger.getLogger("").removeHandler(counter);
        }
        String credentials = t.credentials() == null || t.credentials().isEmpty() ? "" : t.credentials() + "\r\n";
        RawHttp.Answer plain = RawHttp.send(
                t.host(),
                t.port(),
                "GET " + t.readPath() + " HTTP/1.1\r\nHost: x\r\n" + credentials + "Connection: close\r\n\r\n");
        RawHttp.Answer h2c = RawHttp.send(
                t.host(),
                t.port(),
                "GET " + t.readPath() + " HTTP/1.1\r\nHost: x\r\n" + credentials
                        + "Connection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\n"
                        + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        RawHttp.Answer laterMinorVersion = RawHttp.send(
                t.host(),
                t.port(),
                "GET " + t.readPath() + " HTTP/1.2\r\nHost: x\r\n" + credentials + "Connection: close\r\n\r\n");
        return new Report(results, List.copyOf(warnings), traces.size(), plain, h2c, laterMinorVersion);
    }

    private static String fault(Case c, RawHttp.Answer a) {
        if (a.resetWhileSending()) {
            return "connection reset while the request was still being sent (a client writing its body first gets no"
                    + " answer)";
        }
        if (a.status() != c.status()) {
            return "status " + a.status() + ", expected " + c.status();
        }
        if (!"application/problem+json".equals(a.header("Content-Type"))) {
            return "Content-Type " + a.header("Content-Type");
        }
        if (!a.body().contains("\"status\":" + c.status())) {
            return "body is not the problem of a " + c.status();
        }
        if (c.mustClose() && !a.closed()) {
            return "connection left open";
        }
        if (!a.raw().startsWith("HTTP/1.")) {
            return "answered in another HTTP version: "
                    + a.raw().lines().findFirst().orElse("");
        }
        if (a.raw().lines().filter(line -> line.startsWith("HTTP/")).count() > 1) {
            return "more than one answer on the connection (the request after the refused one was served)";
        }
        String requestId = a.header("X-Request-Id");
        if (requestId == null || requestId.isBlank()) {
            return "no X-Request-Id on the answer";
        }
        if (!HEADERS_UNREADABLE.contains(c.name()) && !SENT_REQUEST_ID.equals(requestId)) {
            return "X-Request-Id " + requestId + " is not the one the request sent";
        }
        if (!a.body().contains("\"requestId\":\"" + requestId + "\"")) {
            return "the problem's requestId is not the X-Request-Id answered (" + requestId + ")";
        }
        if (a.body().contains("Exception") || a.body().contains("\tat ")) {
            return "body shows an exception";
        }
        return null;
    }
}
