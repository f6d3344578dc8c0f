package com.dealradar.gateway;

import com.dealradar.platform.testing.KeycloakServer;
import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of the gateway runs against a real Keycloak (realm dealradar) and its own fresh
 * PostgreSQL database; backends are WireMock servers ({@link Backends}).
 */
@QuarkusTestResource(value = KeycloakServer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dealradar_gateway_test"))
public class GatewayTestResources {}
