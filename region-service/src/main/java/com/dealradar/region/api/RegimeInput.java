package com.dealradar.region.api;

import com.dealradar.platform.provenance.Source;
import com.dealradar.region.domain.AuthorityPeriod;
import com.dealradar.region.domain.RegimeDraft;
import com.dealradar.region.domain.RegimeKind;
import com.dealradar.region.domain.RegimeVersion;
import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.TriggerRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegimeInput", description = "A regulatory regime as written by analysts (POST, PUT)")
public record RegimeInput(
        @NotNull
        @Size(max = 40)
        @Pattern(
                regexp = "[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*",
                message = "must be the region code, a hyphen and upper-case words, e.g. UK-NSIA")
        @Schema(
                description = "Unique code: the region code, a hyphen and upper-case words",
                examples = "UK-NSIA",
                required = true)
        String code,

        @NotBlank
        @Size(max = 300)
        @Schema(
                description = "Name of the law or regime",
                examples = "National Security and Investment Act 2021",
                required = true)
        String name,

        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB")
        @Schema(
                description = "ISO 3166-1 alpha-2 code of the region whose regime it is",
                examples = "GB",
                required = true)
        String regionCode,

        @NotNull @Schema(description = "What the regime does", required = true)
        RegimeKind kind,

        @NotEmpty
        @Size(max = 10)
        @Schema(description = "The authorities in charge over time, oldest first", required = true)
        List<@NotNull @Valid AuthorityPeriod> authorities,

        @NotNull @Schema(description = "Whether filing is compulsory when triggered", required = true)
        Boolean mandatory,

        @NotNull @Schema(description = "Whether the deal may not complete before clearance", required = true)
        Boolean suspensory,

        @Schema(description = "First day in force; absent: no known start", examples = "2022-01-04")
        LocalDate inForceFrom,

        @Schema(description = "Last day in force; absent while in force")
        LocalDate inForceTo,

        @Size(max = 1000)
        @Schema(
                description = "The provisions the regime rests on",
                examples = "National Security and Investment Act 2021, ss. 6, 14, 23")
        String legalBasis,

        @Size(max = 4000) @Schema(description = "What the regime covers and how it works")
        String description,

        @Size(max = 20)
        @Schema(description = "The ways a deal falls under the regime: a deal meeting any one rule triggers it")
        List<@NotNull @Valid TriggerRule> triggerRules,

        @Size(max = 10) @Schema(description = "The statutory periods of its reviews")
        List<@NotNull @Valid StatutoryClock> clocks,

        @Size(max = 50) List<@NotNull @Valid Source> sources,

        @Size(max = 20)
        @Schema(
                description =
                        "The regime's rules over time, oldest first, without gaps or overlaps. When given, triggerRules and clocks "
                                + "are left out here (each version has its own); mandatory and suspensory are the defaults of versions that give none.")
        List<@NotNull @Valid RegimeVersion> versions) {

    /** The shape before versions existed: one set of rules for every date. */
    public RegimeInput(
            String code,
            String name,
            String regionCode,
            RegimeKind kind,
            List<AuthorityPeriod> authorities,
            Boolean mandatory,
            Boolean suspensory,
            LocalDate inForceFrom,
            LocalDate inForceTo,
            String legalBasis,
            String description,
            List<TriggerRule> triggerRules,
            List<StatutoryClock> clocks,
            List<Source> sources) {
        this(
                code,
                name,
                regionCode,
                kind,
                authorities,
                mandatory,
                suspensory,
                inForceFrom,
                inForceTo,
                legalBasis,
                description,
                triggerRules,
                clocks,
                sources,
                null);
    }

    /** The command the domain applies its rules to. */
    public RegimeDraft toDraft() {
        return new RegimeDraft(
                code,
                name,
                regionCode,
                kind,
                authorities,
                mandatory,
                suspensory,
                inForceFrom,
                inForceTo,
                legalBasis,
                description,
                triggerRules,
                clocks,
                sources,
                versions);
    }
}
