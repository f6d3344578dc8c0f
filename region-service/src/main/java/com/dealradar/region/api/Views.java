package com.dealradar.region.api;

import com.dealradar.platform.provenance.Precision;
import com.dealradar.platform.provenance.Source;
import com.dealradar.region.domain.AppliedExtension;
import com.dealradar.region.domain.AuthorityPeriod;
import com.dealradar.region.domain.Basis;
import com.dealradar.region.domain.CertificationScheme;
import com.dealradar.region.domain.CertificationStatus;
import com.dealradar.region.domain.ClockStop;
import com.dealradar.region.domain.Deadline;
import com.dealradar.region.domain.MatterStatus;
import com.dealradar.region.domain.Membership;
import com.dealradar.region.domain.RegimeKind;
import com.dealradar.region.domain.RegimeVersion;
import com.dealradar.region.domain.RegionKind;
import com.dealradar.region.domain.ReportType;
import com.dealradar.region.domain.StatusChange;
import com.dealradar.region.domain.StatutoryClock;
import com.dealradar.region.domain.TriggerRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response shapes. */
public final class Views {

    private Views() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Region", description = "A region with the regimes in force there (regimes on single reads only)")
    public record RegionView(
            @Schema(examples = "GB") String code,
            @Schema(examples = "United Kingdom") String name,
            String description,

            @Schema(description = "country, or supranational (a union of countries such as EU)")
            RegionKind kind,

            @Schema(description = "Member countries over time (supranational regions)")
            List<Membership> members,

            @Schema(description = "Countries treated as members today (supranational regions)")
            Set<String> membersToday,

            @Schema(
                    description = "Where its working days come from",
                    examples = "Jollyday (de.focus-shift) public holidays of GB (eng, wls, sct, nir)")
            String holidayCalendar,

            List<RegimeSummary> regimes,
            List<Source> sources,
            Instant createdAt,
            Instant updatedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegimeSummary", description = "A regime in a region's list")
    public record RegimeSummary(
            UUID id,
            @Schema(examples = "UK-NSIA") String code,
            String name,
            RegimeKind kind,
            boolean mandatory,
            boolean suspensory,
            LocalDate inForceFrom,
            LocalDate inForceTo,
            @Schema(description = "In force today") boolean inForce) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Regime",
            description =
                    "A regulatory regime: authority, kind, mandatory/suspensory, validity, trigger rules and statutory clocks")
    public record RegimeView(
            UUID id,
            @Schema(examples = "UK-NSIA") String code,

            @Schema(examples = "National Security and Investment Act 2021")
            String name,

            @Schema(examples = "GB") String regionCode,
            RegimeKind kind,

            @Schema(
                    description =
                            "The authority in charge today (or last; in a list asked with inForceOn, on that day)",
                    examples = "Secretary of State (Investment Security Unit)")
            String authority,

            List<AuthorityPeriod> authorities,

            @Schema(
                    description =
                            "Filing is mandatory under the version in force today (in a list asked with inForceOn,"
                                    + " on that day)")
            boolean mandatory,

            @Schema(
                    description = "Completion must wait for clearance under the version in force today (in a list"
                            + " asked with inForceOn, on that day)")
            boolean suspensory,

            LocalDate inForceFrom,
            LocalDate inForceTo,

            @Schema(description = "In force today (in a list asked with inForceOn, on that day)")
            boolean inForce,

            String legalBasis,
            String description,

            @Schema(
                    description =
                            "Trigger rules of the version in force today (in a list asked with inForceOn, on that day)")
            List<TriggerRule> triggerRules,

            @Schema(description = "Clocks of the version in force today (in a list asked with inForceOn, on that day)")
            List<StatutoryClock> clocks,

            List<Source> sources,
            Instant createdAt,
            Instant updatedAt,

            @Schema(description = "The regime's rules over time, oldest first (absent when they never changed)")
            List<RegimeVersion> versions,

            @Schema(
                    description = "Code of the version in force today (in a list asked with inForceOn, on that day)",
                    examples = "NSIA-2021")
            String currentVersion) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "RegimeRef",
            description =
                    "The regime a matter is under; mandatory and suspensory as the version in force on the matter's day "
                            + "(first notified, else opened) has them")
    public record RegimeRef(
            UUID id, @Schema(examples = "UK-NSIA") String code, String name, boolean mandatory, boolean suspensory) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "RegulatoryMatter",
            description = "One review of one deal (or company) under one regime, with its current statutory deadline")
    public record MatterView(
            UUID id,
            UUID dealId,
            UUID companyId,
            RegimeRef regime,
            @Schema(examples = "GB") String regionCode,
            String title,
            MatterStatus status,

            @Schema(description = "Not in a terminal status")
            boolean open,

            @Schema(description = "Open under a mandatory, suspensory regime: the deal may not complete")
            boolean blocking,

            @Schema(description = "Statuses it may change to next")
            Set<MatterStatus> allowedTransitions,

            String stage,
            LocalDate openedOn,

            @Schema(description = "How much of openedOn is known (absent: the day)")
            Precision openedPrecision,

            LocalDate decidedOn,
            String outcome,
            List<String> conditions,
            List<ClockStop> clockStops,

            @Schema(description = "A clock-stop covers today")
            boolean clockStopped,

            List<AppliedExtension> extensions,

            @Schema(description = "Current statutory deadline; present on open matters whose status runs a clock")
            Deadline deadline,

            Basis basis,
            String basisNote,
            List<Source> sources,
            List<StatusChange> statusHistory,
            Instant createdAt,
            Instant updatedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Certification", description = "A certification or attestation of a company's service")
    public record CertificationView(
            UUID id,
            UUID companyId,
            String regionCode,
            CertificationScheme scheme,
            @Schema(examples = "BSI C5:2020") String schemeName,
            ReportType reportType,
            String scope,
            String auditor,
            LocalDate validFrom,
            LocalDate validTo,

            @Schema(description = "Status today: attested or qualified past validTo reads as expired")
            CertificationStatus status,

            @Schema(description = "Status as recorded by an analyst")
            CertificationStatus recordedStatus,

            UUID matterId,
            Basis basis,
            String basisNote,
            List<Source> sources,
            Instant createdAt,
            Instant updatedAt) {}

    @Schema(name = "BlockingMatter", description = "An open matter under a mandatory, suspensory regime")
    public record BlockingMatter(
            UUID id,
            @Schema(examples = "UK-NSIA") String regimeCode,
            String regimeName,
            @Schema(examples = "GB") String regionCode,
            MatterStatus status) {}

    @Schema(name = "Clearance", description = "Whether a deal may complete as far as regulators are concerned")
    public record ClearanceView(
            UUID dealId,

            @Schema(description = "No open matter under a mandatory, suspensory regime")
            boolean clear,

            List<BlockingMatter> blockingMatters) {}
}
