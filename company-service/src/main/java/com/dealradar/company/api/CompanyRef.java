package com.dealradar.company.api;

import com.dealradar.company.domain.Company;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A short reference to a company")
public record CompanyRef(
        @Schema(description = "Id of the company", examples = "0b8bd6a6-0d5f-3c4e-9bb8-d4ab0a3c8f11", required = true)
        UUID id,

        @Schema(description = "Readable unique id of the company", examples = "zte", required = true)
        String slug,

        @Schema(description = "Common name of the company", examples = "ZTE", required = true)
        String name,

        @Schema(
                description = "Country of incorporation or headquarters (ISO 3166-1 alpha-2)",
                examples = "CN",
                required = true)
        String country) {

    public static CompanyRef of(Company company) {
        return new CompanyRef(company.id, company.slug, company.name, company.country);
    }
}
