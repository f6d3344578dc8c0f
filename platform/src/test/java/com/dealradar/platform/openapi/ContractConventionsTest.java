package com.dealradar.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractConventionsTest {

    @Test
    void aPathParameterIsDescribedByTheCollectionItPicksFrom() {
        assertThat(ContractConventions.pathParameterDescription("/api/v1/deals/{id}", "id"))
                .isEqualTo("Id of the deal");
        assertThat(ContractConventions.pathParameterDescription("/companies/{idOrSlug}/archive", "idOrSlug"))
                .isEqualTo("Id or slug of the company");
        assertThat(ContractConventions.pathParameterDescription("/regulatory-matters/{id}/transitions", "id"))
                .isEqualTo("Id of the regulatory matter");
        assertThat(ContractConventions.pathParameterDescription("/regimes/{idOrCode}", "idOrCode"))
                .isEqualTo("Id or code of the regime");
        assertThat(ContractConventions.pathParameterDescription(
                        "/partners/{partnerId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay", "deliveryId"))
                .isEqualTo("Id of the delivery");
        assertThat(ContractConventions.pathParameterDescription(
                        "/partners/{partnerId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay", "partnerId"))
                .isEqualTo("Id of the partner");
    }

    @Test
    void aNameWithoutAKnownPatternIsLeftToTheResource() {
        assertThat(ContractConventions.pathParameterDescription("/regions/{code}/{year}", "year"))
                .isNull();
        assertThat(ContractConventions.pathParameterDescription("/{tenant}/deals", "tenant"))
                .isNull();
        assertThat(ContractConventions.pathParameterDescription("/deals/{id}", "slug"))
                .isNull();
    }
}
