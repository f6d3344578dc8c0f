package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An extension a statute allows to a clock. Without a length it is agreed case by case (the matter gives it). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ClockExtension", description = "An extension a statute allows to a clock")
public record ClockExtension(
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9_]+", message = "must be lower-case letters, digits and _")
        @Schema(description = "Identifier of the extension within its clock", examples = "additional", required = true)
        String code,

        @NotBlank
        @Size(max = 200)
        @Schema(description = "Name of the extension", examples = "Additional period", required = true)
        String label,

        @Min(1) @Max(3650) @Schema(description = "Absent when agreed case by case", examples = "45")
        Integer length,

        @NotNull @Schema(description = "How the length is counted", required = true)
        ClockUnit unit) {}
