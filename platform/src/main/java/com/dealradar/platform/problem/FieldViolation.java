package com.dealradar.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.stream.Collectors;
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
        String message) {

    /**
     * The detail of a problem about these fields (or parameters, or headers: {@code pluralNoun}): the one, with what is
     * wrong with it, or how many and which (each one's message is in the problem's {@code errors}).
     */
    public static String summary(List<FieldViolation> errors, String pluralNoun) {
        return errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " " + pluralNoun + " are invalid: "
                        + errors.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
    }
}
