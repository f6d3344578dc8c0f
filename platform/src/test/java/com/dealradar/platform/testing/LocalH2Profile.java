package com.dealradar.platform.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run command's path in a test: the "local" profile, an H2 file database in a fresh temporary data
 * folder, migrated by the same Flyway scripts, and no schema validation at start, as the packaged jars run it. (With
 * Hibernate's validation on, native queries on H2 typed uuid columns differently: a test passed against code that
 * answered 500 in the local run. The entities are validated against the schema by the PostgreSQL tests.) Calls are
 * made as an analyst. Subclasses add the resources their service needs (e.g. stand-ins for other services).
 */
public class LocalH2Profile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "local";
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources =
                new ArrayList<>(List.of(new TestResourceEntry(AuthenticatedAsAnalyst.class)));
        resources.addAll(moreResources());
        return resources;
    }

    protected List<TestResourceEntry> moreResources() {
        return List.of();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Map<String, String> config = new HashMap<>();
            config.put(
                    "dealradar.data-dir",
                    Files.createTempDirectory("dealradar-local-").toString());
            config.put("quarkus.hibernate-orm.schema-management.strategy", "none");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
