package com.dealradar.systemtests.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a packaged service actually reads, to tell whether an environment variable means anything to
 * it: its application.properties (and platform's defaults), the variables referenced in their values, its
 * {@code @ConfigProperty} names, and the runtime properties documented by the
 * Quarkus extensions inside its packaged jar ({@code target/quarkus-app/lib/main}). A variable is read when the
 * MicroProfile Config name mapping (non-alphanumerics to '_', upper case) of one of those keys gives its name.
 */
final class ServiceConfigKeys {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:[^}]*)?}");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

    final String module;
    final TreeSet<String> exact = new TreeSet<>();
    final List<Pattern> quarkus = new ArrayList<>();
    /** Fixed when the jar was built: setting them in a pod changes nothing (or fails the start). */
    final List<Pattern> buildTime = new ArrayList<>();

    private ServiceConfigKeys(String module) {
        this.module = module;
    }

    static ServiceConfigKeys of(String module) {
        ServiceConfigKeys keys = new ServiceConfigKeys(module);
        Path root = Manifests.ROOT;
        keys.properties(root.resolve(module).resolve("src/main/resources/application.properties"));
        keys.properties(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        keys.sources(root.resolve(module).resolve("src/main/java"));
        keys.sources(root.resolve("platform/src/main/java"));
        keys.extensions(root.resolve(module).resolve("target/quarkus-app/lib/main"));
        return keys;
    }

    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Why the service reads {@code variable}, or empty when it does not. */
    Optional<String> reads(String variable) {
        if (buildTime.stream().anyMatch(p -> p.matcher(variable).matches())) {
            return Optional.empty();
        }
        for (String key : exact) {
            if (envName(key).equals(variable)) {
                return Optional.of(key);
            }
        }
        for (Pattern documented : quarkus) {
            if (documented.matcher(variable).matches()) {
                return Optional.of("Quarkus runtime property " + documented.pattern());
            }
        }
        return Optional.empty();
    }

    /**
     * The value the service's own application.properties gives {@code key}, else the platform's default (as written,
     * no profile); null when neither sets it.
     */
    static String configured(String module, String key) {
        Path root = Manifests.ROOT;
        return load(root.resolve(module).resolve("src/main/resources/application.properties"))
                .getProperty(
                        key,
                        load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))
                                .getProperty(key));
    }

    /** A properties file of the repository as it is written (every profile's keys, nothing resolved). */
    private static Properties load(Path file) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private void properties(Path file) {
        load(file).forEach((k, v) -> {
            exact.add(k.toString().replaceFirst("^%[^.]+\\.", ""));
            Matcher m = REFERENCE.matcher(v.toString());
            while (m.find()) {
                exact.add(m.group(1));
            }
        });
    }

    private void sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                PROPERTY.matcher(source).results().forEach(m -> exact.add(m.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runtime properties of the extensions packaged with the service (build-time ones cannot change in a pod). */
    private void extensions(Path lib) {
        if (!Files.isDirectory(lib)) {
            throw new AssertionError(lib + " is missing: build the whole reactor (mvn verify), not one module");
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    var entry = file.getJarEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
                    if (entry == null) {
                        continue;
                    }
                    try (InputStream in = file.getInputStream(entry)) {
                        collect(json.readTree(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (path != null && path.has("property")) {
                (node.path("phase").asText().equals("RUN_TIME") ? quarkus : buildTime)
                        .add(pattern(path.get("property").asText()));
            }
            node.forEach(this::collect);
        } else if (node.isArray()) {
            node.forEach(this::collect);
        }
    }

    /** {@code quarkus.rest-client."client".url} to QUARKUS_REST_CLIENT_(any name)_URL. */
    static Pattern pattern(String property) {
        StringBuilder regex = new StringBuilder();
        for (String part : property.split("(\"[^\"]*\"|\\*|\\[\\*])", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(envName(part)));
        }
        return Pattern.compile(regex.toString());
    }
}
