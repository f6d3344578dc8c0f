package com.dealradar.gateway.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (contract/openapi.json, what frontends and partners generate clients from) is the
 * document the gateway serves at /q/openapi. -Dcontract.update=true rewrites the committed file.
 */
@QuarkusTest
class ContractTest {

    @Test
    void committedContractIsTheServedDocument() throws Exception {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        String normalized = ContractMerger.write(ContractMerger.JSON.readTree(served));
        Path committed = Path.of(System.getProperty("contract.dir", "../contract")).resolve("openapi.json");
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(committed, normalized);
        }
        assertThat(Files.exists(committed)).as("%s is missing: run with -Dcontract.update=true", committed).isTrue();
        assertThat(Files.readString(committed))
                .as("contract/openapi.json differs from the served /q/openapi: run mvn -f gateway/pom.xml verify -Dcontract.update=true and commit it")
                .isEqualTo(normalized);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
