package com.dealradar.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.ServiceProcess;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No secret in the packaged services' own logs (README, "Security"): a gateway of the test's own, with a bootstrap
 * admin key, a database password and a Redis password (its own redis-server with requirepass) of this run, goes
 * through a partner's key life (issue, use, rotate, a wrong key, revoke) and a calendar subscription read by its
 * token in the URL; then none of those secrets is in its log file or in the backends' log files, nor in the traces
 * it exported (every request traced, sent as OTLP/HTTP protobuf to a receiver of the test's own on loopback).
 */
class NoSecretInLogsTest {

    @Test
    void keysAndPasswordsNeverReachTheLogFiles() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "");
        String bootstrapKey = "drk_logs" + run.substring(0, 4) + "_" + run + "bootstrap";
        String dbPassword = "db-password-" + run;
        String redisPassword = "redis-password-" + run;
        RedisRecoveryTest.Redis redis = RedisRecoveryTest.Redis.start(redisPassword);
        TraceReceiver traces = TraceReceiver.start();
        ServiceProcess gateway = Services.privateGateway(Map.of(
                "quarkus.otel.traces.sampler.arg",
                "1",
                "quarkus.otel.exporter.otlp.traces.endpoint",
                traces.url(),
                "quarkus.otel.exporter.otlp.traces.protocol",
                "http/protobuf",
                "quarkus.otel.bsp.schedule.delay",
                "PT0.2S",
                "dealradar.security.bootstrap-api-key",
                bootstrapKey,
                // PostgreSQL here trusts loopback connections: the password is sent (and could be logged), not checked.
                "quarkus.datasource.password",
                dbPassword,
                "quarkus.redis.hosts",
                "redis://:" + redisPassword + "@127.0.0.1:" + redis.port,
                "dealradar.rate-limit.redis-key-prefix",
                "dealradar:logs:" + run + ":"));
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("bootstrap admin key", bootstrapKey);
        secrets.put("database password", dbPassword);
        secrets.put("Redis password", redisPassword);
        try {
            String base = gateway.url();
            String partner = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .contentType("application/json")
                    .body("{\"name\": \"Log Check " + run + "\", \"contact\": {\"email\": \"logs@example.org\"}}")
                    .post("/api/v1/partners")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Response issued = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .contentType("application/json")
                    .body("{\"name\": \"logs\", \"scopes\": [\"read\", \"write\"]}")
                    .post("/api/v1/partners/" + partner + "/keys");
            issued.then().statusCode(201);
            String keyId = issued.path("id");
            String secret = issued.path("secret");
            secrets.put("issued key", secret);
            given().baseUri(base)
                    .header("X-API-Key", secret)
                    .get("/api/v1/companies/zte")
                    .then()
                    .statusCode(200);
            given().baseUri(base)
                    .header("X-API-Key", secret)
                    .contentType("application/json")
                    .body("{\"name\":\"Log Check Telecom " + run.substring(0, 8)
                            + "\",\"country\":\"DE\",\"kind\":\"group\"}")
                    .post("/api/v1/companies")
                    .then()
                    .statusCode(201);
            given().baseUri(base)
                    .header("X-API-Key", secret + "x")
                    .get("/api/v1/companies/zte")
                    .then()
                    .statusCode(401);
            String etag = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .get("/api/v1/partners/" + partner + "/keys/" + keyId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            Response rotated = given().baseUri(base)
                    .header("X-API-Key", bootstrapKey)
                    .header("If-Match", etag)
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/partners/" + partner + "/keys/" + keyId + "/rotate");
            rotated.then().statusCode(201);
            String rotatedSecret = rotated.path("secret");
            secrets.put("rotated key", rotatedSecret);
            given().baseUri(base)
                    .header("X-API-Key", rotatedSecret)
                    .get("/api/v1/regions/GB")
                    .then()
                    .statusCode(200);
            // A calendar application reads with the subscription's token in the URL; a key sent in the URL is refused.
            String token = given().baseUri(base)
                    .header("X-API-Key", rotatedSecret)
                    .contentType("application/json")
                    .body("{\"name\": \"logs\", \"region\": \"GB\"}")
                    .post("/api/v1/calendar-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("token");
            secrets.put("calendar token", token);
            // Without any other credential (RestAssured's default caller would add a bearer token): a calendar
            // application.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> calendar = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/regulatory-matters/calendar.ics?token=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(calendar.statusCode()).as(calendar.body()).isEqualTo(200);
            HttpResponse<String> keyInUrl = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/companies?api_key=" + rotatedSecret))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(keyInUrl.statusCode()).as(keyInUrl.body()).isEqualTo(400);
            assertThat(secrets.values()).allMatch(s -> s != null && s.length() > 20);
            traces.awaitContaining("/api/v1/regulatory-matters/calendar.ics", Duration.ofSeconds(20));
        } finally {
            gateway.close();
            redis.stop();
            traces.stop();
        }
        String exported = traces.received();
        List<String> inTraces = new ArrayList<>();
        secrets.forEach((what, value) -> {
            if (exported.contains(value)) {
                inTraces.add(what);
            }
        });
        System.out.printf(
                "no secret in traces: %d OTLP exports (%d bytes) looked through: %s%n",
                traces.exports(), exported.length(), inTraces.isEmpty() ? "none found" : inTraces);
        assertThat(exported)
                .as("the calendar read was traced with its query, masked")
                .contains("token=***");
        assertThat(inTraces).isEmpty();
        List<Path> logs = List.of(
                gateway.log(),
                Services.company().log(),
                Services.deal().log(),
                Services.region().log());
        List<String> found = new ArrayList<>();
        long bytes = 0;
        for (Path log : logs) {
            String text = Files.readString(log);
            bytes += text.length();
            secrets.forEach((what, value) -> {
                if (text.contains(value)) {
                    found.add(what + " in " + log.getFileName());
                }
            });
        }
        System.out.printf(
                "no secret in logs: %d secrets looked for in %d log files (%d characters): %s%n",
                secrets.size(), logs.size(), bytes, found.isEmpty() ? "none found" : found);
        assertThat(Files.readString(gateway.log()))
                .as("the gateway's log is the one of this scenario")
                .contains("started in");
        assertThat(found).isEmpty();
    }

    /** An OpenTelemetry collector's OTLP/HTTP traces endpoint, reduced to keeping what it is sent. */
    private static final class TraceReceiver {
        private final HttpServer server;
        private final ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        private int exports;

        private TraceReceiver(HttpServer server) {
            this.server = server;
        }

        static TraceReceiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceReceiver receiver = new TraceReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (receiver) {
                    receiver.bodies.writeBytes(body);
                    receiver.exports++;
                }
                // An empty ExportTraceServiceResponse: everything accepted.
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** What was exported so far; protobuf keeps strings as they are, so a secret would be there verbatim. */
        synchronized String received() {
            return bodies.toString(StandardCharsets.ISO_8859_1);
        }

        synchronized int exports() {
            return exports;
        }

        void awaitContaining(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!received().contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no span with " + text + " exported within " + timeout + " (" + exports()
                            + " exports received)");
                }
                Thread.sleep(100);
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
