package com.dealradar.systemtests.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The manifests as an operator gets them: {@code kubectl kustomize k8s/overlays/<name>} (a rendering failure fails
 * the test), every object parsed into fabric8's typed Kubernetes model with unknown fields rejected, and the
 * operators' custom resources validated against the CRD schemas in {@code k8s/crds/} (unknown fields rejected,
 * as the API server's pruning would silently drop them).
 */
public final class Manifests {

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final Path ROOT = repositoryRoot();
    public static final List<String> OVERLAYS = List.of("dev", "prod");

    /** The typed kinds DealRadar ships, by apiVersion/kind. Anything else fails the parse. */
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Service", Service.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Manifests() {}

    /** An overlay rendered and parsed: typed objects and validated custom resources. */
    public record Rendered(String overlay, List<HasMetadata> typed, List<JsonNode> custom) {

        public <T extends HasMetadata> List<T> all(Class<T> type) {
            return typed.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public <T extends HasMetadata> T one(Class<T> type, String name) {
            return all(type).stream()
                    .filter(o -> o.getMetadata().getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + " " + name));
        }

        public List<JsonNode> custom(String kind) {
            return custom.stream()
                    .filter(o -> o.path("kind").asText().equals(kind))
                    .toList();
        }

        /** Every workload's pod template by workload name (Deployments and StatefulSets). */
        public Map<String, PodTemplateSpec> podTemplates() {
            Map<String, PodTemplateSpec> pods = new java.util.TreeMap<>();
            all(Deployment.class)
                    .forEach(
                            d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
            all(StatefulSet.class)
                    .forEach(
                            s -> pods.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
            return pods;
        }
    }

    /**
     * The overlay's cluster addresses (k8s/overlays/OVERLAY/cluster-network.yaml: podCIDR, apiServerCIDR), which the
     * cluster-network component writes into the manifests; the file itself is never applied.
     */
    public static Map<String, String> clusterNetwork(String overlay) {
        try {
            JsonNode data = YAML.readTree(ROOT.resolve("k8s/overlays")
                            .resolve(overlay)
                            .resolve("cluster-network.yaml")
                            .toFile())
                    .path("data");
            return Map.of(
                    "podCIDR",
                    data.path("podCIDR").asText(),
                    "apiServerCIDR",
                    data.path("apiServerCIDR").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Rendered render(String overlay) {
        return CACHE.computeIfAbsent(overlay, Manifests::renderNow);
    }

    private static Rendered renderNow(String overlay) {
        String yaml = kustomize(ROOT.resolve("k8s/overlays").resolve(overlay));
        List<HasMetadata> typed = new ArrayList<>();
        List<JsonNode> custom = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode doc : documents(yaml)) {
            String id = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            String where = overlay + ": " + doc.path("kind").asText() + " "
                    + doc.at("/metadata/name").asText();
            Class<? extends HasMetadata> type = TYPED.get(id);
            if (type != null) {
                HasMetadata object = parseTyped(doc, type);
                errors.addAll(unknownFields(object, where));
                typed.add(object);
            } else {
                errors.addAll(CustomResources.validate(doc, where));
                custom.add(doc);
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("rendered " + overlay + " is not valid:\n  " + String.join("\n  ", errors));
        }
        return new Rendered(overlay, List.copyOf(typed), List.copyOf(custom));
    }

    public static <T> T parseTyped(JsonNode doc, Class<T> type) {
        try {
            return YAML.treeToValue(doc, type);
        } catch (IOException e) {
            throw new AssertionError(
                    doc.path("kind").asText() + " " + doc.at("/metadata/name").asText() + " does not parse as "
                            + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** All YAML documents of a multi-document stream (empty ones skipped). */
    public static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    docs.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /**
     * Fields the typed model did not know: fabric8 keeps them in {@code additionalProperties} instead of failing,
     * so every object reachable from the parsed one is checked (a misspelled field would otherwise be dropped by
     * the API server without a word).
     */
    public static List<String> unknownFields(Object root, String where) {
        List<String> errors = new ArrayList<>();
        walk(root, "", where, errors, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return errors;
    }

    private static void walk(Object value, String path, String where, List<String> errors, Set<Object> seen) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>
                || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, where, errors, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", where, errors, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    errors.add(where + ": unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
            } else {
                walk(child, path + "." + name, where, errors, seen);
            }
        }
    }

    /** {@code kubectl kustomize DIR}: offline, kustomize v5 inside kubectl. */
    public static String kustomize(Path dir) {
        return run(List.of(kubectl(), "kustomize", dir.toString()), dir + " does not render");
    }

    /** kubectl from $KUBECTL or the PATH (.ci/run provides one where the machine has none). */
    public static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(
                "kubectl is needed to render k8s/ (kubectl kustomize): put it on the PATH or set KUBECTL"
                        + " (.ci/run fetches one, see README \"Deploying to Kubernetes\")");
    }

    public static String run(List<String> command, String failure) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(
                        failure + ": " + String.join(" ", command) + "\n" + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("k8s/overlays")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the DealRadar repository");
    }

    /** Custom resources of the operators, validated against their CRDs' openAPIV3Schema. */
    static final class CustomResources {

        private static final Map<String, JsonSchema> SCHEMAS = loadSchemas();

        static List<String> validate(JsonNode resource, String where) {
            String apiVersion = resource.path("apiVersion").asText();
            String kind = resource.path("kind").asText();
            JsonSchema schema = SCHEMAS.get(apiVersion + "/" + kind);
            if (schema == null) {
                return List.of(
                        where + ": " + apiVersion + " " + kind + " is neither a typed kind nor a CRD in k8s/crds/");
            }
            Set<ValidationMessage> messages = schema.validate(resource);
            return messages.stream()
                    .map(m -> where + ": " + m.getMessage())
                    .sorted()
                    .toList();
        }

        private static Map<String, JsonSchema> loadSchemas() {
            Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
            try (var files = Files.list(ROOT.resolve("k8s/crds"))) {
                for (Path file :
                        files.filter(f -> f.toString().matches(".*\\.ya?ml$")).toList()) {
                    JsonNode crd = YAML.readTree(file.toFile());
                    String group = crd.at("/spec/group").asText();
                    String kind = crd.at("/spec/names/kind").asText();
                    for (JsonNode version : crd.at("/spec/versions")) {
                        ObjectNode schema =
                                version.at("/schema/openAPIV3Schema").deepCopy();
                        // Every object has these, whether the CRD's schema lists them or not (the Keycloak ones do
                        // not).
                        ObjectNode properties = schema.with("properties");
                        properties.putIfAbsent(
                                "apiVersion", YAML.createObjectNode().put("type", "string"));
                        properties.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
                        properties.putIfAbsent(
                                "metadata", YAML.createObjectNode().put("type", "object"));
                        closeObjects(schema);
                        schemas.put(
                                group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return schemas;
        }

        /**
         * Structural schemas prune unknown fields; to catch them here every object schema with declared properties
         * (and without x-kubernetes-preserve-unknown-fields) gets additionalProperties: false.
         */
        static void closeObjects(JsonNode node) {
            if (node instanceof ObjectNode object) {
                if (object.has("properties")
                        && !object.has("additionalProperties")
                        && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    object.put("additionalProperties", false);
                }
                object.forEach(CustomResources::closeObjects);
            } else if (node != null && node.isArray()) {
                node.forEach(CustomResources::closeObjects);
            }
        }
    }
}
