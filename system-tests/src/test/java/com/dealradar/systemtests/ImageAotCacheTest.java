package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.KeycloakServer;
import com.dealradar.platform.testing.PostgresDatabase;
import com.dealradar.platform.testing.ServiceProcess;
import com.dealradar.systemtests.k8s.Manifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image's JDK AOT cache (deploy/Dockerfile, stage "train"), as far as it can be shown without a container engine:
 * deploy/train-aot.sh, the script the image build runs, trains the cache of the packaged service with the image's
 * JAVA_OPTS on a private PostgreSQL of its own, and the service then starts from that cache with the image's flags and
 * the cache required ({@code -XX:AOTMode=on}: a cache the JVM cannot use ends the start) on a fresh database, as a pod
 * does. What only an image build adds (the base image's JVM, the /deployments paths) is the Dockerfile's part, checked
 * as text by KubernetesManifestsTest.
 */
class ImageAotCacheTest {

    private static final Path ROOT = Manifests.ROOT;
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @ParameterizedTest
    @ValueSource(strings = {"company-service", "gateway"})
    void theServiceStartsFromTheCacheTheImageBuildTrains(String module) throws Exception {
        List<String> imageFlags = imageJavaOpts();
        Path cache = ROOT.resolve(module).resolve("target/image-test.aot");
        Files.deleteIfExists(cache);

        // Trained as the Dockerfile trains: with the pods' memory limit as the JVM's RAM, whatever the build host has.
        assertThat(Files.readString(ROOT.resolve("deploy/Dockerfile")))
                .contains("RUN JAVA_OPTS=\"$JAVA_OPTS -XX:MaxRAM=512m\" train-aot.sh");
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_OPTS", String.join(" ", imageFlags) + " -XX:MaxRAM=512m");
        env.put("PATH", Path.of(JAVA).getParent() + ":" + System.getenv("PATH"));
        env.put("TRAIN_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
        env.put("TRAIN_MANAGEMENT_PORT", Integer.toString(ServiceProcess.freePort()));
        env.put("TRAIN_PG_PORT", Integer.toString(ServiceProcess.freePort()));
        long trainStart = System.nanoTime();
        Result train = run(
                env,
                "bash",
                ROOT.resolve("deploy/train-aot.sh").toString(),
                ROOT.resolve(module).resolve("target/quarkus-app").toString(),
                PrivatePostgres.BIN,
                cache.toString());
        System.out.printf(
                "%s: train-aot.sh exited %d in %d ms: %s%n",
                module,
                train.exit(),
                (System.nanoTime() - trainStart) / 1_000_000,
                train.output().strip());
        assertThat(train.exit()).as(train.output()).isZero();
        assertThat(Files.size(cache)).as("the cache's size").isGreaterThan(10L * 1024 * 1024);

        List<String> flags = new ArrayList<>(imageFlags);
        // The pods' memory limit (k8s/base), which the container's cgroup gives the JVM: the heap is sized from it,
        // not from the build machine's memory the cache was trained with.
        flags.add("-XX:MaxRAM=512m");
        flags.add("-XX:AOTCache=" + cache);
        flags.add("-XX:AOTMode=on");
        Map<String, String> config = new HashMap<>();
        config.put("dealradar.access.allow-dev-keys", "true");
        config.put(
                "quarkus.datasource.jdbc.url",
                PostgresDatabase.fresh("dealradar_system_aot_" + module.replace('-', '_')));
        config.put("quarkus.datasource.username", PostgresDatabase.user());
        config.put("quarkus.datasource.password", "");
        if (module.equals("gateway")) {
            config.put("quarkus.oidc.auth-server-url", KeycloakServer.realmUrl());
            config.put("quarkus.redis.hosts", "redis://127.0.0.1:6379");
        }
        try (ServiceProcess service =
                ServiceProcess.start(module, flags, ServiceProcess.freePort(), config, Map.of())) {
            assertThat(service.isAlive()).isTrue();
            // What the JVM says about a cache it had to refuse or could only partly use.
            assertThat(Files.readString(service.log())).doesNotContain("AOT cache");
        }

        // The check above can fail: a cache the JVM cannot use (here an empty file) ends a start that requires it.
        Path unusable = Files.createTempFile("unusable", ".aot");
        Result refused = run(Map.of(), JAVA, "-XX:AOTCache=" + unusable, "-XX:AOTMode=on", "-version");
        Files.delete(unusable);
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        Files.delete(cache);
    }

    /** JAVA_OPTS as the Dockerfile defines it once for both of its stages. */
    static List<String> imageJavaOpts() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
        Matcher opts = Pattern.compile("(?m)^ARG JAVA_OPTS=\"([^\"]+)\"$").matcher(dockerfile);
        assertThat(opts.find()).as("ARG JAVA_OPTS=\"...\" in deploy/Dockerfile").isTrue();
        return Arrays.asList(opts.group(1).trim().split("\\s+"));
    }

    private record Result(int exit, String output) {}

    private static Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
