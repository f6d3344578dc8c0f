package com.dealradar.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The configuration is real: every environment variable a rendered Deployment sets is one its service reads (a key
 * of its application.properties, a variable they reference, or a runtime property of a Quarkus extension packaged
 * with it). A variable no service reads fails: that is how the gateway once got QUARKUS_REST_CLIENT_*_URL and
 * would have called localhost in the cluster. {@link KubernetesDevOverlayProcessTest} then runs the services with
 * exactly these variables.
 */
class KubernetesConfigTest {

    @Test
    void everyVariableADeploymentSetsIsReadByItsService() {
        Map<String, ServiceConfigKeys> services = new TreeMap<>();
        for (String overlay : Manifests.OVERLAYS) {
            List<String> unread = new ArrayList<>();
            int checked = 0;
            for (Deployment d : Manifests.render(overlay).all(Deployment.class)) {
                String module = d.getMetadata().getName();
                ServiceConfigKeys keys = services.computeIfAbsent(module, ServiceConfigKeys::of);
                for (EnvVar var : d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv()) {
                    checked++;
                    var reason = keys.reads(var.getName());
                    if (reason.isEmpty()) {
                        unread.add(overlay + "/" + module + ": " + var.getName());
                    } else {
                        System.out.printf("%s/%s: %s <- %s%n", overlay, module, var.getName(), reason.get());
                    }
                }
            }
            System.out.printf("%s: %d variables checked, %d read by nobody%n", overlay, checked, unread.size());
            assertThat(unread).as("variables their service never reads").isEmpty();
        }
    }

    /** The check tells read from unread: the variables of the localhost bug are not read, the right ones are. */
    /**
     * The cluster's addresses are said once per overlay (cluster-network.yaml) and reach every place that needs them:
     * the gateway trusts forwarded headers from the pod network only, and PostgreSQL may leave the cluster only for
     * the API server.
     */
    @Test
    void theOverlaysClusterAddressesReachTheManifests() {
        for (String overlay : Manifests.OVERLAYS) {
            Map<String, String> network = Manifests.clusterNetwork(overlay);
            Manifests.Rendered rendered = Manifests.render(overlay);
            String trusted = rendered
                    .one(Deployment.class, "gateway")
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv()
                    .stream()
                    .filter(e -> e.getName().equals("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            List<String> databaseEgress =
                    rendered.one(NetworkPolicy.class, "dealradar-db").getSpec().getEgress().stream()
                            .flatMap(rule -> rule.getTo().stream())
                            .filter(peer -> peer.getIpBlock() != null)
                            .map(peer -> peer.getIpBlock().getCidr())
                            .toList();
            System.out.printf(
                    "%s: network %s, gateway trusts %s, database egress ipBlocks %s%n",
                    overlay, network, trusted, databaseEgress);
            assertThat(network.get("podCIDR")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+");
            assertThat(trusted).isEqualTo(network.get("podCIDR"));
            assertThat(databaseEgress).containsExactly(network.get("apiServerCIDR"));
        }
    }

    @Test
    void theCheckCatchesTheLocalhostBug() {
        ServiceConfigKeys gateway = ServiceConfigKeys.of("gateway");
        assertThat(gateway.reads("QUARKUS_REST_CLIENT_COMPANY_SERVICE_URL")).isEmpty();
        assertThat(gateway.reads("DEALRADAR_GATEWAY_BACKENDS_COMPANY_SERVICE_URL"))
                .isPresent();
        assertThat(gateway.reads("DEALRADAR_GATEWAY_BACKEND_COMPANY_SERVICE_URL"))
                .isEmpty();
        assertThat(gateway.reads("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).isPresent();
        ServiceConfigKeys region = ServiceConfigKeys.of("region-service");
        assertThat(region.reads("QUARKUS_REST_CLIENT_DEAL_SERVICE_URL")).isPresent();
        assertThat(ServiceConfigKeys.of("company-service").reads("QUARKUS_REST_CLIENT_DEAL_SERVICE_URL"))
                .as("company-service calls no other service")
                .isEmpty();
        assertThat(region.reads("QUARKUS_REDIS_PASSWORD"))
                .as("region-service has no Redis client")
                .isEmpty();
        assertThat(region.reads("QUARKUS_MANAGEMENT_ENABLED"))
                .as("build-time: fixed in the jar")
                .isEmpty();
        assertThat(region.reads("QUARKUS_OTEL_TRACES_EXPORTER"))
                .as("build-time: fixed in the jar")
                .isEmpty();
        assertThat(region.reads("QUARKUS_OTEL_TRACES_SAMPLER_ARG")).isPresent();
        // Settings with a @ConfigMapping default and no line in application.properties are read too.
        assertThat(gateway.reads("DEALRADAR_OIDC_CLIENTS")).contains("dealradar.oidc.clients");
        assertThat(gateway.reads("DEALRADAR_WEBHOOKS_MAX_ATTEMPTS")).contains("dealradar.webhooks.max-attempts");
        assertThat(gateway.reads("DEALRADAR_WEBHOOKS_MAX_ATTEMPT")).isEmpty();
        assertThat(gateway.reads("DEALRADAR_RATE_LIMIT_FAILURES_PER_ADDRESS"))
                .contains("dealradar.rate-limit.failures.per-address");
        assertThat(gateway.reads("DEALRADAR_RATE_LIMIT_PLANS_GOLD_WINDOW")).isPresent();
        assertThat(gateway.reads("DEALRADAR_GATEWAY_BACKENDS_COMPANY_SERVICE_RETRY_MAX_RETRIES"))
                .isPresent();
        assertThat(region.reads("DEALRADAR_DEADLINE_EVENTS_LEAD_WORKING_DAYS"))
                .contains("dealradar.deadline-events.lead-working-days");
        assertThat(ServiceConfigKeys.configured("gateway", "dealradar.webhooks.timeout"))
                .as("the mapping's default")
                .isEqualTo("PT10S");
        assertThat(ServiceConfigKeys.configured("gateway", "dealradar.rate-limit.store"))
                .isEqualTo("redis");
        assertThat(ServiceConfigKeys.configured("company-service", "dealradar.access.challenge"))
                .as("a default with escaped quotes")
                .isEqualTo("Bearer realm=\"dealradar\"");
        ServiceConfigKeys deal = ServiceConfigKeys.of("deal-service");
        assertThat(deal.reads("QUARKUS_REST_CLIENT_COMPANY_SERVICE_URL")).isPresent();
    }
}
