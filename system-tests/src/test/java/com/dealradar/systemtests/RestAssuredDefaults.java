package com.dealradar.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs RestAssured's defaults for every system test class (registered in META-INF/services, autodetected): the
 * default caller (a Keycloak analyst, see {@link Services}) and the contract check of every answer. A request spec
 * takes the global filters when it is created, so they must be in place before the first {@code given()} of a run,
 * not when {@link Services} happens to be loaded (which a test's first request may precede).
 */
public class RestAssuredDefaults implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Services.installRestAssuredDefaults();
    }
}
