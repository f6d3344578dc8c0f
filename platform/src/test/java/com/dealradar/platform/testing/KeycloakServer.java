package com.dealradar.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Keycloak with the dealradar realm (no mock token server). Uses the one at
 * {@code DEALRADAR_TEST_KEYCLOAK_URL} when set (bin/test starts one for the whole run), otherwise starts
 * one with bin/keycloak on a free loopback port, once per test JVM.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    private static String url;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", realmUrl(), "quarkus.oidc.tenant-enabled", "true");
    }

    @Override
    public void stop() {
        // shared by every test of the JVM; stopped by a shutdown hook when this class started it
    }

    /** The issuer URL of the dealradar realm. */
    public static synchronized String realmUrl() {
        if (url == null) {
            String given = System.getenv("DEALRADAR_TEST_KEYCLOAK_URL");
            url = given != null && !given.isBlank() ? given.replaceAll("/+$", "") : startOwn();
        }
        return url + "/realms/dealradar";
    }

    private static String startOwn() {
        int port = ServiceProcess.freePort();
        Path script = ServiceProcess.repositoryRoot().resolve("bin/keycloak");
        run(script.toString(), "start", Integer.toString(port));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script.toString(), "stop", Integer.toString(port))));
        return "http://127.0.0.1:" + port;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
