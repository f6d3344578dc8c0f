package com.dealradar.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Policy checks over the rendered overlays (what {@code kubectl apply -k} would send), not over the raw files:
 * probes, resources, security context, service accounts, graceful shutdown, pinned images, TLS, and in production
 * autoscaling, disruption budgets and topology spread; plus the image recipe against the manifests and the secrets
 * script against every secret the manifests reference.
 */
class KubernetesManifestsTest {

    static final Set<String> SERVICES = Set.of("gateway", "company-service", "deal-service", "region-service");
    static final Pattern PINNED_IMAGE = Pattern.compile(".+(@sha256:[0-9a-f]{64}|:\\d+\\.\\d+\\.\\d+[\\w.-]*)");

    @Test
    void everyOverlayRendersIntoKnownTypesWithoutUnknownFields() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            assertThat(rendered.all(Deployment.class))
                    .extracting(d -> d.getMetadata().getName())
                    .as(overlay)
                    .containsExactlyInAnyOrderElementsOf(SERVICES);
            assertThat(rendered.custom())
                    .extracting(r -> r.path("kind").asText())
                    .as(overlay)
                    .contains("Cluster", "Database", "Keycloak", "KeycloakRealmImport");
            rendered.typed()
                    .forEach(o -> assertThat(
                                    o.getMetadata().getNamespace() == null
                                            ? "dealradar"
                                            : o.getMetadata().getNamespace())
                            .isEqualTo("dealradar"));
            System.out.printf(
                    "%s: %d typed objects, %d custom resources%n",
                    overlay, rendered.typed().size(), rendered.custom().size());
        }
    }

    @Test
    void theUnknownFieldChecksCatchAMisspelling() throws IOException {
        JsonNode deployment = Manifests.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      terminationGracePeriodSecond: 30
                      containers: [{name: x, image: x, resources: {limit: {memory: 1Gi}}}]
                """);
        List<String> errors = Manifests.unknownFields(Manifests.parseTyped(deployment, Deployment.class), "test");
        assertThat(errors)
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("terminationGracePeriodSecond"))
                .anySatisfy(e -> assertThat(e).contains("[limit]"));
        JsonNode cluster = Manifests.YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instance: 1, storage: {size: 1Gi}}
                """);
        assertThat(Manifests.CustomResources.validate(cluster, "test"))
                .anySatisfy(e -> assertThat(e).contains("property 'instance' is not defined"));
        assertThatThrownBy(() -> Manifests.kustomize(Manifests.ROOT.resolve("k8s/crds")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void everyWorkloadIsProbedSizedHardenedAndHasItsOwnServiceAccount() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            Map<String, ServiceAccount> accounts = rendered.all(ServiceAccount.class).stream()
                    .collect(Collectors.toMap(a -> a.getMetadata().getName(), a -> a));
            for (var workload : rendered.podTemplates().entrySet()) {
                String where = overlay + "/" + workload.getKey();
                PodSpec pod = workload.getValue().getSpec();
                assertThat(pod.getServiceAccountName()).as(where).isEqualTo(workload.getKey());
                assertThat(accounts.get(workload.getKey()).getAutomountServiceAccountToken())
                        .as(where)
                        .isFalse();
                assertThat(pod.getAutomountServiceAccountToken()).as(where).isFalse();
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(where).isTrue();
                assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                        .as(where)
                        .isEqualTo("RuntimeDefault");
                for (Container c : pod.getContainers()) {
                    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation())
                            .as(where)
                            .isFalse();
                    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem())
                            .as(where)
                            .isTrue();
                    assertThat(c.getSecurityContext().getCapabilities().getDrop())
                            .as(where)
                            .containsExactly("ALL");
                    assertThat(c.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                    assertThat(c.getResources().getLimits()).as(where).containsKey("memory");
                    assertThat(bytes(c.getResources().getRequests().get("memory")))
                            .as(where + ": memory request = limit")
                            .isEqualTo(bytes(c.getResources().getLimits().get("memory")));
                    assertThat(c.getReadinessProbe()).as(where).isNotNull();
                    assertThat(c.getLivenessProbe()).as(where).isNotNull();
                    assertThat(PINNED_IMAGE.matcher(c.getImage()).matches())
                            .as(where + ": image " + c.getImage() + " pinned")
                            .isTrue();
                }
                if (SERVICES.contains(workload.getKey())) {
                    Container c = pod.getContainers().get(0);
                    assertHealthProbe(where, c.getStartupProbe(), "/q/health/started");
                    assertHealthProbe(where, c.getReadinessProbe(), "/q/health/ready");
                    assertHealthProbe(where, c.getLivenessProbe(), "/q/health/live");
                    assertThat(c.getPorts()).as(where).anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("management");
                        assertThat(p.getContainerPort()).isEqualTo(9000);
                    });
                    assertThat(workload.getValue().getMetadata().getAnnotations())
                            .as(where + ": scraped on the management port")
                            .containsEntry("prometheus.io/scrape", "true")
                            .containsEntry("prometheus.io/port", "9000")
                            .containsEntry("prometheus.io/path", "/q/metrics");
                }
            }
        }
    }

    /**
     * The pods the operators make in the namespace meet its "restricted" Pod Security Standard too. The Keycloak
     * operator sets no security context on Keycloak's pods (or on itself, k8s/keycloak-operator patches its upstream
     * Deployment): without one they are refused at admission. The operator also needs the Kubernetes API, which the
     * namespace's default-deny would block.
     */
    @Test
    void keycloakAndItsOperatorMeetTheNamespacesPodSecurityStandard() throws IOException {
        for (String overlay : Manifests.OVERLAYS) {
            JsonNode pod = Manifests.render(overlay).custom("Keycloak").get(0).at("/spec/unsupported/podTemplate/spec");
            assertRestricted(
                    overlay + "/keycloak",
                    pod.path("securityContext"),
                    pod.path("containers").get(0));
        }
        Path operator = Manifests.ROOT.resolve("k8s/keycloak-operator");
        JsonNode kustomization =
                Manifests.YAML.readTree(operator.resolve("kustomization.yaml").toFile());
        assertThat(kustomization.path("namespace").asText()).isEqualTo("dealradar");
        assertThat(kustomization.path("resources").get(0).asText())
                .as("the operator release the Keycloak resource is written against (its CRDs in k8s/crds)")
                .contains("/keycloak-k8s-resources/" + keycloakOperatorVersion() + "/");
        ObjectNode patched = Manifests.YAML.createObjectNode();
        for (JsonNode op : Manifests.YAML.readTree(
                kustomization.path("patches").get(0).path("patch").asText())) {
            patched.set(op.path("path").asText(), op.path("value"));
        }
        assertRestricted(
                "keycloak-operator",
                patched.path("/spec/template/spec/securityContext"),
                Manifests.YAML
                        .createObjectNode()
                        .set("securityContext", patched.path("/spec/template/spec/containers/0/securityContext")));
        NetworkPolicy policy =
                Manifests.YAML.readValue(operator.resolve("network-policy.yaml").toFile(), NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", "keycloak-operator");
        assertThat(policy.getSpec().getEgress())
                .flatExtracting(rule -> rule.getPorts())
                .extracting(port -> port.getPort().getIntVal())
                .contains(443, 6443);
    }

    private static void assertRestricted(String where, JsonNode podSecurity, JsonNode container) {
        assertThat(podSecurity.path("runAsNonRoot").asBoolean())
                .as(where + ": runAsNonRoot")
                .isTrue();
        assertThat(podSecurity.at("/seccompProfile/type").asText())
                .as(where + ": seccomp")
                .isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").isBoolean()
                        && !container
                                .at("/securityContext/allowPrivilegeEscalation")
                                .asBoolean())
                .as(where + ": allowPrivilegeEscalation false")
                .isTrue();
        assertThat(container.at("/securityContext/capabilities/drop").toString())
                .as(where + ": capabilities dropped")
                .isEqualTo("[\"ALL\"]");
    }

    /** The Keycloak operator release the README's prerequisites name. */
    private static String keycloakOperatorVersion() throws IOException {
        Matcher m = Pattern.compile("Keycloak operator\\]\\([^)]*\\) \\*\\*([0-9.]+)\\*\\*")
                .matcher(Files.readString(Manifests.ROOT.resolve("README.md")));
        assertThat(m.find())
                .as("the README names the Keycloak operator's version")
                .isTrue();
        return m.group(1);
    }

    private static void assertHealthProbe(String where, Probe probe, String path) {
        assertThat(probe).as(where + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(where).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal())
                .as(where + ": probes on the management port")
                .isEqualTo("management");
        if (!path.endsWith("/started")) {
            // Kubernetes' default of 1 s: a pause of the JVM or a busy readiness check would count as a failure.
            assertThat(probe.getTimeoutSeconds())
                    .as(where + " " + path + ": timeoutSeconds")
                    .isNotNull()
                    .isGreaterThanOrEqualTo(3);
        }
    }

    /** A rolling update drops nothing: endpoints drain during preStop, then Quarkus finishes what is in flight. */
    @Test
    void gracefulShutdownFitsTheGracePeriod() {
        for (String overlay : Manifests.OVERLAYS) {
            for (Deployment d : Manifests.render(overlay).all(Deployment.class)) {
                String where = overlay + "/" + d.getMetadata().getName();
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                Container c = pod.getContainers().get(0);
                long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
                // quarkus.shutdown.timeout is configured once, in the service (not overridden by the Deployment).
                assertThat(env(c)).as(where).doesNotContainKey("QUARKUS_SHUTDOWN_TIMEOUT");
                Duration shutdown = shutdownTimeout(d.getMetadata().getName());
                assertThat(preStop).as(where + ": preStop").isBetween(5L, 30L);
                assertThat(shutdown.toSeconds())
                        .as(where + ": quarkus.shutdown.timeout")
                        .isPositive();
                // Then background work stops: the gateway's webhook dispatcher waits for the attempts in flight (the
                // webhook timeout + 5 s to record them, WebhookDispatcher) and its event relay for its round, as
                // region-service's deadline events do (PeriodicTask.GRACE, 10 s).
                long background = switch (d.getMetadata().getName()) {
                    case "gateway" -> webhookTimeout().toSeconds() + 5 + 10;
                    case "region-service" -> 10;
                    default -> 0;
                };
                assertThat(pod.getTerminationGracePeriodSeconds())
                        .as(where + ": grace period covers preStop + shutdown + background work + margin")
                        .isGreaterThanOrEqualTo(preStop + shutdown.toSeconds() + background + 5);
                assertThat(d.getSpec()
                                .getStrategy()
                                .getRollingUpdate()
                                .getMaxUnavailable()
                                .getIntVal())
                        .as(where)
                        .isZero();
            }
        }
    }

    @Test
    void productionAutoscalesKeepsABudgetAndSpreadsOverZonesAndNodes() {
        Manifests.Rendered prod = Manifests.render("prod");
        Map<String, HorizontalPodAutoscaler> hpas = prod.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        for (Deployment d : prod.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            HorizontalPodAutoscaler hpa = hpas.get(name);
            assertThat(hpa).as(name + ": HPA").isNotNull();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas())
                    .as(name)
                    .isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(d.getSpec().getReplicas())
                    .as(name + ": replicas belong to the HPA")
                    .isNull();
            Map<String, String> podLabels =
                    d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = prod.all(PodDisruptionBudget.class).stream()
                    .filter(p -> podLabels
                            .entrySet()
                            .containsAll(
                                    p.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as(name + ": PDB").hasSize(1);
            assertThat(budgets.get(0).getSpec().getMinAvailable().getIntVal())
                    .as(name)
                    .isPositive()
                    .isLessThan(hpa.getSpec().getMinReplicas());
            List<TopologySpreadConstraint> spread =
                    d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertThat(spread)
                    .extracting(TopologySpreadConstraint::getTopologyKey)
                    .as(name)
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            spread.forEach(t -> {
                assertThat(podLabels.entrySet())
                        .containsAll(t.getLabelSelector().getMatchLabels().entrySet());
                assertThat(t.getMatchLabelKeys()).as(name + ": per Deployment").contains("pod-template-hash");
                assertThat(t.getNodeTaintsPolicy())
                        .as(name + ": nodes the pods cannot run on are no domains (else Pending at one per node)")
                        .isEqualTo("Honor");
            });
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getImage()).as(name).startsWith("registry.example/").matches(PINNED_IMAGE);
            assertThat(env(c))
                    .as(name + ": JSON logs, OTLP traces")
                    .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                    .containsKey("QUARKUS_OTEL_TRACES_SAMPLER_ARG")
                    .containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
        }
        assertThat(prod.custom("Cluster").get(0).at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(prod.custom("Keycloak").get(0).at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    /**
     * At the production overlay's largest scale every pod's connection pool must still get its connections: a pool that
     * cannot open one answers its requests with errors. The services' pools (HPA maxReplicas x the pool size the service
     * reads: its Deployment's environment, else its application.properties, else the platform's defaults) and
     * Keycloak's (instances x db.poolMaxSize; its own default is 100) must leave the superusers' reserved connections
     * and some for operators' sessions.
     */
    @Test
    void atFullScaleEveryConnectionPoolFitsTheDatabase() {
        Manifests.Rendered prod = Manifests.render("prod");
        Map<String, Integer> maxReplicas = prod.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(
                        h -> h.getSpec().getScaleTargetRef().getName(),
                        h -> h.getSpec().getMaxReplicas()));
        Map<String, Integer> pools = new TreeMap<>();
        for (Deployment d : prod.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(ServiceConfigKeys.configured(name, "quarkus.datasource.jdbc.url"))
                    .as(name + ": uses the database")
                    .isNotNull();
            String size = env(d.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0))
                    .getOrDefault(
                            "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                            ServiceConfigKeys.configured(name, "quarkus.datasource.jdbc.max-size"));
            assertThat(size)
                    .as(name + ": a pool size is set (Quarkus' default would be 20)")
                    .isNotNull();
            assertThat(maxReplicas).as(name + ": HPA").containsKey(name);
            pools.put(
                    name + " " + maxReplicas.get(name) + " x " + size, maxReplicas.get(name) * Integer.parseInt(size));
        }
        JsonNode keycloak = prod.custom("Keycloak").get(0);
        assertThat(keycloak.at("/spec/db/poolMaxSize").isInt())
                .as("Keycloak's pool is sized (its default is 100 per instance)")
                .isTrue();
        int keycloakInstances = keycloak.at("/spec/instances").asInt();
        int keycloakPool = keycloak.at("/spec/db/poolMaxSize").asInt();
        pools.put("keycloak " + keycloakInstances + " x " + keycloakPool, keycloakInstances * keycloakPool);

        JsonNode parameters = prod.custom("Cluster").get(0).at("/spec/postgresql/parameters");
        int maxConnections = Integer.parseInt(parameters.path("max_connections").asText("100"));
        int reserved = Integer.parseInt(
                parameters.path("superuser_reserved_connections").asText("3"));
        int operatorsShare = 20;
        int total = pools.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "Connection budget at full scale: %s = %d; max_connections %d - %d reserved - %d for operators = %d%n",
                pools, total, maxConnections, reserved, operatorsShare, maxConnections - reserved - operatorsShare);
        assertThat(pools).as("the four services and Keycloak").hasSize(5);
        assertThat(total)
                .as("pools at full scale " + pools)
                .isLessThanOrEqualTo(maxConnections - reserved - operatorsShare);
    }

    @Test
    void developmentIsOneReplicaOfEverythingWithoutExport() {
        Manifests.Rendered dev = Manifests.render("dev");
        dev.all(Deployment.class).forEach(d -> {
            assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isEqualTo(1);
            assertThat(env(d.getSpec().getTemplate().getSpec().getContainers().get(0)))
                    .as(d.getMetadata().getName())
                    .doesNotContainKeys("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "QUARKUS_LOG_CONSOLE_JSON_ENABLED");
        });
        assertThat(dev.custom("Cluster").get(0).at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(dev.custom("Keycloak").get(0).at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void ingressesTerminateTlsWithAClass() {
        for (String overlay : Manifests.OVERLAYS) {
            List<Ingress> ingresses = Manifests.render(overlay).all(Ingress.class);
            assertThat(ingresses)
                    .extracting(i -> i.getMetadata().getName())
                    .containsExactlyInAnyOrder("gateway", "keycloak");
            for (Ingress ingress : ingresses) {
                String where = overlay + "/" + ingress.getMetadata().getName();
                assertThat(ingress.getSpec().getIngressClassName()).as(where).isNotBlank();
                assertThat(ingress.getSpec().getTls()).as(where).singleElement().satisfies(tls -> {
                    assertThat(tls.getSecretName()).isNotBlank();
                    assertThat(tls.getHosts())
                            .containsExactlyElementsOf(ingress.getSpec().getRules().stream()
                                    .map(r -> r.getHost())
                                    .toList());
                });
            }
            JsonNode keycloak = Manifests.render(overlay).custom("Keycloak").get(0);
            String host = ingresses.stream()
                    .filter(i -> i.getMetadata().getName().equals("keycloak"))
                    .findFirst()
                    .orElseThrow()
                    .getSpec()
                    .getRules()
                    .get(0)
                    .getHost();
            assertThat(keycloak.at("/spec/hostname/hostname").asText())
                    .as(overlay + ": Keycloak's public URL is its Ingress")
                    .isEqualTo("https://" + host);
            // Keycloak's exposed-path recommendations: the realms and the login pages' resources; not / (which
            // includes the admin console and the admin API at /admin/).
            assertThat(ingresses.stream()
                            .filter(i -> i.getMetadata().getName().equals("keycloak"))
                            .flatMap(i -> i.getSpec().getRules().stream())
                            .flatMap(r -> r.getHttp().getPaths().stream())
                            .map(p -> p.getPathType() + " " + p.getPath())
                            .toList())
                    .as(overlay + ": Keycloak's public paths")
                    .containsExactlyInAnyOrder("Prefix /realms/", "Prefix /resources/");
        }
    }

    /**
     * The database takes passwords over TLS only: CloudNativePG appends "host all all all scram-sha-256" after the
     * Cluster's own pg_hba lines, so a rule that refuses plain TCP must come before it. Keycloak gets the memory its
     * sizing guide asks for and, in production, a disruption budget for its two instances.
     */
    @Test
    void theDatabaseRefusesPlainConnectionsAndKeycloakIsSizedAndBudgeted() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            List<String> hba = new java.util.ArrayList<>();
            rendered.custom("Cluster").get(0).at("/spec/postgresql/pg_hba").forEach(l -> hba.add(l.asText()));
            assertThat(hba).as(overlay + ": pg_hba").last().isEqualTo("hostnossl all all all reject");
            assertThat(hba.subList(0, hba.size() - 1)).as(overlay).allMatch(l -> l.startsWith("hostssl "));
            JsonNode keycloak = rendered.custom("Keycloak").get(0);
            assertThat(Quantity.getAmountInBytes(new Quantity(
                                    keycloak.at("/spec/resources/limits/memory").asText()))
                            .longValue())
                    .as(overlay + ": Keycloak's memory limit (its sizing guide: 2 GB)")
                    .isGreaterThanOrEqualTo(2L << 30);
        }
        Manifests.Rendered prod = Manifests.render("prod");
        JsonNode keycloak = prod.custom("Keycloak").get(0);
        Map<String, String> podLabels = Map.of(
                "app",
                "keycloak",
                "app.kubernetes.io/instance",
                keycloak.at("/metadata/name").asText());
        assertThat(prod.all(PodDisruptionBudget.class))
                .filteredOn(p -> podLabels
                        .entrySet()
                        .containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))
                .as("prod: Keycloak's PDB")
                .singleElement()
                .satisfies(p -> assertThat(p.getSpec().getMinAvailable().getIntVal())
                        .isPositive()
                        .isLessThan(keycloak.at("/spec/instances").asInt()));
    }

    /** The JVM flags of the image (deploy/Dockerfile) fit the memory limits; the image runs as the manifests' user. */
    @Test
    void theImageRecipeMatchesTheManifests() throws IOException {
        String dockerfile = Files.readString(Manifests.ROOT.resolve("deploy/Dockerfile"));
        assertThat(dockerfile).contains("-XX:+ExitOnOutOfMemoryError");
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(dockerfile);
        assertThat(percentage.find()).isTrue();
        assertThat(dockerfile)
                .as("the collector and heap sizing measured for these services (bench/MEASUREMENTS.md, \"At scale\"):"
                        + " serial, the heap growing from small, not committed at its maximum from the start")
                .contains("-XX:+UseSerialGC")
                .doesNotContain("-XX:+UseG1GC")
                .doesNotContain("InitialRAMPercentage")
                .as("freed native memory returned to the OS (README, \"Measured figures\")")
                .contains("-XX:TrimNativeHeapInterval=");
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        Matcher base = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)$").matcher(dockerfile);
        assertThat(base.find()).isTrue();
        assertThat(base.group(1)).as("base image pinned to a release").matches(PINNED_IMAGE);
        assertThat(Manifests.ROOT.resolve("deploy/Dockerfile.dockerignore")).exists();
        // The AOT cache: trained in a stage of the same base image with the same flags (defined once), started from.
        assertThat(dockerfile)
                .containsOnlyOnce("ARG JAVA_OPTS=\"")
                .contains("FROM ${BASE_IMAGE} AS train")
                .contains("RUN JAVA_OPTS=\"$JAVA_OPTS -XX:MaxRAM=512m\" train-aot.sh /deployments ")
                .contains("COPY --from=train --chown=" + user.group(1) + " /deployments/app.aot /deployments/app.aot")
                .contains("exec java $JAVA_OPTS -XX:AOTCache=/deployments/app.aot -jar /deployments/quarkus-run.jar");
        assertThat(Pattern.compile("(?m)^ENV .*JAVA_OPTS=\\$\\{JAVA_OPTS}$")
                        .matcher(dockerfile)
                        .results()
                        .count())
                .as("both stages run the JVM with the one JAVA_OPTS")
                .isEqualTo(2);
        assertThat(Files.readString(Manifests.ROOT.resolve("deploy/Dockerfile.dockerignore")))
                .contains("!deploy/train-aot.sh");
        for (String overlay : Manifests.OVERLAYS) {
            for (Deployment d : Manifests.render(overlay).all(Deployment.class)) {
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(user.group(1)));
                long limit = bytes(
                        pod.getContainers().get(0).getResources().getLimits().get("memory"));
                long heap = limit * Integer.parseInt(percentage.group(1)) / 100;
                long mib = 1024 * 1024;
                System.out.printf(
                        "%s/%s: limit %d MiB, heap %d MiB, non-heap room %d MiB%n",
                        overlay, d.getMetadata().getName(), limit / mib, heap / mib, (limit - heap) / mib);
                // A live set of 35-50 MiB after a full collection (company-service under load) wants a heap of
                // several times that; besides the heap a service was measured at 215-240 MiB resident after load (the
                // AOT cache mapped whole, code cache, threads, buffers: README, "Measured figures"), so the room left
                // must hold that with a margin, or the pod is killed at its limit under load.
                assertThat(heap).as(d.getMetadata().getName() + ": heap").isGreaterThanOrEqualTo(128 * mib);
                assertThat(limit - heap)
                        .as(d.getMetadata().getName() + ": room for the AOT cache, code cache, threads, buffers")
                        .isGreaterThanOrEqualTo(320 * mib);
            }
        }
    }

    /** k8s/secrets.sh provides every secret (and key) the manifests read, except the one CloudNativePG creates. */
    @Test
    void theSecretsScriptProvidesEverySecretTheManifestsUse() {
        String out = Manifests.run(
                List.of("bash", Manifests.ROOT.resolve("k8s/secrets.sh").toString(), "dev"), "k8s/secrets.sh failed");
        Map<String, Set<String>> provided = new HashMap<>();
        for (JsonNode doc : Manifests.documents(out)) {
            Secret secret = Manifests.parseTyped(doc, Secret.class);
            assertThat(Manifests.unknownFields(secret, "secrets.sh")).isEmpty();
            provided.put(secret.getMetadata().getName(), secret.getData().keySet());
            secret.getData()
                    .values()
                    .forEach(v ->
                            assertThat(java.util.Base64.getDecoder().decode(v)).isNotEmpty());
        }
        for (String overlay : Manifests.OVERLAYS) {
            Map<String, Set<String>> needed = SecretReferences.of(Manifests.render(overlay));
            needed.remove("dealradar-db-ca"); // created by the CloudNativePG operator for the cluster dealradar-db
            if (overlay.equals("prod")) {
                needed.remove("dealradar-tls"); // cert-manager or your CA in production
            }
            needed.forEach((name, keys) -> {
                assertThat(provided).as(overlay + ": secret " + name).containsKey(name);
                assertThat(provided.get(name)).as(overlay + ": keys of " + name).containsAll(keys);
            });
        }
        assertThat(provided.get("dealradar-bootstrap")).contains("api-key");
    }

    /** The service's graceful-shutdown timeout: platform's default for every service, unless the service sets one. */
    static Duration shutdownTimeout(String module) {
        String value = ServiceConfigKeys.configured(module, "quarkus.shutdown.timeout");
        assertThat(value)
                .as(module + ": quarkus.shutdown.timeout (graceful shutdown)")
                .isNotNull();
        return Duration.parse("PT" + value.toUpperCase());
    }

    static Duration webhookTimeout() {
        String value = ServiceConfigKeys.configured("gateway", "dealradar.webhooks.timeout");
        assertThat(value).as("gateway: dealradar.webhooks.timeout").isNotNull();
        return Duration.parse(value.toUpperCase().startsWith("PT") ? value : "PT" + value.toUpperCase());
    }

    static Map<String, String> env(Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar var : c.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity)
                .setScale(0, java.math.RoundingMode.UP)
                .longValueExact();
    }

    /** Secret names and keys referenced by a rendered overlay (env, volumes, CloudNativePG roles, Keycloak). */
    static final class SecretReferences {
        static Map<String, Set<String>> of(Manifests.Rendered rendered) {
            Map<String, Set<String>> refs = new HashMap<>();
            for (PodTemplateSpec template : rendered.podTemplates().values()) {
                for (Container c : template.getSpec().getContainers()) {
                    for (EnvVar var : c.getEnv()) {
                        if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                            refs.computeIfAbsent(
                                            var.getValueFrom().getSecretKeyRef().getName(), k -> new HashSet<>())
                                    .add(var.getValueFrom().getSecretKeyRef().getKey());
                        }
                    }
                }
                template.getSpec().getVolumes().stream()
                        .filter(v -> v.getSecret() != null)
                        .forEach(v -> {
                            Set<String> keys =
                                    refs.computeIfAbsent(v.getSecret().getSecretName(), k -> new HashSet<>());
                            v.getSecret().getItems().forEach(item -> keys.add(item.getKey()));
                        });
            }
            rendered.all(Ingress.class)
                    .forEach(i -> i.getSpec()
                            .getTls()
                            .forEach(t -> refs.computeIfAbsent(t.getSecretName(), k -> new HashSet<>())
                                    .addAll(List.of("tls.crt", "tls.key"))));
            for (JsonNode cluster : rendered.custom("Cluster")) {
                cluster.at("/spec/managed/roles")
                        .forEach(role -> refs.computeIfAbsent(
                                        role.at("/passwordSecret/name").asText(), k -> new HashSet<>())
                                .addAll(List.of("username", "password")));
            }
            for (JsonNode keycloak : rendered.custom("Keycloak")) {
                for (String field : List.of("usernameSecret", "passwordSecret")) {
                    JsonNode ref = keycloak.at("/spec/db/" + field);
                    refs.computeIfAbsent(ref.path("name").asText(), k -> new HashSet<>())
                            .add(ref.path("key").asText());
                }
            }
            return refs;
        }
    }
}
