package com.dealradar.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per kind of problem so that clients can
 * switch on it; {@code detail} is for humans.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(
                description = "URI identifying the kind of problem",
                examples = "https://dealradar.dev/problems/validation",
                required = true)
        URI type,

        @Schema(description = "Short summary of the kind of problem", examples = "Request is invalid", required = true)
        String title,

        @Schema(description = "HTTP status code", examples = "400", required = true)
        int status,

        @Schema(description = "What went wrong with this request", examples = "2 fields are invalid")
        String detail,

        @Schema(description = "The request path this problem is about", examples = "/companies")
        String instance,

        @Schema(
                description = "Request id, also in the X-Request-Id header",
                examples = "3f2c6f0e-2b7d-4c55-9b0f-5d7f0f3b1c11")
        String requestId,

        @Schema(description = "Field violations, when the request body or parameters were invalid")
        List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://dealradar.dev/problems/";

    public Problem withContext(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, errors);
    }
}
