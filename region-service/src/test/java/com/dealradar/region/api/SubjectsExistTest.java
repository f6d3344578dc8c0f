package com.dealradar.region.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.dealradar.platform.testing.FakeDirectory;
import com.dealradar.region.FakeServices;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A matter is about a deal or a company, a certification about a company: region-service asks deal-service and
 * company-service (WireMock here, the real services in the system tests) before it writes one, and writes nothing
 * about an id they do not know or when they cannot answer.
 */
@QuarkusTest
class SubjectsExistTest {

    private static int lookUps(String collection, UUID id) {
        return FakeServices.server()
                .findAll(getRequestedFor(urlPathEqualTo(collection)).withQueryParam("ids", containing(id.toString())))
                .size();
    }

    private static Response createCompanyMatter(UUID company) {
        return given().contentType(ContentType.JSON)
                .body("{\"companyId\": \"" + company + "\", \"regimeCode\": \"DE-BSIG-9B\", \"title\": \"test\", "
                        + "\"status\": \"anticipated\", \"openedOn\": \"2024-01-10\", \"basis\": \"inferred\", "
                        + "\"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"test\"}]}")
                .post("/regulatory-matters");
    }

    @Test
    void aMatterOnADealOrCompanyNobodyKnowsIs422AndNothingIsWritten() {
        UUID unknownDeal = FakeDirectory.unknown();
        MatterApiTest.create(unknownDeal, "UK-NSIA")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dealId"))
                .body("detail", containsString(unknownDeal + " does not exist in deal-service"));
        given().queryParam("dealId", unknownDeal.toString())
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", empty());

        UUID unknownCompany = FakeDirectory.unknown();
        createCompanyMatter(unknownCompany)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("companyId"))
                .body("detail", containsString(unknownCompany + " does not exist in company-service"));
        given().queryParam("companyId", unknownCompany.toString())
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", empty());

        // The look-up carries the caller's credentials and request id.
        UUID deal = FakeDirectory.known();
        given().header("X-Request-Id", "subjects-" + deal)
                .contentType(ContentType.JSON)
                .body("{\"dealId\": \"" + deal + "\", \"regimeCode\": \"UK-NSIA\", \"status\": \"anticipated\", "
                        + "\"basis\": \"inferred\", \"sources\": [{\"kind\": \"general_knowledge\", \"note\": \"t\"}]}")
                .post("/regulatory-matters")
                .then()
                .statusCode(201);
        FakeServices.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo("/deals"))
                                .withQueryParam("ids", WireMock.equalTo(deal.toString()))
                                .withHeader("Authorization", matching("Bearer .+"))
                                .withHeader("X-Request-Id", WireMock.equalTo("subjects-" + deal)));
    }

    @Test
    void aChangeAsksOnlyAboutWhatItAdds() {
        UUID company = FakeDirectory.known();
        Response created = createCompanyMatter(company);
        created.then().statusCode(201);
        String id = created.path("id");
        assertThat(lookUps("/companies", company)).isEqualTo(1);

        // Adding a deal nobody knows: 422, the matter unchanged.
        UUID unknownDeal = FakeDirectory.unknown();
        given().contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body("{\"dealId\": \"" + unknownDeal + "\"}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("dealId"));
        given().get("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("dealId", equalTo(null));

        // A title change asks nobody; adding a known deal asks deal-service once.
        UUID deal = FakeDirectory.known();
        String etag = given().contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body("{\"title\": \"renamed\"}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"dealId\": \"" + deal + "\"}")
                .patch("/regulatory-matters/" + id)
                .then()
                .statusCode(200)
                .body("dealId", equalTo(deal.toString()));
        int companyLookUps = lookUps("/companies", company);
        int dealLookUps = lookUps("/deals", deal);
        System.out.printf("look-ups: company %d, deal %d%n", companyLookUps, dealLookUps);
        assertThat(companyLookUps).isEqualTo(1);
        assertThat(dealLookUps).isEqualTo(1);
    }

    @Test
    void aCertificationOfACompanyNobodyKnowsIs422() {
        UUID unknown = FakeDirectory.unknown();
        CertificationApiTest.create(unknown, LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01"), "attested")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("companyId"));
        given().queryParam("companyId", unknown.toString())
                .get("/certifications")
                .then()
                .statusCode(200)
                .body("items", empty());

        Response created = CertificationApiTest.create(
                FakeDirectory.known(), LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01"), "attested");
        created.then().statusCode(201);
        given().contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body("{\"companyId\": \"" + unknown + "\"}")
                .patch("/certifications/" + created.path("id"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("companyId"));
    }

    @Test
    void whenDealServiceCannotAnswerNothingIsWrittenAnd503SaysWhenToRetry() {
        UUID deal = FakeDirectory.known();
        FakeServices.server()
                .stubFor(WireMock.get(urlPathEqualTo("/deals"))
                        .withQueryParam("ids", WireMock.equalTo(deal.toString()))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500)));
        MatterApiTest.create(deal, "UK-NSIA")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("detail", containsString("deal-service cannot be reached"));
        int asked = lookUps("/deals", deal);
        System.out.printf("deal-service asked %d times (1 + 2 retries) for one create%n", asked);
        assertThat(asked).isEqualTo(3);
        given().queryParam("dealId", deal.toString())
                .get("/regulatory-matters")
                .then()
                .statusCode(200)
                .body("items", empty());
    }
}
