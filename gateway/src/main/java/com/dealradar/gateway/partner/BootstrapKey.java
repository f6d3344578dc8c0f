package com.dealradar.gateway.partner;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The bootstrap admin API key: the way in before any partner or Keycloak admin exists. Either configured
 * ({@code dealradar.security.bootstrap-api-key}) or, for the local run, generated into
 * {@code ${dealradar.data-dir}/bootstrap-api-key} (owner-only) and reused from there on later starts so that a
 * developer's key survives restarts like the rest of the local data. Only its SHA-256 is kept in memory; only
 * the file path and the key's prefix are logged.
 */
@ApplicationScoped
public class BootstrapKey {

    static final String FILE_NAME = "bootstrap-api-key";
    private static final Logger LOG = Logger.getLogger(BootstrapKey.class);

    private final BootstrapKeyConfig config;
    private final Path dataDir;
    private volatile String hash;

    BootstrapKey(
            BootstrapKeyConfig config,
            @ConfigProperty(name = "dealradar.data-dir", defaultValue = "data") String dataDir) {
        this.config = config;
        this.dataDir = Path.of(dataDir);
    }

    void onStart(@Observes StartupEvent event) {
        hash();
    }

    /** Whether a presented key whose hash is {@code presentedHash} is the bootstrap admin key (constant time). */
    public boolean matchesHash(String presentedHash) {
        String expected = hash();
        return expected != null && ApiKeys.hashMatches(presentedHash, expected);
    }

    private String hash() {
        String known = hash;
        if (known == null) {
            synchronized (this) {
                if (hash == null) {
                    hash = load();
                }
                known = hash;
            }
        }
        return known.isEmpty() ? null : known;
    }

    /** The hash of the bootstrap key, or "" when there is none. */
    private String load() {
        String configured = config.bootstrapApiKey().map(String::strip).orElse("");
        if (!configured.isEmpty()) {
            if (configured.length() < 32) {
                LOG.warn("dealradar.security.bootstrap-api-key is shorter than 32 characters; use a long random key");
            }
            LOG.info("Bootstrap admin API key accepted (from dealradar.security.bootstrap-api-key)");
            return ApiKeys.hash(configured);
        }
        if (!config.generateBootstrapKey()) {
            return "";
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            String key = Files.exists(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : "";
            if (ApiKeys.prefixOf(key) != null) {
                ownerOnly(file);
                LOG.infof(
                        "Bootstrap admin API key %s%s_... reused from %s", ApiKeys.MARKER, ApiKeys.prefixOf(key), file);
                return ApiKeys.hash(key);
            }
            ApiKeys.Generated generated = ApiKeys.generate();
            write(file, generated.key());
            LOG.infof(
                    "Bootstrap admin API key %s%s_... generated into %s (readable by its owner only)",
                    ApiKeys.MARKER, generated.prefix(), file);
            return ApiKeys.hash(generated.key());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bootstrap admin API key to " + file, e);
        }
    }

    private static void write(Path file, String key) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        byte[] content = (key + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file inherits the folder's access rules.
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process created " + file + " at the same time", e);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        ownerOnly(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            if (!Files.getPosixFilePermissions(file).equals(ownerOnly)) {
                Files.setPosixFilePermissions(file, ownerOnly);
            }
        }
    }
}
