package com.dealradar.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.Map;

/**
 * Backend module tests call the API as an analyst (a real token, verified by the service) unless a test
 * sends its own Authorization header.
 */
public class AuthenticatedAsAnalyst implements QuarkusTestResourceLifecycleManager {

    private static final Filter AS_ANALYST = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", InternalTokens.analyst());
        }
        return context.next(request, response);
    };

    @Override
    public Map<String, String> start() {
        if (!RestAssured.filters().contains(AS_ANALYST)) {
            RestAssured.filters(AS_ANALYST);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        RestAssured.filters().remove(AS_ANALYST);
    }
}
