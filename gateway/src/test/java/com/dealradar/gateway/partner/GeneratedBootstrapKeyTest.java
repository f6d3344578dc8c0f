package com.dealradar.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Without a configured bootstrap key, the local run's setting generates one into the data folder. */
@QuarkusTest
@TestProfile(GeneratedKeyRedisDownProfile.class)
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
class GeneratedBootstrapKeyTest {

    @Test
    void generatedKeyIsWrittenOwnerOnlyWorksAsAdminAndIsNotLogged() throws Exception {
        Path file = GeneratedKeyRedisDownProfile.DATA_DIR.resolve("bootstrap-api-key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        String prefix = ApiKeys.prefixOf(key);
        assertThat(prefix).isNotNull();

        Admin.as(key).get("/api/v1/partners").then().statusCode(200).body("items", notNullValue());
        Admin.as(key + "x").get("/api/v1/partners").then().statusCode(401);

        String log = Files.readString(GeneratedKeyRedisDownProfile.LOG_FILE, StandardCharsets.UTF_8);
        assertThat(log).contains(file.toString()).contains("drk_" + prefix + "_...");
        assertThat(log).doesNotContain(key).doesNotContain(key.substring(13));
    }
}
