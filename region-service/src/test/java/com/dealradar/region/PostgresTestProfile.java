package com.dealradar.region;

import com.dealradar.platform.testing.AuthenticatedAsAnalyst;
import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs on its own fresh database on the real PostgreSQL server, as an analyst, with
 * deal-service and company-service played by WireMock ({@link FakeServices}).
 */
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dealradar_region_test"))
@QuarkusTestResource(value = FakeServices.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AuthenticatedAsAnalyst.class, restrictToAnnotatedClass = false)
public class PostgresTestProfile {}
