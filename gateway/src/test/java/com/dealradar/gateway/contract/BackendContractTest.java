package com.dealradar.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's static document is exactly the merge of the backends' own documents (not a hand-written
 * guess). The backends write those documents when they are packaged (quarkus.smallrye-openapi.store-schema-directory
 * =target/openapi); the gateway depends on the backend modules (gateway/pom.xml), so the reactor packages them
 * first. A missing document, or one older than its backend's sources, fails this test: the backend half of the
 * contract is never silently left unchecked. -Dcontract.update=true rewrites the static document.
 */
class BackendContractTest {

    static final Path STATIC = Path.of("src/main/resources/META-INF/openapi.json");

    @Test
    void staticDocumentIsTheMergeOfTheBackendDocuments() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        for (String backend : ContractMerger.BACKENDS) {
            Path doc = ContractMerger.backendDocument(repository, backend);
            Optional<String> problem =
                    problemWith(doc, repository.resolve(backend).resolve("src/main"));
            if (problem.isPresent()) {
                unusable.add(problem.get());
            } else {
                docs.put(backend, ContractMerger.read(doc));
            }
        }
        assertThat(unusable)
                .as("the backends' build-time OpenAPI documents: package the backends in the same reactor "
                        + "(mvn verify, or mvn -pl gateway -am verify)")
                .isEmpty();
        String merged = ContractMerger.write(ContractMerger.merge(docs));
        if (Boolean.getBoolean("contract.update")) {
            String before = Files.exists(STATIC) ? Files.readString(STATIC) : "";
            Files.createDirectories(STATIC.getParent());
            Files.writeString(STATIC, merged);
            System.out.println("contract update: " + STATIC
                    + (before.equals(merged)
                            ? " unchanged"
                            : " rewritten from the backends' documents ("
                                    + before.length() + " -> " + merged.length()
                                    + " characters); rebuild the gateway and run the update "
                                    + "again so that contract/openapi.json is the document served with it"));
            return;
        }
        assertThat(Files.readString(STATIC))
                .as(
                        "%s is stale: run mvn -pl gateway -am verify -Dcontract.update=true and commit it with contract/openapi.json",
                        STATIC)
                .isEqualTo(merged);
    }

    /** Why {@code doc} cannot be used: missing, or older than a file under {@code sources} (a stale build). */
    static Optional<String> problemWith(Path doc, Path sources) {
        if (!Files.exists(doc)) {
            return Optional.of(doc + " is missing");
        }
        try (Stream<Path> files = Files.walk(sources)) {
            FileTime built = Files.getLastModifiedTime(doc);
            return files.filter(Files::isRegularFile)
                    .filter(file -> lastModified(file).compareTo(built) > 0)
                    .findFirst()
                    .map(newer -> doc + " is older than " + newer + " (stale build)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
