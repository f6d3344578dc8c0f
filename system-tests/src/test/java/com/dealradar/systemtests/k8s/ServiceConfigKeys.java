package com.dealradar.systemtests.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a packaged service actually reads, to tell whether an environment variable means anything to
 * it: its application.properties (and platform's defaults), the variables referenced in their values, its
 * {@code @ConfigProperty} names, the keys of its {@code @ConfigMapping} interfaces (with their {@code @WithDefault}s),
 * and the runtime properties documented by the
 * Quarkus extensions inside its packaged jar ({@code target/quarkus-app/lib/main}). A variable is read when the
 * MicroProfile Config name mapping (non-alphanumerics to '_', upper case) of one of those keys gives its name.
 */
final class ServiceConfigKeys {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:[^}]*)?}");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    /** A member of a mapping interface: its annotations, its type and its name ({@code Duration timeout();}). */
    private static final Pattern MEMBER =
            Pattern.compile("((?:@\\w+(?:\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^()\"]*)\\))?\\s+)*)"
                    + "([\\w.]+(?:<[\\w.<>, ]+>)?)\\s+(\\w+)\\(\\)\\s*;");

    private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([^\"]*)\"\\)");
    private static final Pattern OPTIONAL_GROUP = Pattern.compile("Optional<(\\w+)>");
    private static final Map<String, Map<String, String>> DEFAULTS = new ConcurrentHashMap<>();
    private static final Pattern MAP_OF_GROUPS = Pattern.compile("Map<String,\\s*(\\w+)>");

    final String module;
    final TreeSet<String> exact = new TreeSet<>();
    final List<Pattern> quarkus = new ArrayList<>();
    /** Keys of the @ConfigMapping interfaces under a map ({@code dealradar.gateway.backends.*.url}). */
    final List<Pattern> mapped = new ArrayList<>();
    /** The @WithDefault of each mapping key that has one. */
    final Map<String, String> defaults = new TreeMap<>();
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
        for (Pattern key : mapped) {
            if (key.matcher(variable).matches()) {
                return Optional.of("@ConfigMapping key " + key.pattern());
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
     * no profile), else the {@code @WithDefault} of the mapping that declares it; null when none sets it.
     */
    static String configured(String module, String key) {
        Path root = Manifests.ROOT;
        String written = load(root.resolve(module).resolve("src/main/resources/application.properties"))
                .getProperty(
                        key,
                        load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))
                                .getProperty(key));
        return written != null ? written : mappingDefaults(module).get(key);
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

    /** The @WithDefault of every mapping key of the service and the platform, read from their sources once. */
    private static Map<String, String> mappingDefaults(String module) {
        return DEFAULTS.computeIfAbsent(module, m -> {
            ServiceConfigKeys keys = new ServiceConfigKeys(m);
            keys.sources(Manifests.ROOT.resolve(m).resolve("src/main/java"));
            keys.sources(Manifests.ROOT.resolve("platform/src/main/java"));
            return Map.copyOf(keys.defaults);
        });
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
                Matcher mapping = MAPPING.matcher(source);
                if (mapping.find()) {
                    mapping(source.substring(mapping.end()), mapping.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The keys of a {@code @ConfigMapping} file: each member of the annotated interface is a key under the prefix
     * (its {@code @WithName}, else its name in kebab case); a member whose type is an interface of the same file is
     * a group of keys under it, a {@code Map<String, Group>} a group under any name.
     */
    private void mapping(String source, String prefix) {
        // Comments go (a Javadoc's {@link} is no body); a line comment only where it starts a line, so that a default
        // such as "http://localhost" stays whole.
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//[^\\n]*", "");
        Map<String, String> bodies = new HashMap<>();
        // The source from the annotation on: its first interface is the mapping, the others its groups.
        Matcher declared = INTERFACE.matcher(code);
        String root = null;
        while (declared.find()) {
            bodies.put(declared.group(1), ownMembers(code, declared.end()));
            root = root == null ? declared.group(1) : root;
        }
        group(bodies, root, prefix, 0);
    }

    private void group(Map<String, String> bodies, String name, String prefix, int depth) {
        if (name == null || depth > 5) {
            return;
        }
        Matcher member = MEMBER.matcher(bodies.get(name));
        while (member.find()) {
            String annotations = member.group(1);
            String type = member.group(2);
            Matcher named = WITH_NAME.matcher(annotations);
            String key = prefix + "."
                    + (named.find()
                            ? named.group(1)
                            : member.group(3).replaceAll("([A-Z])", "-$1").toLowerCase());
            Matcher map = MAP_OF_GROUPS.matcher(type);
            Matcher optional = OPTIONAL_GROUP.matcher(type);
            if (bodies.containsKey(type)) {
                group(bodies, type, key, depth + 1);
            } else if (optional.matches() && bodies.containsKey(optional.group(1))) {
                group(bodies, optional.group(1), key, depth + 1);
            } else if (map.matches() && bodies.containsKey(map.group(1))) {
                group(bodies, map.group(1), key + ".*", depth + 1);
            } else if (key.contains("*") || type.startsWith("Map<")) {
                mapped.add(pattern(type.startsWith("Map<") ? key + ".*" : key));
            } else {
                exact.add(key);
                Matcher withDefault = WITH_DEFAULT.matcher(annotations);
                if (withDefault.find()) {
                    defaults.put(key, withDefault.group(1).replaceAll("\\\\(.)", "$1"));
                }
            }
        }
    }

    /** The text of the body that starts at {@code start}, without the bodies nested in it. */
    private static String ownMembers(String code, int start) {
        StringBuilder own = new StringBuilder();
        int depth = 1;
        for (int i = start; i < code.length() && depth > 0; i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 1) {
                own.append(c);
            }
        }
        return own.toString();
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
