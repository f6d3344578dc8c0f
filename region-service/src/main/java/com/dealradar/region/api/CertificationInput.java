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

        @NotNull @Schema(examples = "bsi_c5_2020", required = true)
        CertificationScheme scheme,

        @Schema(examples = "type_2") ReportType reportType,

        @Size(max = 2000) @Schema(examples = "Alibaba Cloud services in the Frankfurt region")
        String scope,

        @Size(max = 200) @Schema(examples = "an audit firm") String auditor,
        @Schema(examples = "2023-01-01") LocalDate validFrom,
        @Schema(examples = "2023-12-31") LocalDate validTo,

        @NotNull
        @Schema(description = "Recorded status; attested/qualified read as expired after validTo", required = true)
        CertificationStatus status,

        @Schema(description = "Regulatory matter this certification answers")
        UUID matterId,

        @NotNull @Schema(required = true) Basis basis,
        @Size(max = 2000) String basisNote,
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
