package com.dealradar.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies evaluated, not string-matched: every pod of the rendered overlay (plus the operators' pods,
 * the ingress controller, Prometheus, DNS, the OpenTelemetry collector and two outside addresses) is an endpoint with
 * labels, a namespace and ports; a flow src -> dst:port/protocol is allowed when the policies selecting src allow it
 * out (or none isolates src for egress) and the policies selecting dst allow it in (or none isolates dst for
 * ingress), following the NetworkPolicy semantics (peers, namespace and pod selectors, named ports, ipBlocks). The
 * result must equal the intended graph exactly: every intended flow allowed, every other flow denied.
 */
class KubernetesNetworkPolicyTest {

    static final String NS = "dealradar";

    /** A pod or an outside address that traffic can come from or go to. */
    record Endpoint(
            String name,
            String namespace,
            Map<String, String> labels,
            Map<String, String> namespaceLabels,
            List<ContainerPort> ports,
            String ip) {

        boolean isPod() {
            return namespace != null;
        }
    }

    /** Pod addresses come from the pod network (10.244.0.0/16, kind's default): ipBlocks are checked against them too. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_POD_IP =
            new java.util.concurrent.atomic.AtomicInteger(10);

    record Port(int number, String protocol) {
        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    static Endpoint pod(String name, String namespace, Map<String, String> labels, List<ContainerPort> ports) {
        int n = NEXT_POD_IP.incrementAndGet();
        return new Endpoint(
                name,
                namespace,
                labels,
                Map.of("kubernetes.io/metadata.name", namespace),
                ports,
                "10.244." + (n / 250) + "." + (n % 250 + 1));
    }

    static ContainerPort port(String name, int number, String protocol) {
        ContainerPort p = new ContainerPort();
        p.setName(name);
        p.setContainerPort(number);
        p.setProtocol(protocol);
        return p;
    }

    static ContainerPort tcp(int number) {
        return port(null, number, "TCP");
    }

    /** The pods of the overlay: its workloads as rendered, and the pods the operators create from its resources. */
    static List<Endpoint> endpoints(Manifests.Rendered rendered) {
        List<Endpoint> all = new ArrayList<>();
        rendered.podTemplates().forEach((name, template) -> {
            List<ContainerPort> ports = new ArrayList<>();
            for (Container c : template.getSpec().getContainers()) {
                c.getPorts()
                        .forEach(p -> ports.add(port(
                                p.getName(), p.getContainerPort(), p.getProtocol() == null ? "TCP" : p.getProtocol())));
            }
            all.add(pod(name, NS, template.getMetadata().getLabels(), ports));
        });
        // CloudNativePG instance pods: labelled cnpg.io/cluster=<Cluster>; PostgreSQL, instance manager status,
        // metrics.
        for (JsonNode cluster : rendered.custom("Cluster")) {
            String name = cluster.at("/metadata/name").asText();
            all.add(pod(
                    name + "-1",
                    NS,
                    Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                    List.of(
                            port("postgresql", 5432, "TCP"),
                            port("status", 8000, "TCP"),
                            port("metrics", 9187, "TCP"))));
        }
        // Keycloak operator pods: app.kubernetes.io/instance=<Keycloak>; HTTP, management, JGroups (+ failure
        // detection).
        for (JsonNode keycloak : rendered.custom("Keycloak")) {
            String name = keycloak.at("/metadata/name").asText();
            all.add(pod(
                    name + "-0",
                    NS,
                    Map.of(
                            "app",
                            "keycloak",
                            "app.kubernetes.io/instance",
                            name,
                            "app.kubernetes.io/managed-by",
                            "keycloak-operator"),
                    List.of(port("http", 8080, "TCP"), port("management", 9000, "TCP"), tcp(7800), tcp(57800))));
        }
        // The cluster around it, as installed per README ("Deploying to Kubernetes").
        all.add(pod(
                "ingress-nginx",
                "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx"),
                List.of(tcp(80), tcp(443))));
        all.add(pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), List.of(tcp(9090))));
        all.add(pod(
                "otel-collector",
                "monitoring",
                Map.of("app.kubernetes.io/name", "opentelemetry-collector"),
                List.of(tcp(4317))));
        all.add(pod(
                "cnpg-operator",
                "cnpg-system",
                Map.of("app.kubernetes.io/name", "cloudnative-pg"),
                List.of(tcp(9443))));
        all.add(pod(
                "kube-dns",
                "kube-system",
                Map.of("k8s-app", "kube-dns"),
                List.of(port("dns", 53, "UDP"), port("dns-tcp", 53, "TCP"))));
        all.add(pod("other-app", "default", Map.of("app.kubernetes.io/name", "other-app"), List.of(tcp(8080))));
        // The API server at the first address of the overlay's apiServerCIDR; a second one just outside it.
        String apiServer =
                firstAddress(Manifests.clusterNetwork(rendered.overlay()).get("apiServerCIDR"));
        all.add(new Endpoint("kube-apiserver", null, Map.of(), Map.of(), List.of(tcp(443), tcp(6443)), apiServer));
        all.add(new Endpoint(
                "internet", null, Map.of(), Map.of(), List.of(tcp(443), tcp(80), tcp(5432)), "203.0.113.7"));
        return all;
    }

    /** The first host address of an IPv4 CIDR (its network address + 1). */
    static String firstAddress(String cidr) {
        String[] parts = cidr.split("/")[0].split("\\.");
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + 1);
    }

    /** The intended graph (README, "Network policies"): "src -> dst:port/protocol". */
    static Set<String> intended(String overlay) {
        Set<String> flows = new TreeSet<>();
        List<String> dealradar = List.of(
                "gateway",
                "company-service",
                "deal-service",
                "region-service",
                "redis",
                "dealradar-db-1",
                "dealradar-keycloak-0");
        for (String pod : dealradar) {
            flows.add(pod + " -> kube-dns:53/UDP");
            flows.add(pod + " -> kube-dns:53/TCP");
        }
        flows.add("ingress-nginx -> gateway:8080/TCP");
        flows.add("ingress-nginx -> dealradar-keycloak-0:8080/TCP");
        flows.add("gateway -> company-service:8081/TCP");
        flows.add("gateway -> deal-service:8082/TCP");
        flows.add("gateway -> region-service:8083/TCP");
        flows.add("gateway -> redis:6379/TCP");
        flows.add("gateway -> dealradar-keycloak-0:8080/TCP");
        flows.add("gateway -> internet:443/TCP"); // partners' webhook endpoints (issue #16)
        flows.add("deal-service -> company-service:8081/TCP");
        flows.add("deal-service -> region-service:8083/TCP");
        flows.add("region-service -> company-service:8081/TCP");
        flows.add("region-service -> deal-service:8082/TCP");
        for (String service :
                List.of("gateway", "company-service", "deal-service", "region-service", "dealradar-keycloak-0")) {
            flows.add(service + " -> dealradar-db-1:5432/TCP");
        }
        for (String service : List.of("gateway", "company-service", "deal-service", "region-service")) {
            flows.add("prometheus -> " + service + ":9000/TCP");
            if (overlay.equals("prod")) {
                flows.add(service + " -> otel-collector:4317/TCP");
            }
        }
        flows.add("prometheus -> dealradar-db-1:9187/TCP");
        flows.add("prometheus -> dealradar-keycloak-0:9000/TCP");
        // PostgreSQL's own needs: replication and status between instances, the operator's status checks, the API.
        flows.add("dealradar-db-1 -> dealradar-db-1:5432/TCP");
        flows.add("dealradar-db-1 -> dealradar-db-1:8000/TCP");
        flows.add("cnpg-operator -> dealradar-db-1:8000/TCP");
        flows.add("dealradar-db-1 -> kube-apiserver:443/TCP");
        flows.add("dealradar-db-1 -> kube-apiserver:6443/TCP");
        // Keycloak's cluster (JGroups) between its instances.
        flows.add("dealradar-keycloak-0 -> dealradar-keycloak-0:7800/TCP");
        flows.add("dealradar-keycloak-0 -> dealradar-keycloak-0:57800/TCP");
        return flows;
    }

    @Test
    void thePoliciesAllowExactlyTheIntendedFlows() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
            List<Endpoint> endpoints = endpoints(rendered);
            Set<String> allowed = new TreeSet<>();
            int evaluated = 0;
            for (Endpoint src : endpoints) {
                for (Endpoint dst : endpoints) {
                    boolean ours = NS.equals(src.namespace()) || NS.equals(dst.namespace());
                    if (!ours || !dst.isPod() && !src.isPod()) {
                        continue;
                    }
                    for (ContainerPort p : dst.ports()) {
                        evaluated++;
                        if (allowedOut(policies, src, dst, p) && allowedIn(policies, src, dst, p)) {
                            allowed.add(src.name() + " -> " + dst.name() + ":"
                                    + new Port(p.getContainerPort(), p.getProtocol()));
                        }
                    }
                }
            }
            Set<String> intended = intended(overlay);
            Set<String> unintended = new TreeSet<>(allowed);
            unintended.removeAll(intended);
            Set<String> missing = new TreeSet<>(intended);
            missing.removeAll(allowed);
            System.out.printf(
                    "%s: %d policies, %d endpoints, %d flows evaluated, %d allowed%n",
                    overlay, policies.size(), endpoints.size(), evaluated, allowed.size());
            assertThat(unintended).as(overlay + ": allowed but not intended").isEmpty();
            assertThat(missing).as(overlay + ": intended but denied").isEmpty();
        }
    }

    /**
     * The ports a partner's webhook URL may name (the gateway's DEALRADAR_WEBHOOKS_PORTS) are exactly the ports its
     * NetworkPolicy lets it reach on the internet: an endpoint on any other port was saved and then never reached,
     * every attempt timing out until it was disabled.
     */
    @Test
    void theGatewayAcceptsWebhookPortsItsPolicyLetsItReach() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
            Endpoint gateway = endpoints(rendered).stream()
                    .filter(e -> e.name().startsWith("gateway"))
                    .findFirst()
                    .orElseThrow();
            String configured = rendered.all(io.fabric8.kubernetes.api.model.apps.Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals("gateway"))
                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream())
                    .filter(v -> v.getName().equals("DEALRADAR_WEBHOOKS_PORTS"))
                    .map(io.fabric8.kubernetes.api.model.EnvVar::getValue)
                    .findFirst()
                    .orElse("(any)");
            Set<Integer> accepted = new TreeSet<>();
            for (String port : configured.split(",")) {
                accepted.add(Integer.parseInt(port.strip()));
            }
            List<ContainerPort> candidates = java.util.stream.IntStream.of(80, 443, 4443, 8080, 8443, 9443)
                    .mapToObj(KubernetesNetworkPolicyTest::tcp)
                    .toList();
            Endpoint internet = new Endpoint("internet", null, Map.of(), Map.of(), candidates, "203.0.113.7");
            Set<Integer> reachable = new TreeSet<>();
            for (ContainerPort p : candidates) {
                if (allowedOut(policies, gateway, internet, p)) {
                    reachable.add(p.getContainerPort());
                }
            }
            System.out.printf(
                    "%s: webhook ports accepted %s, reachable on the internet %s%n", overlay, accepted, reachable);
            assertThat(accepted).as(overlay).isEqualTo(reachable);
        }
    }

    /** The evaluator itself: no policies means everything is open; the default deny alone closes everything. */
    @Test
    void theEvaluatorFollowsTheNetworkPolicySemantics() throws Exception {
        Endpoint a = pod("a", NS, Map.of("app.kubernetes.io/name", "a"), List.of(port("http", 8080, "TCP")));
        Endpoint b = pod("b", "other", Map.of("app.kubernetes.io/name", "b"), List.of(tcp(9000)));
        ContainerPort http = a.ports().get(0);
        assertThat(allowedIn(List.of(), b, a, http) && allowedOut(List.of(), b, a, http))
                .isTrue();
        NetworkPolicy deny = Manifests.parseTyped(Manifests.YAML.readTree("""
                {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: d, namespace: dealradar},
                 spec: {podSelector: {}, policyTypes: [Ingress, Egress]}}"""), NetworkPolicy.class);
        NetworkPolicy named = Manifests.parseTyped(Manifests.YAML.readTree("""
                {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: n, namespace: dealradar},
                 spec: {podSelector: {matchLabels: {app.kubernetes.io/name: a}},
                        ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}}],
                                   ports: [{port: http}]}]}}"""), NetworkPolicy.class);
        assertThat(allowedIn(List.of(deny), b, a, http)).isFalse();
        assertThat(allowedIn(List.of(deny, named), b, a, http))
                .as("named port, namespace selector")
                .isTrue();
        assertThat(allowedIn(List.of(deny, named), a, a, http))
                .as("other namespace only")
                .isFalse();
        assertThat(allowedOut(List.of(deny, named), b, a, http))
                .as("b's namespace has no policies")
                .isTrue();
        assertThat(allowedOut(List.of(deny, named), a, b, b.ports().get(0)))
                .as("default deny egress")
                .isFalse();
    }

    static boolean allowedIn(List<NetworkPolicy> policies, Endpoint src, Endpoint dst, ContainerPort port) {
        if (!dst.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> selects(p, dst) && types(p).contains("Ingress"))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .anyMatch(p -> p.getSpec().getIngress().stream()
                        .anyMatch(
                                rule -> peersMatch(rule.getFrom(), p, src) && portsMatch(rule.getPorts(), dst, port)));
    }

    static boolean allowedOut(List<NetworkPolicy> policies, Endpoint src, Endpoint dst, ContainerPort port) {
        if (!src.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> selects(p, src) && types(p).contains("Egress"))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .anyMatch(p -> p.getSpec().getEgress().stream()
                        .anyMatch(rule -> peersMatch(rule.getTo(), p, dst) && portsMatch(rule.getPorts(), dst, port)));
    }

    /** policyTypes, defaulted as the API server does: Ingress always, Egress when there are egress rules. */
    static List<String> types(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null
                && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    static boolean selects(NetworkPolicy policy, Endpoint pod) {
        String namespace = policy.getMetadata().getNamespace() == null
                ? NS
                : policy.getMetadata().getNamespace();
        return pod.isPod()
                && namespace.equals(pod.namespace())
                && matches(policy.getSpec().getPodSelector(), pod.labels());
    }

    static boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        String policyNamespace = policy.getMetadata().getNamespace() == null
                ? NS
                : policy.getMetadata().getNamespace();
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (inBlock(peer.getIpBlock(), other.ip())) {
                    return true;
                }
                continue;
            }
            if (!other.isPod()) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? policyNamespace.equals(other.namespace())
                    : matches(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint dst, ContainerPort port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals(port.getProtocol())) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getStrVal() != null) {
                // A named port is the destination pod's container port of that name (and protocol).
                if (value.getStrVal().equals(port.getName())) {
                    return true;
                }
                continue;
            }
            int from = value.getIntVal();
            int to = p.getEndPort() == null ? from : p.getEndPort();
            if (port.getContainerPort() >= from && port.getContainerPort() <= to) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null
                && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions() == null
                ? List.<LabelSelectorRequirement>of()
                : selector.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inBlock(IPBlock block, String ip) {
        if (!inCidr(block.getCidr(), ip)) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(except -> inCidr(except, ip));
    }

    static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int total = network.length * 8;
            BigInteger mask = bits == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE
                            .shiftLeft(total)
                            .subtract(BigInteger.ONE)
                            .shiftRight(total - bits)
                            .shiftLeft(total - bits);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
