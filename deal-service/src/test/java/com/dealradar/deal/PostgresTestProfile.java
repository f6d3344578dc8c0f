package com.dealradar.deal;

import com.dealradar.platform.testing.AuthenticatedAsAnalyst;
import com.dealradar.platform.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs on its own fresh database on the real PostgreSQL server, with
 * company-service and region-service played by WireMock ({@link FakeServices}). Test profiles that need
 * something else disable these global resources and list their own.
 */
@QuarkusTestResource(
        value = PostgresDatabase.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dealradar_deal_test"))
@QuarkusTestResource(value = FakeServices.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AuthenticatedAsAnalyst.class, restrictToAnnotatedClass = false)
public class PostgresTestProfile {}
