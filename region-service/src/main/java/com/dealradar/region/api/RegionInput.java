package com.dealradar.region.api;

import com.dealradar.platform.provenance.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegionInput", description = "A region as written by analysts (POST, PUT)")
public record RegionInput(
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB")
        @Schema(description = "ISO 3166-1 alpha-2 code; required on POST, must match the path on PUT", examples = "GB") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "United Kingdom", required = true) String name,
        @Size(max = 2000) String description,
        @Size(max = 50) List<@NotNull @Valid Source> sources) {
}
