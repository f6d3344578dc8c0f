package com.dealradar.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The fault tests' short backend timeout would turn a busy machine's slow WireMock answers into real
 * timeouts (which rightly count against a backend and fail a composite's core read); tests about answers
 * that must not count, or about what a composite says, run with patient backends.
 */
public class PatientBackends implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dealradar.gateway.backends.deal-service.timeout",
                "PT20S",
                "dealradar.gateway.backends.company-service.timeout",
                "PT20S",
                "dealradar.gateway.backends.region-service.timeout",
                "PT20S");
    }
}
