package com.dealradar.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The realm the Keycloak operator imports in the cluster (k8s/base/keycloak-realm.yaml) is derived from the one the
 * local run and the tests use (keycloak/dealradar-realm.json): the same roles, clients and settings, without the
 * LOCAL DEVELOPMENT users (the gateway's service account stays: it is how its client gets its rights) and without the
 * dealradar-cli client (password grant, local only), with the web client's redirect URIs on the public https origins,
 * and with each confidential client's secret taken from a Secret of the cluster (the operator's placeholders) instead
 * of the LOCAL DEVELOPMENT value. Any change to the development realm fails this test until the
 * import is regenerated: {@code mvn -pl system-tests verify -Dtest=KubernetesRealmImportTest -Dk8s.update=true}.
 */
class KubernetesRealmImportTest {

    static final Path REALM = Manifests.ROOT.resolve("keycloak/dealradar-realm.json");
    static final Path IMPORT = Manifests.ROOT.resolve("k8s/base/keycloak-realm.yaml");
    static final String LOCAL_ONLY_CLIENT = "dealradar-cli";
    static final String WEB_CLIENT = "dealradar-web";
    /** Where the web client (Swagger UI, the frontend) signs users in, in production; the dev overlay patches these. */
    static final List<String> WEB_REDIRECTS =
            List.of("https://app.dealradar.example/*", "https://api.dealradar.example/q/swagger-ui/*");

    static final List<String> WEB_ORIGINS = List.of("https://app.dealradar.example", "https://api.dealradar.example");

    /** The gateway's confidential client, and the Secret (k8s/secrets.sh) its secret comes from in the cluster. */
    static final String GATEWAY_CLIENT = "dealradar-gateway";

    static final String GATEWAY_CLIENT_SECRET = "dealradar-keycloak-gateway";
    static final String GATEWAY_SECRET_PLACEHOLDER = "GATEWAY_CLIENT_SECRET";

    static ObjectNode derive(JsonNode source) {
        ObjectNode realm = source.deepCopy();
        ArrayNode serviceAccounts = realm.putArray("users");
        for (JsonNode user : source.path("users")) {
            if (user.has("serviceAccountClientId")) {
                serviceAccounts.add(user.deepCopy());
            }
        }
        ArrayNode clients = realm.putArray("clients");
        for (JsonNode client : source.path("clients")) {
            String id = client.path("clientId").asText();
            if (id.equals(LOCAL_ONLY_CLIENT)) {
                continue;
            }
            ObjectNode copy = client.deepCopy();
            if (id.equals(WEB_CLIENT)) {
                ArrayNode redirects = copy.putArray("redirectUris");
                WEB_REDIRECTS.forEach(redirects::add);
                ArrayNode origins = copy.putArray("webOrigins");
                WEB_ORIGINS.forEach(origins::add);
            }
            if (id.equals(GATEWAY_CLIENT)) {
                copy.put("secret", "${" + GATEWAY_SECRET_PLACEHOLDER + "}");
            }
            clients.add(copy);
        }
        return realm;
    }

    static ObjectNode expectedImport() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode resource = json.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = resource.putObject("metadata");
        metadata.put("name", "dealradar-realm");
        metadata.putObject("labels").put("app.kubernetes.io/part-of", "dealradar");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "dealradar-keycloak");
        ObjectNode secret = spec.putObject("placeholders")
                .putObject(GATEWAY_SECRET_PLACEHOLDER)
                .putObject("secret");
        secret.put("name", GATEWAY_CLIENT_SECRET);
        secret.put("key", "client-secret");
        spec.set("realm", derive(json.readTree(REALM.toFile())));
        return resource;
    }

    @Test
    void realmImportIsTheDevelopmentRealmWithoutLocalUsersAndTheCliClient() throws IOException {
        ObjectNode expected = expectedImport();
        if (Boolean.getBoolean("k8s.update")) {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            Files.writeString(
                    IMPORT,
                    "# GENERATED from keycloak/dealradar-realm.json by KubernetesRealmImportTest (-Dk8s.update=true):\n"
                            + "# the realm without its LOCAL DEVELOPMENT users, the dealradar-cli client and the LOCAL\n"
                            + "# DEVELOPMENT client secret (the cluster's comes from a Secret). Do not edit.\n"
                            + yaml.writeValueAsString(expected));
        }
        JsonNode actual = Manifests.YAML.readTree(IMPORT.toFile());
        assertThat(actual)
                .as("k8s/base/keycloak-realm.yaml is stale: regenerate it with -Dk8s.update=true")
                .isEqualTo(expected);
    }

    /**
     * Keycloak stores a client's name and description in columns of 255 characters: a longer one stops the import,
     * and with it Keycloak's start (the development realm's first version of the gateway's client did).
     */
    @Test
    void theRealmsClientsFitKeycloaksColumns() throws IOException {
        JsonNode source = new ObjectMapper().readTree(REALM.toFile());
        source.path("clients").forEach(client -> {
            for (String field : List.of("clientId", "name", "description")) {
                assertThat(client.path(field).asText().length())
                        .as(client.path("clientId").asText() + ": " + field)
                        .isLessThanOrEqualTo(255);
            }
        });
    }

    @Test
    void everyOverlayImportsARealmWithoutUsersOrLocalClientsOrLocalhost() throws IOException {
        JsonNode source = new ObjectMapper().readTree(REALM.toFile());
        assertThat(source.path("users").size())
                .as("the development realm has users to drop")
                .isPositive();
        for (String overlay : Manifests.OVERLAYS) {
            List<JsonNode> imports = Manifests.render(overlay).custom("KeycloakRealmImport");
            assertThat(imports).as(overlay).hasSize(1);
            JsonNode realm = imports.get(0).at("/spec/realm");
            List<String> users = new ArrayList<>();
            realm.path("users").forEach(u -> users.add(u.path("username").asText()));
            assertThat(users)
                    .as(overlay + ": only service accounts")
                    .containsExactly("service-account-" + GATEWAY_CLIENT);
            assertThat(realm.toString())
                    .as(overlay + ": no LOCAL DEVELOPMENT secret")
                    .doesNotContain("DEV-ONLY");
            realm.path("clients").forEach(c -> {
                if (c.has("secret")) {
                    String placeholder = c.path("secret").asText().replaceAll("^\\$\\{(.*)}$", "$1");
                    assertThat(imports.get(0)
                                    .at("/spec/placeholders/" + placeholder + "/secret/name")
                                    .asText())
                            .as(overlay + ": the secret of "
                                    + c.path("clientId").asText() + " comes from a Secret")
                            .isEqualTo(GATEWAY_CLIENT_SECRET);
                }
            });
            List<String> clients = new ArrayList<>();
            realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
            assertThat(clients).as(overlay).doesNotContain(LOCAL_ONLY_CLIENT).contains(WEB_CLIENT);
            assertThat(realm.toString())
                    .as(overlay + ": no localhost URL in the cluster's realm")
                    .doesNotContain("http://localhost")
                    .doesNotContain("http://127.0.0.1");
            assertThat(realm.path("realm").asText())
                    .isEqualTo(source.path("realm").asText());
            assertThat(realm.path("roles")).isEqualTo(source.path("roles"));
            assertThat(imports.get(0).at("/spec/keycloakCRName").asText())
                    .isEqualTo(Manifests.render(overlay)
                            .custom("Keycloak")
                            .get(0)
                            .at("/metadata/name")
                            .asText());
        }
    }
}
