package com.dealradar.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.problem.ProblemException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SSRF: outside local development, URLs that resolve (real resolver) to non-public addresses are refused. */
class UrlGuardTest {

    static UrlGuard strict() {
        WebhookConfig config = (WebhookConfig) Proxy.newProxyInstance(
                WebhookConfig.class.getClassLoader(),
                new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "requireHttps" -> true;
                    case "allowPrivateAddresses" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new UrlGuard(config);
    }

    @Test
    void nonPublicAddressesAreRefusedAfterResolution() {
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
                "https://2130706433/hook")) {
            try {
                guard.resolve(url);
            } catch (ProblemException e) {
                assertThat(e.type().status()).isEqualTo(400);
                refused.add(url);
            }
        }
        System.out.printf("SSRF guard: %d of 14 non-public URLs refused%n", refused.size());
        assertThat(refused).hasSize(14);
        assertThatThrownBy(() -> guard.resolve("http://8.8.8.8/hook")).isInstanceOf(ProblemException.class);
        assertThat(guard.resolve("https://8.8.8.8/hook").address().getHostAddress())
                .isEqualTo("8.8.8.8");
        assertThat(guard.resolve("https://[2001:4860:4860::8888]/hook").port()).isEqualTo(443);
    }
}
