package com.dealradar.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.problem.ProblemException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SSRF: outside local development, URLs that resolve (real resolver) to non-public addresses are refused. */
class UrlGuardTest {

    static UrlGuard strict() {
        return strict(Optional.empty());
    }

    /** The production guard; {@code ports} as {@code dealradar.webhooks.ports} sets them (Kubernetes: 443). */
    static UrlGuard strict(Optional<Set<Integer>> ports) {
        WebhookConfig config = (WebhookConfig) Proxy.newProxyInstance(
                WebhookConfig.class.getClassLoader(),
                new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "requireHttps" -> true;
                    case "allowPrivateAddresses" -> false;
                    case "ports" -> ports;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new UrlGuard(config);
    }

    /**
     * Where the deployment lets the gateway reach receivers on 443 only (Kubernetes' NetworkPolicy), another port is a
     * 400 when the endpoint is saved, not an endpoint whose every attempt times out until it is disabled.
     */
    @Test
    void aPortTheDeploymentCannotReachIsRefused() {
        UrlGuard guard = strict(Optional.of(Set.of(443)));
        assertThatThrownBy(() -> guard.parse("https://hooks.example.com:8443/dealradar"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("[443]")
                .hasMessageContaining("8443");
        assertThat(guard.parse("https://hooks.example.com/dealradar").getHost()).isEqualTo("hooks.example.com");
        assertThat(guard.parse("https://hooks.example.com:443/dealradar").getPort())
                .isEqualTo(443);
        assertThat(strict().parse("https://hooks.example.com:8443/dealradar").getPort())
                .isEqualTo(8443);
    }

    @Test
    void nonPublicAddressesAreRefusedAfterResolution() throws Exception {
        UrlGuard guard = strict();
        List<String> refused = new ArrayList<>();
        for (String url : List.of(
                "https://localhost/hook",
                "https://127.0.0.1/hook",
                "https://127.1.2.3:8443/hook",
                "https://10.0.0.7/hook",
                "https://172.16.4.1/hook",
                "https://192.168.1.20/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "https://0.0.0.0/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://100.64.0.1/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://2130706433/hook",
                // IPv6 addresses that carry a non-public IPv4 one, or are reserved
                "https://[64:ff9b::a9fe:a9fe]/latest/meta-data", // NAT64 -> 169.254.169.254
                "https://[64:ff9b::a00:1]/hook", // NAT64 -> 10.0.0.1
                "https://[2002:a9fe:a9fe::1]/hook", // 6to4 -> 169.254.169.254
                "https://[2002:7f00:1::1]/hook", // 6to4 -> 127.0.0.1
                "https://[::127.0.0.1]/hook", // IPv4-compatible -> 127.0.0.1
                "https://[64:ff9b:1::a00:1]/hook", // local-use NAT64
                "https://[100::1]/hook", // discard only
                "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", // Teredo
                "https://[2001:db8::1]/hook", // documentation
                "https://198.18.0.1/hook", // benchmarking
                "https://203.0.113.9/hook", // documentation
                "https://255.255.255.255/hook")) {
            try {
                guard.resolve(url);
            } catch (ProblemException e) {
                assertThat(e.type().status()).isEqualTo(400);
                refused.add(url);
            }
        }
        System.out.printf("SSRF guard: %d of 26 non-public URLs refused%n", refused.size());
        assertThat(refused).hasSize(26);
        assertThatThrownBy(() -> guard.resolve("http://8.8.8.8/hook")).isInstanceOf(ProblemException.class);
        assertThat(guard.resolve("https://8.8.8.8/hook").address().getHostAddress())
                .isEqualTo("8.8.8.8");
        assertThat(guard.resolve("https://[2001:4860:4860::8888]/hook").port()).isEqualTo(443);
        // Public IPv4 addresses inside the embedding ranges stay public (NAT64 to 8.8.8.8, 6to4 of 8.8.8.8).
        for (String address : List.of("64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8")) {
            assertThat(UrlGuard.isPublic(java.net.InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }

    @Test
    void aPortOutsideTheTcpRangeIsRefusedBeforeAnythingIsSaved() {
        UrlGuard guard = strict();
        for (String url : List.of(
                "https://example.com:0/hook", "https://example.com:65536/hook", "https://example.com:99999/x")) {
            assertThatThrownBy(() -> guard.parse(url))
                    .as(url)
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining("port");
        }
        assertThat(guard.parse("https://example.com:65535/hook").getPort()).isEqualTo(65_535);
    }
}
