package com.dealradar.gateway;

import com.dealradar.platform.testing.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTestResource(Backends.class)
abstract class GatewayTestBase {

    static final String DEAL_ID = "973a4522-3530-5077-b71c-a59a70f0ce3f";
    static final String ALIBABA = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a";
    static final String ZTESOFT = "f604e41d-8f8e-54e2-9294-c78fee942a96";

    static final String DEAL = """
            {"id":"%s","title":"Alibaba's rumoured acquisition of ZTEsoft from ZTE","type":"acquisition","status":"rumored",
             "regions":["CN"],"participants":[{"companyId":"%s","role":"acquirer"},{"companyId":"%s","role":"target"}]}""".formatted(DEAL_ID, ALIBABA, ZTESOFT);
    static final String COMPANIES = """
            {"items":[{"id":"%s","slug":"alibaba-group","name":"Alibaba Group","country":"CN"},
                      {"id":"%s","slug":"ztesoft","name":"ZTEsoft","country":"CN"}]}""".formatted(ALIBABA, ZTESOFT);
    static final String MATTERS = """
            {"items":[{"id":"11111111-1111-1111-1111-111111111111","regime":{"code":"CN-SAMR"},"status":"anticipated",
                       "deadline":{"date":"2018-03-01"}}]}""";
    static final String CERTIFICATIONS = """
            {"items":[{"id":"22222222-2222-2222-2222-222222222222","companyId":"%s","regionCode":"DE","scheme":"C5:2016"},
                      {"id":"33333333-3333-3333-3333-333333333333","companyId":"%s","regionCode":"CN","scheme":"MLPS"}]}""".formatted(ALIBABA, ALIBABA);
    static final String EMPTY_PAGE = "{\"items\":[]}";

    /** Tests call as the realm's analyst (a real Keycloak token) unless they send credentials of their own. */
    static final Filter AS_ANALYST = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName("X-API-Key")) {
            request.header("Authorization", KeycloakTokens.bearer("analyst"));
        }
        return context.next(request, response);
    };

    static {
        RestAssured.filters(AS_ANALYST);
    }

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void resetBackends() {
        Backends.SERVERS.values().forEach(server -> {
            if (!server.isRunning()) {
                server.start();
            }
            server.resetAll();
        });
        circuitBreakers.resetAll();
    }
}
