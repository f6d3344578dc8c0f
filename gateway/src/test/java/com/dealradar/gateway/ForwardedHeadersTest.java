package com.dealradar.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating ingress (k8s/base/gateway.yaml sets these properties as QUARKUS_HTTP_PROXY_*): the
 * ingress controller's X-Forwarded-Proto/Host make Location an https:// URL on the public host, and Link targets and
 * problem instances (path-absolute references) resolve against that public URL. Forwarded headers are believed only
 * from the trusted proxy addresses; here the test client is the ingress (127.0.0.1).
 */
@QuarkusTest
@TestProfile(ForwardedHeadersTest.BehindTheIngress.class)
class ForwardedHeadersTest extends GatewayTestBase {

    static final String PUBLIC = "https://api.dealradar.example";

    public static class BehindTheIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void locationLinkAndProblemInstanceAreHttpsPublicUrlsBehindTheIngress() {
        warmUp();
        Backends.deal().stubFor(post(urlEqualTo("/deals")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"0\"")
                .withHeader("Location", "http://127.0.0.1:8082/deals/" + DEAL_ID).withBody(DEAL)));
        Response created = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.dealradar.example")
                .contentType("application/json").body("{\"title\":\"x\"}").post("/api/v1/deals");
        created.then().statusCode(201);
        assertThat(created.header("Location")).isEqualTo(PUBLIC + "/api/v1/deals/" + DEAL_ID);

        Backends.company().stubFor(get(urlPathEqualTo("/companies")).willReturn(okJson(COMPANIES)
                .withHeader("Link", "<http://company-service:8081/companies?limit=1&cursor=abc>; rel=\"next\"")));
        URI page = URI.create(PUBLIC + "/api/v1/companies?limit=1");
        Response list = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.dealradar.example")
                .get("/api/v1/companies?limit=1");
        list.then().statusCode(200);
        Matcher link = Pattern.compile("<([^>]*)>").matcher(list.header("Link"));
        assertThat(link.find()).isTrue();
        assertThat(URI.create(link.group(1)).getScheme()).as("no scheme or host of its own: never http://").isNull();
        assertThat(page.resolve(link.group(1)).toString()).isEqualTo(PUBLIC + "/api/v1/companies?limit=1&cursor=abc");

        Backends.deal().stubFor(get(urlEqualTo("/deals/nope")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"instance\":\"http://deal-service:8082/deals/nope\",\"detail\":\"not a UUID\"}")));
        String instance = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.dealradar.example")
                .get("/api/v1/deals/nope").then().statusCode(400).extract().path("instance");
        assertThat(URI.create(instance).getScheme()).isNull();
        assertThat(page.resolve(instance).toString()).isEqualTo(PUBLIC + "/api/v1/deals/nope");

        // Without forwarded headers, Location is the address called.
        Backends.deal().stubFor(post(urlEqualTo("/deals")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("Location", "/deals/" + DEAL_ID).withBody(DEAL)));
        String location = given().contentType("application/json").body("{\"title\":\"x\"}").post("/api/v1/deals")
                .then().statusCode(201).extract().header("Location");
        assertThat(location).startsWith("http://localhost:").endsWith("/api/v1/deals/" + DEAL_ID);
    }

    /**
     * The backend stubs' first answers in a fresh JVM can take longer than the short backend timeout these tests
     * use (Backends) when the machine is busy; a few reads first, so that the POST below is not the first call.
     */
    private static void warmUp() {
        Backends.deal().stubFor(get(urlEqualTo("/deals/" + DEAL_ID)).willReturn(okJson(DEAL)));
        int attempts = 0;
        int status = 0;
        while (status != 200 && attempts++ < 10) {
            status = given().get("/api/v1/deals/" + DEAL_ID).statusCode();
        }
        System.out.println("warm-up reads until the first 200: " + attempts);
        assertThat(status).isEqualTo(200);
    }
}
