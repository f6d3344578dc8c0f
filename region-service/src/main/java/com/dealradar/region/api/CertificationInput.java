package com.dealradar.region.api;

import com.dealradar.platform.provenance.Source;
import com.dealradar.region.domain.Basis;
import com.dealradar.region.domain.CertificationDraft;
import com.dealradar.region.domain.CertificationScheme;
import com.dealradar.region.domain.CertificationStatus;
import com.dealradar.region.domain.ReportType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CertificationInput", description = "A certification or attestation as written by analysts (POST, PUT)")
public record CertificationInput(
        @NotNull
        @Schema(description = "company-service id", examples = "9be747c1-fdf7-5317-8f6a-a66d8928c7f7", required = true)
        UUID companyId,

        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
        @Schema(description = "Region whose scheme it is", examples = "DE")
        String regionCode,

        @NotNull
        @Schema(
                description = "The certification or attestation scheme and its edition",
                examples = "bsi_c5_2020",
                required = true)
        CertificationScheme scheme,

        @Schema(
                description =
                        "type_1 (controls as designed, at a point in time) or type_2 (controls operating over a period) for an attestation; certificate for a certification",
                examples = "type_2")
        ReportType reportType,

        @Size(max = 2000)
        @Schema(
                description = "What it covers: the services, regions or data centres audited",
                examples = "Alibaba Cloud services in the Frankfurt region")
        String scope,

        @Size(max = 200) @Schema(description = "Who audited it", examples = "an audit firm")
        String auditor,

        @Schema(description = "First day it is valid", examples = "2023-01-01")
        LocalDate validFrom,

        @Schema(
                description = "Last day it is valid; after it, attested or qualified reads as expired",
                examples = "2023-12-31")
        LocalDate validTo,

        @NotNull
        @Schema(description = "Recorded status; attested/qualified read as expired after validTo", required = true)
        CertificationStatus status,

        @Schema(description = "Regulatory matter this certification answers")
        UUID matterId,

        @NotNull @Schema(description = "Whether the certification is stated in a source or inferred", required = true)
        Basis basis,

        @Size(max = 2000) @Schema(description = "What exactly is stated and what is inferred")
        String basisNote,

        @Size(max = 50) List<@NotNull @Valid Source> sources) {

    /** The command the domain applies its rules to. */
    public CertificationDraft toDraft() {
        return new CertificationDraft(
                companyId,
                regionCode,
                scheme,
                reportType,
                scope,
                auditor,
                validFrom,
                validTo,
                status,
                matterId,
                basis,
                basisNote,
                sources);
    }
}
