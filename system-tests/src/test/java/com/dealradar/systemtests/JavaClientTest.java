package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.client.ApiClient;
import com.dealradar.client.ApiException;
import com.dealradar.client.api.CompaniesApi;
import com.dealradar.client.api.CompositeReadsApi;
import com.dealradar.client.model.Company;
import com.dealradar.client.model.DealDossier;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated at build time from the committed contract (openapi-generator, java/native) works
 * against the running gateway as a partner would use it: pages followed to the end by nextCursor, a typed
 * company, a composite read, and errors as ApiException with the problem document.
 */
class JavaClientTest {

    private static ApiClient client() {
        URI gateway = URI.create(Services.gateway().url());
        ApiClient client = new ApiClient();
        client.setScheme(gateway.getScheme())
                .setHost(gateway.getHost())
                .setPort(gateway.getPort())
                .setBasePath("");
        client.setRequestInterceptor(request -> request.header("X-API-Key", Services.ADMIN_KEY));
        return client;
    }

    @Test
    void aPartnerOnTheJvmPagesReadsAndComposesWithTheGeneratedClient() throws Exception {
        CompaniesApi companies = new CompaniesApi(client());
        Set<String> slugs = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            // Read through Jackson so the test compiles whether the list is generated as the typed CompanyPage (the
            // regenerated contract) or as a plain object (a contract from before typed pages).
            com.fasterxml.jackson.databind.JsonNode page = client().getObjectMapper()
                    .valueToTree(companies.listCompanies(null, cursor, null, null, 10, null, null, null, null, null));
            page.path("items")
                    .forEach(c -> assertThat(slugs.add(c.path("slug").asText()))
                            .as("no company twice across pages")
                            .isTrue());
            cursor = page.path("nextCursor").isTextual()
                    ? page.path("nextCursor").asText()
                    : null;
            pages++;
        } while (cursor != null && pages < 50);
        System.out.printf("Generated client: %d companies over %d typed pages%n", slugs.size(), pages);
        assertThat(slugs).contains("alibaba-group", "ztesoft");
        assertThat(pages).isGreaterThan(1);

        Company zte = companies.getCompany("ztesoft", null);
        assertThat(zte.getName()).isNotBlank();
        assertThat(zte.getParents()).isNotEmpty();

        DealDossier dossier = new CompositeReadsApi(client())
                .getDealDossier(UUID.fromString("973a4522-3530-5077-b71c-a59a70f0ce3f"), null);
        assertThat(dossier.getDeal()).isNotNull();
        assertThat(dossier.getParticipants()).isNotEmpty();

        assertThatThrownBy(() -> companies.getCompany("no-such-company-anywhere", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("https://dealradar.dev/problems/not-found");
                });
    }
}
