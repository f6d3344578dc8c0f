package com.dealradar.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
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

    /** A Bean Validation pattern matches the whole value; in JSON Schema it must say so. @NotBlank's \\S stays. */
    @Test
    void patternsAreAnchoredToTheWholeValue() {
        var country = OASFactory.createSchema().pattern("[A-Z]{2}");
        var name = OASFactory.createSchema().pattern("\\S");
        var codes = OASFactory.createSchema().items(OASFactory.createSchema().pattern("[a-z0-9_]+"));
        var anchored = OASFactory.createSchema().pattern("^[A-Z]{3}$");
        var input = OASFactory.createSchema()
                .addProperty("country", country)
                .addProperty("name", name)
                .addProperty("codes", codes)
                .addProperty("currency", anchored);
        ContractConventions.anchorPatterns(input);
        ContractConventions.anchorPatterns(input);
        assertThat(country.getPattern()).isEqualTo("^(?:[A-Z]{2})$");
        assertThat(java.util.regex.Pattern.compile(country.getPattern())
                        .matcher("gbr-GBR")
                        .find())
                .isFalse();
        assertThat(name.getPattern()).isEqualTo("\\S");
        assertThat(codes.getItems().getPattern()).isEqualTo("^(?:[a-z0-9_]+)$");
        assertThat(anchored.getPattern()).isEqualTo("^[A-Z]{3}$");
    }
}
