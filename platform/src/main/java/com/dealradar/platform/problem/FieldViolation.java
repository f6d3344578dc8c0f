package com.dealradar.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: where it is (a JSON pointer-like path or a parameter name) and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldViolation", description = "One invalid field of a request")
public record FieldViolation(
        @Schema(
                description = "Path of the field in the body, or the name of the parameter or header",
                examples = "name")
        String field,

        @Schema(description = "What is wrong with it", examples = "must not be blank")
        String message) {}
