package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifests in k8s/ stay consistent with the services (ports, probes, secrets, hardening). */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");
    private static final Map<String, Integer> PORTS = Map.of(
            "gateway", 8080, "company-service", 8081, "deal-service", 8082, "region-service", 8083);

    @Test
    void everyServiceIsDeployedHardenedAndProbed() throws IOException {
        for (var service : PORTS.entrySet()) {
            List<JsonNode> docs = documents(K8S.resolve(service.getKey() + ".yaml"));
            JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
            JsonNode svc = docs.stream().filter(d -> d.path("kind").asText().equals("Service")).findFirst().orElseThrow();
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");

            assertThat(container.at("/ports/0/containerPort").asInt()).as(service.getKey()).isEqualTo(service.getValue());
            assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(service.getValue());
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(env(container)).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD");
        }
    }

    @Test
    void onlyTheGatewayGetsTheSigningKey() throws IOException {
        for (String service : PORTS.keySet()) {
            JsonNode pod = documents(K8S.resolve(service + ".yaml")).getFirst().at("/spec/template/spec");
            String keyFile = "";
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.path("secret").path("secretName").asText().equals("dealradar-internal-token")) {
                    keyFile = volume.at("/secret/items/0/key").asText();
                }
            }
            assertThat(keyFile).as(service).isEqualTo(service.equals("gateway") ? "private.pem" : "public.pem");
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = documents(K8S.resolve("kustomization.yaml")).getFirst();
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        try (var files = Files.list(K8S)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
        }
    }

    private static List<String> env(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            return yaml.readValues(parser, JsonNode.class).readAll();
        }
    }
}
