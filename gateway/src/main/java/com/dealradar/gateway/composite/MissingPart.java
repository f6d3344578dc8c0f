package com.dealradar.gateway.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem for one part of a composite answer that could not be read, with the part's name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "MissingPart",
        description = "A problem object (RFC 9457) naming one part of a composite read that is missing from the answer")
public record MissingPart(
        @Schema(
                description = "URI identifying the kind of problem",
                examples = "https://dealradar.dev/problems/dependency-unavailable",
                required = true)
        URI type,

        @Schema(
                description = "Short summary of the kind of problem",
                examples = "A service this request depends on is unavailable",
                required = true)
        String title,

        @Schema(description = "HTTP status the part's read would have had", examples = "503", required = true)
        int status,

        @Schema(
                description = "What went wrong",
                examples = "region-service did not answer within 3000 ms",
                required = true)
        String detail,

        @Schema(
                description = "The composite request path",
                examples = "/api/v1/deals/973a4522-3530-5077-b71c-a59a70f0ce3f/dossier",
                required = true)
        String instance,

        @Schema(
                description = "Name of the missing member of the answer",
                examples = "regulatoryMatters",
                required = true)
        String part,

        @Schema(description = "The service that owns the missing data", examples = "region-service", required = true)
        String service) {}
