package com.dealradar.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a DealRadar service from its packaged jar ({@code <module>/target/quarkus-app/quarkus-run.jar}) as a
 * real process on a loopback port, for black-box tests across services. The reactor builds modules in
 * order, so a module's tests can start any module listed before it in the parent pom.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * The JVM flags of a test's service, unless the test gives its own. C1 only, as bin/run: a test's service lives
     * seconds to minutes, and on two cores C2's compilations made a start take 8.6-10.1 s against 6.4-7.0 s
     * (company-service on a fresh database, measured 2026-12-02).
     */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    private final String module;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final Map<String, String> config;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    private ServiceProcess(
            String module,
            int port,
            int managementPort,
            Process process,
            Path log,
            Map<String, String> config,
            Map<String, String> environment,
            List<String> jvmOptions) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.config = Map.copyOf(config);
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts {@code module} with the given configuration (passed as system properties) and waits until ready. */
    public static ServiceProcess start(String module, int port, Map<String, String> config) {
        Map<String, String> withDevKeys = new java.util.LinkedHashMap<>();
        withDevKeys.put("dealradar.access.allow-dev-keys", "true");
        withDevKeys.putAll(config);
        return start(module, port, withDevKeys, Map.of());
    }

    /**
     * Starts {@code module} with exactly {@code environment} as its environment variables added to this
     * JVM's (as a Deployment's {@code env} would set them) and {@code config} as system properties, and waits
     * until ready. Only the ports and the loopback host are set on top, so that parallel runs never collide:
     * the public port and a management port (health, metrics) of its own.
     */
    public static ServiceProcess start(
            String module, int port, Map<String, String> config, Map<String, String> environment) {
        return start(module, TEST_JVM_OPTIONS, port, config, environment);
    }

    /** As {@link #start(String, int, Map, Map)}, with exactly {@code jvmOptions} as the JVM's flags (an image's, say). */
    public static ServiceProcess start(
            String module,
            List<String> jvmOptions,
            int port,
            Map<String, String> config,
            Map<String, String> environment) {
        // The management port is ours to choose: when another process took it between freePort() and the bind, try
        // another.
        for (int attempt = 1; ; attempt++) {
            try {
                return start(module, jvmOptions, port, freePort(), config, environment);
            } catch (PortTaken taken) {
                if (taken.managementPort == -1 || attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Starts {@code module} on a loopback port of its own choosing: a port taken by someone else between the choice
     * and the bind (ports are only bound by the service itself) means another port, not a failed test.
     */
    public static ServiceProcess start(String module, Map<String, String> config) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(module, freePort(), config);
            } catch (PortTaken taken) {
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    private static ServiceProcess start(
            String module,
            List<String> jvmOptions,
            int port,
            int managementPort,
            Map<String, String> config,
            Map<String, String> environment) {
        Path root = repositoryRoot();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package it in the same reactor (mvn -pl system-tests -am verify, or "
                            + "mvn verify), not one module alone");
        }
        requireFresh(root, module, jar);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path log = Files.createDirectories(root.resolve("target/service-logs"))
                    .resolve(module + "-" + port + "-" + System.currentTimeMillis() + ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            ServiceProcess service =
                    new ServiceProcess(module, port, managementPort, process, log, config, environment, jvmOptions);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
            // Generous: on two cores shared by several test runs a start-up has been measured at 87 s.
            long launched = System.nanoTime();
            service.awaitReady(Duration.ofSeconds(240));
            System.out.printf(
                    "[ServiceProcess] %s ready on port %d in %d ms%n",
                    module, port, (System.nanoTime() - launched) / 1_000_000);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The management interface: health ({@code /q/health}) and metrics ({@code /q/metrics}). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** Sends SIGKILL (a crash: nothing in flight completes) and waits for the process to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Sends SIGTERM (a graceful stop, as Kubernetes does) without waiting for the process to end. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code. */
    public int awaitExit(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(module + " did not stop within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** The same service started again on the same port with the same configuration (after it stopped). */
    public ServiceProcess restart() {
        close();
        return start(module, jvmOptions, port, config, environment);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String output = readLog();
                if (output.contains("Port already bound") || output.contains("Address already in use")) {
                    throw new PortTaken(
                            module + " could not bind its port (taken since it was chosen); see " + log,
                            output.contains(Integer.toString(managementPort)) ? managementPort : -1);
                }
                throw new IllegalStateException(module + " exited during start-up; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log);
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The service could not bind a port; {@code managementPort} if that was the one, else -1. */
    static final class PortTaken extends IllegalStateException {
        final int managementPort;

        PortTaken(String message, int managementPort) {
            super(message);
            this.managementPort = managementPort;
        }
    }

    /**
     * Refuses to run a packaged service older than its sources (or the platform's): a system test of a stale build
     * would test code that is no longer there.
     */
    static void requireFresh(Path root, String module, Path jar) {
        try {
            java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
            for (Path sources : List.of(
                    root.resolve(module).resolve("src/main"),
                    root.resolve("platform/src/main"),
                    root.resolve(module).resolve("pom.xml"))) {
                if (!Files.exists(sources)) {
                    continue;
                }
                try (var files = Files.walk(sources)) {
                    var newer = files.filter(Files::isRegularFile)
                            .filter(file -> {
                                try {
                                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                            .findFirst();
                    if (newer.isPresent()) {
                        throw new IllegalStateException(
                                jar + " (built " + built + ") is older than " + newer.get()
                                        + ": package it again in the same reactor (mvn -pl system-tests -am verify) before its system tests");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A loopback port the OS had free, never one this JVM handed out before: the OS gives a just-released port again,
     * so a service's management port could otherwise be the public port chosen earlier for another service that has
     * not bound it yet (seen: the dev-overlay test's deal-service found its port taken by company-service).
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no loopback port left that this JVM has not handed out");
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("platform"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the DealRadar repository");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
