package com.dealradar.company.api;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "External identifiers of a company")
public record Identifiers(
        @Pattern(regexp = "[A-Z0-9]{18}[0-9]{2}", message = "must be a 20-character LEI (ISO 17442)")
        @Schema(
                description = "Legal Entity Identifier (ISO 17442), check digits verified",
                examples = "5493001NKNQTBWP4GY39")
        String lei,

        @Pattern(regexp = "Q[1-9][0-9]{0,11}", message = "must be a Wikidata item id such as Q1359568")
        @Schema(description = "Wikidata item id", examples = "Q1359568")
        String wikidataQid) {}
