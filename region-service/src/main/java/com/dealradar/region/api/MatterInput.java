package com.dealradar.region.api;

import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.provenance.Source;
import com.dealradar.region.domain.AppliedExtension;
import com.dealradar.region.domain.Basis;
import com.dealradar.region.domain.ClockStop;
import com.dealradar.region.domain.MatterDraft;
import com.dealradar.region.domain.MatterStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "RegulatoryMatterInput",
        description =
                "A regulatory matter as written by analysts (POST, PUT). The status changes through POST .../transitions only.")
public record MatterInput(
        @Schema(
                description = "deal-service id of the deal under review (dealId or companyId is required)",
                examples = "9a0c3c55-7b1d-5e0f-8a52-3c4f0e2d9b11")
        UUID dealId,

        @Schema(
                description = "company-service id of the company under review",
                examples = "9be747c1-fdf7-5317-8f6a-a66d8928c7f7")
        UUID companyId,

        @NotNull
        @Size(max = 40)
        @Schema(
                description = "Code of the regime the review is under (any case)",
                examples = "UK-NSIA",
                required = true)
        String regimeCode,

        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9_]+", message = "must be lower-case letters, digits and _")
        @Schema(
                description =
                        "Code of the regime's trigger rule the review is under, in the version that governs the matter (in force on"
                                + " the day it was first notified, else opened); absent: unknown. A rule with its own mandatory and"
                                + " suspensory flags decides whether the matter blocks completion (Germany's cross-sector review,"
                                + " cross_sector, does not)",
                examples = "critical_sector")
        String triggerRule,

        @Size(max = 300)
        @Schema(
                description = "Short name of the review",
                examples = "NSIA review of the Alibaba Cloud / BT partnership")
        String title,

        @Schema(
                description =
                        "On POST: anticipated or not_assessed (default). On PUT/PATCH: the current status, or absent")
        MatterStatus status,

        @Size(max = 200)
        @Schema(description = "The regime's own name for where the review stands", examples = "call-in assessment")
        String stage,

        @Schema(
                description = "When the matter began: the filing, notification or call-in (see openedPrecision);"
                        + " not after today in the region's time zone (Region.timeZone)",
                examples = "2018-07-03")
        LocalDate openedOn,

        @Schema(
                description =
                        "How much of openedOn is known (absent: the day); month: openedOn is the first day of that month")
        Precision openedPrecision,

        @Schema(description = "When the authority decided; absent while undecided")
        LocalDate decidedOn,

        @Size(max = 2000) @Schema(description = "What the authority decided, in its words")
        String outcome,

        @Size(max = 50) @Schema(description = "Conditions or undertakings the clearance came with")
        List<@NotBlank @Size(max = 2000) String> conditions,

        @Size(max = 50)
        @Schema(
                description =
                        "Periods in which the statutory clock stood still (information requests); a deadline moves by the days stopped")
        List<@NotNull @Valid ClockStop> clockStops,

        @Size(max = 20) @Schema(description = "Extensions granted on the regime's clocks; a deadline moves by each")
        List<@NotNull @Valid AppliedExtension> extensions,

        @NotNull @Schema(description = "Whether the matter is stated in a source or inferred", required = true)
        Basis basis,

        @Size(max = 2000) @Schema(description = "What exactly is stated and what is inferred")
        String basisNote,

        @Size(max = 50) List<@NotNull @Valid Source> sources) {

    /** The command the domain applies its rules to. */
    public MatterDraft toDraft() {
        return new MatterDraft(
                dealId,
                companyId,
                regimeCode,
                triggerRule,
                title,
                status,
                stage,
                openedOn,
                openedPrecision,
                decidedOn,
                outcome,
                conditions,
                clockStops,
                extensions,
                basis,
                basisNote,
                sources);
    }
}
