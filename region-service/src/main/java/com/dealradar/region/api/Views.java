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
    @Schema(name = "Region", description = "A region with its regulatory regimes (regimes on single reads only)")
    public record RegionView(
            @Schema(
                    description = "ISO 3166-1 alpha-2 code of the region (EU for the European Union)",
                    examples = "GB",
                    required = true)
            String code,

            @Schema(description = "Name of the region", examples = "United Kingdom", required = true)
            String name,

            @Schema(description = "What matters about the region's regulation, in short; absent when none")
            String description,

            @Schema(description = "country, or supranational (a union of countries such as EU)", required = true)
            RegionKind kind,

            @Schema(description = "Member countries over time (supranational regions)")
            List<Membership> members,

            @Schema(description = "Countries treated as members today (supranational regions)")
            Set<String> membersToday,

            @Schema(
                    description = "IANA time zone of the region's authorities: \"today\" for its regimes, matters and "
                            + "certifications is the date there",
                    examples = "Europe/London",
                    required = true)
            String timeZone,

            @Schema(
                    description = "Where its working days come from",
                    examples = "Jollyday (de.focus-shift) public holidays of GB (eng, wls, sct, nir)",
                    required = true)
            String holidayCalendar,

            @Schema(
                    description =
                            "Every regime of the region in code order, in force today or not (see inForce); present on "
                                    + "single reads only")
            List<RegimeSummary> regimes,

            @Schema(required = true) List<Source> sources,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegimeSummary", description = "A regime in a region's list")
    public record RegimeSummary(
            @Schema(required = true) UUID id,

            @Schema(
                    description = "Unique code of the regime: the region code, a hyphen and upper-case words",
                    examples = "UK-NSIA",
                    required = true)
            String code,

            @Schema(
                    description = "Name of the law or regime",
                    examples = "National Security and Investment Act 2021",
                    required = true)
            String name,

            @Schema(description = "What the regime does", required = true)
            RegimeKind kind,

            @Schema(description = "Filing is mandatory under the version in force today", required = true)
            boolean mandatory,

            @Schema(
                    description = "Completion must wait for clearance under the version in force today",
                    required = true)
            boolean suspensory,

            @Schema(description = "First day in force; absent when no start is known")
            LocalDate inForceFrom,

            @Schema(description = "Last day in force; absent while in force")
            LocalDate inForceTo,

            @Schema(description = "In force today", required = true)
            boolean inForce) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Regime",
            description =
                    "A regulatory regime: authority, kind, mandatory/suspensory, validity, trigger rules and statutory clocks")
    public record RegimeView(
            @Schema(required = true) UUID id,

            @Schema(
                    description = "Unique code of the regime: the region code, a hyphen and upper-case words",
                    examples = "UK-NSIA",
                    required = true)
            String code,

            @Schema(
                    description = "Name of the law or regime",
                    examples = "National Security and Investment Act 2021",
                    required = true)
            String name,

            @Schema(
                    description = "ISO 3166-1 alpha-2 code of the region whose regime it is",
                    examples = "GB",
                    required = true)
            String regionCode,

            @Schema(description = "What the regime does", required = true)
            RegimeKind kind,

            @Schema(
                    description =
                            "The authority in charge today (or last; in a list asked with inForceOn, on that day)",
                    examples = "Secretary of State (Investment Security Unit)",
                    required = true)
            String authority,

            @Schema(description = "The authorities in charge over time, oldest first", required = true)
            List<AuthorityPeriod> authorities,

            @Schema(
                    description =
                            "Filing is mandatory under the version in force today (in a list asked with inForceOn,"
                                    + " on that day)",
                    required = true)
            boolean mandatory,

            @Schema(
                    description = "Completion must wait for clearance under the version in force today (in a list"
                            + " asked with inForceOn, on that day)",
                    required = true)
            boolean suspensory,

            @Schema(description = "First day in force; absent when no start is known")
            LocalDate inForceFrom,

            @Schema(description = "Last day in force; absent while in force")
            LocalDate inForceTo,

            @Schema(description = "In force today (in a list asked with inForceOn, on that day)", required = true)
            boolean inForce,

            @Schema(
                    description = "The provisions the regime rests on; absent when not recorded",
                    examples = "National Security and Investment Act 2021, ss. 6, 14, 23")
            String legalBasis,

            @Schema(description = "What the regime covers and how it works; absent when none")
            String description,

            @Schema(
                    description =
                            "Trigger rules of the version in force today (in a list asked with inForceOn, on that day)",
                    required = true)
            List<TriggerRule> triggerRules,

            @Schema(
                    description = "Clocks of the version in force today (in a list asked with inForceOn, on that day)",
                    required = true)
            List<StatutoryClock> clocks,

            @Schema(required = true) List<Source> sources,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,

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
                            + "(first notified, else opened) has them, or the matter's trigger rule where it has its own")
    public record RegimeRef(
            @Schema(description = "Id of the regime", required = true)
            UUID id,

            @Schema(description = "Unique code of the regime", examples = "UK-NSIA", required = true)
            String code,

            @Schema(description = "Name of the law or regime", required = true)
            String name,

            @Schema(
                    description =
                            "Filing is mandatory under the version that governs the matter (or the matter's trigger rule)",
                    required = true)
            boolean mandatory,

            @Schema(
                    description =
                            "Completion must wait for clearance under the version that governs the matter (or the matter's trigger"
                                    + " rule)",
                    required = true)
            boolean suspensory) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "RegulatoryMatter",
            description = "One review of one deal (or company) under one regime, with its current statutory deadline")
    public record MatterView(
            @Schema(required = true) UUID id,

            @Schema(
                    description =
                            "deal-service id of the deal under review; absent when the matter is about a company alone")
            UUID dealId,

            @Schema(
                    description =
                            "company-service id of the company under review; absent when the matter is about a deal alone")
            UUID companyId,

            @Schema(description = "The regime the review is under", required = true)
            RegimeRef regime,

            @Schema(
                    description =
                            "Code of the regime's trigger rule the review is under, when known; a rule with its own flags decides"
                                    + " regime.mandatory, regime.suspensory and blocking",
                    examples = "cross_sector")
            String triggerRule,

            @Schema(description = "ISO 3166-1 alpha-2 code of the regime's region", examples = "GB", required = true)
            String regionCode,

            @Schema(
                    description = "Short name of the review; absent when none was given",
                    examples = "NSIA review of the Alibaba Cloud / BT partnership")
            String title,

            @Schema(
                    description =
                            "Where the review stands, in the generic status machine every regime maps its terms onto",
                    required = true)
            MatterStatus status,

            @Schema(description = "Not in a terminal status", required = true)
            boolean open,

            @Schema(
                    description =
                            "Open under a mandatory, suspensory regime (regime.mandatory and regime.suspensory): the deal may not complete",
                    required = true)
            boolean blocking,

            @Schema(description = "Statuses it may change to next", required = true)
            Set<MatterStatus> allowedTransitions,

            @Schema(
                    description = "The regime's own name for where the review stands; absent when none was given",
                    examples = "call-in assessment")
            String stage,

            @Schema(
                    description =
                            "When the matter began: the filing, notification or call-in (see openedPrecision); absent when unknown")
            LocalDate openedOn,

            @Schema(description = "How much of openedOn is known (absent: the day)")
            Precision openedPrecision,

            @Schema(
                    description =
                            "When the authority decided (unless given, the day of the transition to a final status); absent while undecided")
            LocalDate decidedOn,

            @Schema(description = "What the authority decided, in its words; absent while undecided or unrecorded")
            String outcome,

            @Schema(
                    description = "Conditions or undertakings the clearance came with; empty when none",
                    required = true)
            List<String> conditions,

            @Schema(
                    description =
                            "Periods in which the statutory clock stood still (information requests); a deadline moves by the days stopped",
                    required = true)
            List<ClockStop> clockStops,

            @Schema(description = "A clock-stop covers today", required = true)
            boolean clockStopped,

            @Schema(
                    description = "Extensions granted on the regime's clocks; a deadline moves by each",
                    required = true)
            List<AppliedExtension> extensions,

            @Schema(description = "Current statutory deadline; present on open matters whose status runs a clock")
            Deadline deadline,

            @Schema(description = "Whether the matter is stated in a source or inferred", required = true)
            Basis basis,

            @Schema(description = "What exactly is stated and what is inferred; absent when none")
            String basisNote,

            @Schema(required = true) List<Source> sources,

            @Schema(
                    description = "Every status the matter entered, oldest first; the last is its current status",
                    required = true)
            List<StatusChange> statusHistory,

            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Certification", description = "A certification or attestation of a company's service")
    public record CertificationView(
            @Schema(required = true) UUID id,

            @Schema(description = "company-service id of the company whose service it covers", required = true)
            UUID companyId,

            @Schema(
                    description =
                            "ISO 3166-1 alpha-2 code of the region whose scheme it is; absent when none is recorded",
                    examples = "DE")
            String regionCode,

            @Schema(
                    description = "The certification or attestation scheme and its edition",
                    examples = "bsi_c5_2020",
                    required = true)
            CertificationScheme scheme,

            @Schema(
                    description = "Display name of the scheme and its edition",
                    examples = "BSI C5:2020",
                    required = true)
            String schemeName,

            @Schema(
                    description =
                            "type_1 (controls as designed, at a point in time) or type_2 (controls operating over a period) for an attestation; certificate for a certification; absent when unknown")
            ReportType reportType,

            @Schema(
                    description = "What it covers: the services, regions or data centres audited; absent when unknown",
                    examples = "Alibaba Cloud services in the Frankfurt region")
            String scope,

            @Schema(description = "Who audited it; absent when unknown")
            String auditor,

            @Schema(description = "First day it is valid; absent when unknown")
            LocalDate validFrom,

            @Schema(
                    description =
                            "Last day it is valid (after it, attested or qualified reads as expired); absent when unknown")
            LocalDate validTo,

            @Schema(description = "Status today: attested or qualified past validTo reads as expired", required = true)
            CertificationStatus status,

            @Schema(description = "Status as recorded by an analyst", required = true)
            CertificationStatus recordedStatus,

            @Schema(description = "Id of the regulatory matter this certification answers; absent when none")
            UUID matterId,

            @Schema(description = "Whether the certification is stated in a source or inferred", required = true)
            Basis basis,

            @Schema(description = "What exactly is stated and what is inferred; absent when none")
            String basisNote,

            @Schema(required = true) List<Source> sources,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {}

    @Schema(
            name = "BlockingMatter",
            description = "An open matter under a mandatory, suspensory regime (or trigger rule) that governs it")
    public record BlockingMatter(
            UUID id,
            @Schema(examples = "UK-NSIA") String regimeCode,
            String regimeName,
            @Schema(examples = "GB") String regionCode,
            MatterStatus status,

            @Schema(
                    description = "The last day of the statutory period the matter's status runs, when it has passed"
                            + " with the matter still open (absent otherwise): the authority's time to"
                            + " decide ran out; record its outcome, or the clearance the law then gives",
                    examples = "2024-02-10")
            LocalDate periodEndedOn) {}

    @Schema(name = "Clearance", description = "Whether a deal may complete as far as regulators are concerned")
    public record ClearanceView(
            UUID dealId,

            @Schema(
                    description =
                            "No open matter under a mandatory, suspensory regime (or trigger rule) that governs it")
            boolean clear,

            List<BlockingMatter> blockingMatters) {}
}
