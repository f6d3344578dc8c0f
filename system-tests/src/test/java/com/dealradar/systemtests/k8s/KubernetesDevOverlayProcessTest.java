package com.dealradar.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakServer;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.contract.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dev overlay's configuration, run: the four packaged services start as processes with exactly the environment
 * variables their rendered Deployments set, and nothing else of DealRadar's configuration (no -D wiring; only the
 * listening ports and the loopback host are set on top, so that runs never collide). What the cluster would provide
 * is provided here, and the environment is rewritten only where a cluster address or a mount path appears:
 * <ul>
 * <li>Secrets: the output of {@code k8s/secrets.sh dev} (fresh passwords, internal-token keys, admin API key),
 * written to files where the pod would mount them.</li>
 * <li>PostgreSQL: a private server with TLS (its own CA, the stand-in for CloudNativePG's dealradar-db-ca), the
 * roles and databases of the rendered Cluster and Database resources, each role's password from its secret;
 * {@code dealradar-db-rw:5432} becomes {@code localhost:<port>} and sslmode=verify-full still verifies the host.</li>
 * <li>Redis with the password from its secret; Keycloak: the test Keycloak.</li>
 * </ul>
 * Then one request per backend through the gateway, a write on deal-service that calls company-service, and a
 * status change that asks region-service. This is the test that would have caught the gateway calling localhost.
 */
class KubernetesDevOverlayProcessTest {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PUBLIC = "https://api.dealradar.example";
    static final String[] INGRESS = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.dealradar.example"};
    static final List<String> START_ORDER = List.of("company-service", "region-service", "deal-service", "gateway");

    static Path work;
    static Process postgres;
    static Path pgData;
    static Process redis;
    static final Map<String, ServiceProcess> RUNNING = new LinkedHashMap<>();
    static final Map<String, Map<String, String>> ENVIRONMENTS = new LinkedHashMap<>();
    static Map<String, Map<String, byte[]>> secrets;

    @BeforeAll
    static void startTheDevOverlay() throws Exception {
        Manifests.Rendered dev = Manifests.render("dev");
        work = Files.createTempDirectory("dealradar-k8s-dev");
        secrets = secretsFromTheScript();
        int pgPort = ServiceProcess.freePort();
        int redisPort = ServiceProcess.freePort();
        startPostgres(dev, pgPort);
        startRedis(new String(secrets.get("dealradar-redis").get("password"), StandardCharsets.UTF_8), redisPort);

        // Cluster addresses -> loopback: the Services of the overlay, and the ones the operators create.
        Map<String, String> addresses = new LinkedHashMap<>();
        Map<String, Integer> ports = new HashMap<>();
        for (Service service : dev.all(Service.class)) {
            int port = service.getMetadata().getName().equals("redis") ? redisPort : ServiceProcess.freePort();
            ports.put(service.getMetadata().getName(), port);
            addresses.put(
                    service.getMetadata().getName() + ":"
                            + service.getSpec().getPorts().get(0).getPort(),
                    "127.0.0.1:" + port);
        }
        addresses.put("dealradar-db-rw:5432", "localhost:" + pgPort);
        String keycloak =
                URI.create(KeycloakServer.realmUrl()).resolve("/").toString().replaceAll("/$", "");
        addresses.put("http://dealradar-keycloak-service:8080", keycloak);
        // The ingress controller's pod network (trusted proxies) is the loopback address here: this test is the
        // ingress.
        addresses.put(
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES="
                        + Manifests.clusterNetwork("dev").get("podCIDR"),
                "127.0.0.1/32");

        for (String module : START_ORDER) {
            Deployment deployment = dev.one(Deployment.class, module);
            Map<String, String> env = environment(deployment, addresses);
            ENVIRONMENTS.put(module, env);
            RUNNING.put(module, ServiceProcess.start(module, ports.get(module), Map.of(), env));
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        List<ServiceProcess> reversed = new ArrayList<>(RUNNING.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::close);
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
        if (pgData != null) {
            run(asPostgres(List.of(pgBin("pg_ctl"), "-D", pgData.toString(), "-m", "fast", "-w", "stop")));
        }
    }

    @Test
    void aRequestThroughTheGatewayReachesEveryBackend() throws Exception {
        ENVIRONMENTS.forEach((module, env) -> System.out.printf(
                "%s started with %d variables from the dev overlay: %s%n", module, env.size(), env.keySet()));
        String gateway = RUNNING.get("gateway").url();
        String adminKey = new String(secrets.get("dealradar-bootstrap").get("api-key"), StandardCharsets.UTF_8);
        Map<String, Integer> answers = new LinkedHashMap<>();

        Map<String, Integer> attempts = new LinkedHashMap<>();
        HttpResponse<String> companies =
                read(gateway, "/api/v1/companies?limit=2", adminKey, "company-service", attempts);
        answers.put("company-service", companies.statusCode());
        HttpResponse<String> regions = read(gateway, "/api/v1/regions/GB", adminKey, "region-service", attempts);
        answers.put("region-service", regions.statusCode());
        HttpResponse<String> deals = read(gateway, "/api/v1/deals?limit=1", adminKey, "deal-service", attempts);
        answers.put("deal-service", deals.statusCode());
        System.out.println("GET through the gateway, status by backend: " + answers + ", attempts: " + attempts);
        assertThat(answers)
                .containsOnly(
                        Map.entry("company-service", 200),
                        Map.entry("region-service", 200),
                        Map.entry("deal-service", 200));
        assertThat(JSON.readTree(companies.body()).path("items").size()).isEqualTo(2);
        assertThat(JSON.readTree(regions.body()).path("code").asText()).isEqualTo("GB");

        // deal-service -> company-service (participants are checked) and deal-service -> region-service (clearance).
        JsonNode items = JSON.readTree(companies.body()).path("items");
        String body = """
                {"title": "Dev overlay process test", "type": "acquisition", "status": "announced", "confidence": "confirmed",
                 "announced": {"value": "2024-01", "precision": "month"}, "regions": ["GB"],
                 "participants": [{"companyId": "%s", "role": "acquirer"}, {"companyId": "%s", "role": "target"}],
                 "sources": [{"kind": "general_knowledge", "note": "KubernetesDevOverlayProcessTest"}]}""".formatted(
                items.get(0).path("id").asText(), items.get(1).path("id").asText());
        HttpResponse<String> created = send(gateway, "POST", "/api/v1/deals", adminKey, body, INGRESS);
        System.out.println("POST /api/v1/deals: " + created.statusCode() + " Location "
                + created.headers().firstValue("Location").orElse("-"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        // Behind the ingress (X-Forwarded-Proto/Host from a trusted proxy), the URLs are the public https ones.
        // Location is either that URL or a path on it (the gateway never reflects an untrusted host), never http://.
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotStartWith("http:");
        assertThat(URI.create(PUBLIC + "/api/v1/deals").resolve(location).toString())
                .isEqualTo(PUBLIC + "/api/v1/deals/" + id);
        HttpResponse<String> page = send(gateway, "GET", "/api/v1/deals?limit=1", adminKey, null, INGRESS);
        Matcher link = Pattern.compile("<([^>]*)>")
                .matcher(page.headers().firstValue("Link").orElseThrow());
        assertThat(link.find()).isTrue();
        assertThat(URI.create(link.group(1)).getScheme())
                .as("a path, never an http:// URL")
                .isNull();
        assertThat(URI.create(PUBLIC + "/api/v1/deals?limit=1")
                        .resolve(link.group(1))
                        .toString())
                .startsWith(PUBLIC + "/api/v1/deals?");
        HttpResponse<String> problem = send(gateway, "GET", "/api/v1/deals/not-a-uuid", adminKey, null, INGRESS);
        String instance = JSON.readTree(problem.body()).path("instance").asText();
        assertThat(problem.statusCode()).isIn(400, 404);
        assertThat(URI.create(PUBLIC + "/").resolve(instance).toString())
                .isEqualTo(PUBLIC + "/api/v1/deals/not-a-uuid");
        System.out.println("behind the ingress: Link " + link.group(1) + ", problem instance " + instance);
        HttpResponse<String> completed = send(
                gateway,
                "POST",
                "/api/v1/deals/" + id + "/status-changes",
                adminKey,
                "{\"status\": \"completed\"}",
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        System.out.println("POST status-changes (asks region-service for clearance): " + completed.statusCode());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    }

    @Test
    void theServicesRanWithTheOverlaysCredentialsNotTheDevelopmentDefaults() {
        assertThat(ENVIRONMENTS.get("gateway"))
                .containsKeys(
                        "DEALRADAR_GATEWAY_BACKENDS_COMPANY_SERVICE_URL",
                        "QUARKUS_REDIS_PASSWORD",
                        "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                        "DEALRADAR_WEBHOOKS_SEALING_KEYS");
        ENVIRONMENTS.forEach((module, env) -> {
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as(module).contains("sslmode=verify-full");
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME"))
                    .as(module + ": its own role")
                    .isEqualTo(module.replace("-service", ""));
            env.values()
                    .forEach(value -> assertThat(value)
                            .as(module)
                            .doesNotContain("DEV-ONLY")
                            .doesNotContain(":8081")
                            .doesNotContain("dealradar-db-rw")
                            .doesNotContainPattern("(^|=)/secrets/"));
        });
    }

    /** The overlay's variables for one Deployment: values, secret references, $(VAR) expansion; addresses rewritten. */
    static Map<String, String> environment(Deployment deployment, Map<String, String> addresses) throws IOException {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Map<String, String> mounts =
                mountSecrets(pod, container, deployment.getMetadata().getName());
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            String value;
            if (var.getValueFrom() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                assertThat(ref)
                        .as(var.getName() + ": only secret references are used")
                        .isNotNull();
                byte[] bytes = secrets.getOrDefault(ref.getName(), Map.of()).get(ref.getKey());
                if (bytes == null && Boolean.TRUE.equals(ref.getOptional())) {
                    continue;
                }
                assertThat(bytes)
                        .as("secret " + ref.getName() + "/" + ref.getKey())
                        .isNotNull();
                value = new String(bytes, StandardCharsets.UTF_8);
            } else {
                value = expand(var.getValue(), env);
            }
            for (var address : addresses.entrySet()) {
                String key = address.getKey();
                if (key.startsWith(var.getName() + "=")) {
                    value = value.replace(key.substring(var.getName().length() + 1), address.getValue());
                } else if (!key.contains("=")) {
                    value = value.replace(key, address.getValue());
                }
            }
            for (var mount : mounts.entrySet()) {
                value = value.replace(mount.getKey(), mount.getValue());
            }
            env.put(var.getName(), value);
        }
        return env;
    }

    static String expand(String value, Map<String, String> env) {
        Matcher m = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Secret volumes written where the pod would mount them (under the work directory); mount path -> local path. */
    static Map<String, String> mountSecrets(PodSpec pod, Container container, String module) throws IOException {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            if (volume.getSecret() == null) {
                continue;
            }
            Map<String, byte[]> data = secrets.get(volume.getSecret().getSecretName());
            assertThat(data).as("secret " + volume.getSecret().getSecretName()).isNotNull();
            Path dir = Files.createDirectories(
                    work.resolve(module).resolve(mount.getMountPath().substring(1)));
            for (var item : volume.getSecret().getItems()) {
                assertThat(data).as(volume.getSecret().getSecretName()).containsKey(item.getKey());
                Files.write(dir.resolve(item.getPath()), data.get(item.getKey()));
            }
            mounts.put(mount.getMountPath(), dir.toString());
        }
        return mounts;
    }

    /** k8s/secrets.sh's output, as the cluster would hold it; the CloudNativePG CA comes from startPostgres. */
    static Map<String, Map<String, byte[]>> secretsFromTheScript() {
        String out = Manifests.run(
                List.of("bash", Manifests.ROOT.resolve("k8s/secrets.sh").toString(), "dev"), "k8s/secrets.sh failed");
        Map<String, Map<String, byte[]>> all = new HashMap<>();
        for (JsonNode doc : Manifests.documents(out)) {
            Secret secret = Manifests.parseTyped(doc, Secret.class);
            Map<String, byte[]> data = new HashMap<>();
            secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
            all.put(secret.getMetadata().getName(), data);
        }
        return all;
    }

    /** A private PostgreSQL with TLS, and the roles and databases CloudNativePG would create from the overlay. */
    static void startPostgres(Manifests.Rendered dev, int port) throws Exception {
        Path dir = Files.createDirectories(work.resolve("postgres"));
        pgData = dir.resolve("data");
        // Server certificate for "localhost" signed by a CA of the test: the CA is what dealradar-db-ca would hold.
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=dealradar-test-ca",
                "-keyout",
                dir.resolve("ca.key").toString(),
                "-out",
                dir.resolve("ca.crt").toString()));
        run(List.of(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                dir.resolve("server.key").toString(),
                "-out",
                dir.resolve("server.csr").toString()));
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(List.of(
                "openssl",
                "x509",
                "-req",
                "-in",
                dir.resolve("server.csr").toString(),
                "-CA",
                dir.resolve("ca.crt").toString(),
                "-CAkey",
                dir.resolve("ca.key").toString(),
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                dir.resolve("san.ext").toString(),
                "-out",
                dir.resolve("server.crt").toString()));
        secrets.put("dealradar-db-ca", Map.of("ca.crt", Files.readAllBytes(dir.resolve("ca.crt"))));
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            run(List.of("chmod", "755", work.toString()));
        }
        run(List.of("chmod", "600", dir.resolve("server.key").toString()));
        run(asPostgres(List.of(pgBin("initdb"), "-D", pgData.toString(), "-A", "trust", "-U", "postgres")));
        Files.writeString(pgData.resolve("pg_hba.conf"), """
                local all postgres trust
                hostssl all all 127.0.0.1/32 scram-sha-256
                """);
        Files.writeString(
                pgData.resolve("postgresql.conf"),
                """
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                ssl = on
                ssl_cert_file = '%s'
                ssl_key_file = '%s'
                password_encryption = scram-sha-256
                """.formatted(port, dir, dir.resolve("server.crt"), dir.resolve("server.key")),
                java.nio.file.StandardOpenOption.APPEND);
        run(asPostgres(List.of(
                pgBin("pg_ctl"),
                "-D",
                pgData.toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "start")));
        StringBuilder sql = new StringBuilder();
        for (JsonNode role : dev.custom("Cluster").get(0).at("/spec/managed/roles")) {
            String password = new String(
                    secrets.get(role.at("/passwordSecret/name").asText()).get("password"), StandardCharsets.UTF_8);
            sql.append("CREATE ROLE \"")
                    .append(role.path("name").asText())
                    .append("\" LOGIN PASSWORD '")
                    .append(password)
                    .append("';\n");
        }
        run(asPostgres(List.of(
                "psql",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                dir.toString(),
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-c",
                sql.toString())));
        for (JsonNode database : dev.custom("Database")) {
            run(asPostgres(List.of(
                    "psql",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-h",
                    dir.toString(),
                    "-p",
                    Integer.toString(port),
                    "-U",
                    "postgres",
                    "-c",
                    "CREATE DATABASE \"" + database.at("/spec/name").asText() + "\" OWNER \""
                            + database.at("/spec/owner").asText() + "\"")));
        }
    }

    static void startRedis(String password, int port) throws IOException {
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--requirepass",
                        password,
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("redis.log").toFile())
                .start();
    }

    /**
     * A read, repeated (at most 5 times) while the gateway answers 504: a just-started JVM on a busy machine can take
     * longer than the gateway's backend timeout for its first requests. A wrong address or credential is not retried.
     */
    static HttpResponse<String> read(
            String base, String path, String apiKey, String backend, Map<String, Integer> attempts) throws Exception {
        HttpResponse<String> answer;
        int attempt = 0;
        do {
            answer = send(base, "GET", path, apiKey, null);
            attempts.put(backend, ++attempt);
        } while (answer.statusCode() == 504 && attempt < 5);
        return answer;
    }

    static HttpResponse<String> send(
            String base, String method, String path, String apiKey, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return ContractValidator.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static String pgBin(String tool) throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Path newest = versions.sorted(java.util.Comparator.reverseOrder())
                    .findFirst()
                    .orElseThrow();
            return newest.resolve("bin").resolve(tool).toString();
        }
    }

    static void run(List<String> command) {
        Manifests.run(command, "failed");
    }
}
