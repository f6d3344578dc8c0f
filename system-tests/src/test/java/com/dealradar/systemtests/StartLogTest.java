package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads when a service starts (the packaged jars, as the other system tests start them): a WARN there
 * must be worth reading. The warnings starts used to log that nobody could act on (Flyway's out-of-order mode,
 * Micrometer's second registration of a gauge, the gateway's untraced OpenID Connect discovery; platform
 * KnownHarmlessWarnings) are gone, and every service starts without any warning at all.
 */
class StartLogTest {

    @Test
    void servicesStartWithoutWarningsNobodyCanActOn() throws IOException {
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        services.put("company-service", Services.company());
        services.put("deal-service", Services.deal());
        services.put("region-service", Services.region());
        services.put("gateway", Services.gateway());
        for (Map.Entry<String, ServiceProcess> service : services.entrySet()) {
            List<String> start = new ArrayList<>();
            for (String line : Files.readAllLines(service.getValue().log())) {
                start.add(line);
                if (line.contains("[io.quarkus]") && line.contains(" started in ")) {
                    break;
                }
            }
            List<String> warnings =
                    start.stream().filter(line -> line.contains(" WARN ")).toList();
            System.out.printf(
                    "start log of %s: %d lines, %d warnings%s%n",
                    service.getKey(), start.size(), warnings.size(), warnings.isEmpty() ? "" : ": " + warnings);
            assertThat(start.getLast())
                    .as(service.getKey() + " logged its start")
                    .contains(" started in ");
            assertThat(warnings).as(service.getKey()).isEmpty();
        }
    }
}
