package com.dealradar.region.api;

import com.dealradar.platform.provenance.Source;
import com.dealradar.region.domain.Membership;
import com.dealradar.region.domain.RegionDraft;
import com.dealradar.region.domain.RegionKind;
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
        @Schema(
                description =
                        "ISO 3166-1 alpha-2 code (EU, exceptionally reserved, for the European Union); required on POST, must match the path on PUT",
                examples = "GB")
        String code,

        @NotBlank
        @Size(max = 200)
        @Schema(description = "Name of the region", examples = "United Kingdom", required = true)
        String name,

        @Size(max = 2000) @Schema(description = "What matters about the region's regulation, in short")
        String description,

        @Size(max = 50) List<@NotNull @Valid Source> sources,

        @Schema(
                description =
                        "country (default) or supranational (a union of countries such as EU, whose members are dated)")
        RegionKind kind,

        @Size(max = 60) @Schema(description = "Member countries over time; supranational regions only")
        List<@NotNull @Valid Membership> members,

        @Size(max = 64)
        @Schema(
                description =
                        "IANA time zone of the region's authorities (default UTC): today's date there decides which "
                                + "rules are in force, whether a certification has lapsed and the date a transition "
                                + "without one is recorded on",
                examples = "Europe/London")
        String timeZone) {

    /** The shape before supranational regions existed. */
    public RegionInput(String code, String name, String description, List<Source> sources) {
        this(code, name, description, sources, null, null, null);
    }

    /** The command the domain applies its rules to. */
    public RegionDraft toDraft() {
        return new RegionDraft(code, name, description, sources, kind, members, timeZone);
    }
}
