package com.dealradar.region.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rules of a regime as they stood over one period: thresholds (in the trigger rules), clocks and whether
 * filing was mandatory and suspensory. Statutes change; an assessment or a deadline uses the version in force
 * on its date and says which one it used. {@code note} cites the provision that made the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "RegimeVersion",
        description = "The rules of a regime over one period (thresholds, clocks, mandatory/suspensory)")
public record RegimeVersion(
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "must be letters, digits, '.', '_' or '-'")
        @Schema(description = "Identifier of the version within the regime", examples = "CSRM-2022", required = true)
        String code,

        @NotBlank
        @Size(max = 300)
        @Schema(
                description = "Name of the version: the instrument and when it took effect",
                examples = "Cybersecurity Review Measures 2022 (in force 15 February 2022)",
                required = true)
        String label,

        @Schema(
                description = "First day of this version; absent: from the regime's inForceFrom",
                examples = "2022-02-15")
        LocalDate validFrom,

        @Schema(description = "Last day of this version; absent: still current")
        LocalDate validTo,

        @Schema(description = "Whether filing was compulsory under this version; absent: the regime's")
        Boolean mandatory,

        @Schema(description = "Whether completion had to wait under this version; absent: the regime's")
        Boolean suspensory,

        @Size(max = 20) @Schema(description = "The ways a deal falls under the regime under this version")
        List<@NotNull @Valid TriggerRule> triggerRules,

        @Size(max = 10) @Schema(description = "The statutory periods under this version")
        List<@NotNull @Valid StatutoryClock> clocks,

        @Size(max = 2000)
        @Schema(description = "The provision this version's numbers come from, and what is general knowledge or unsure")
        String note) {

    public RegimeVersion {
        triggerRules = Unmodifiable.list(triggerRules);
        clocks = Unmodifiable.list(clocks);
    }

    public boolean covers(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public List<TriggerRule> rulesOrEmpty() {
        return triggerRules == null ? List.of() : triggerRules;
    }

    public List<StatutoryClock> clocksOrEmpty() {
        return clocks == null ? List.of() : clocks;
    }

    /**
     * Filing is mandatory for a deal or matter under {@code rule} of this version: the rule's own flag where it gives
     * one (Germany's cross-sector review is not, though the version's notifiable acquisitions are), else the
     * version's. {@code rule} null: the version's.
     */
    public boolean mandatoryUnder(TriggerRule rule) {
        boolean own = Boolean.TRUE.equals(mandatory);
        return rule == null ? own : rule.mandatoryOr(own);
    }

    /** Completion waits for clearance under {@code rule} of this version, as {@link #mandatoryUnder} reads it. */
    public boolean suspensoryUnder(TriggerRule rule) {
        boolean own = Boolean.TRUE.equals(suspensory);
        return rule == null ? own : rule.suspensoryOr(own);
    }

    /** Mandatory and suspensory under {@code rule} of this version: an open matter blocks the deal's completion. */
    public boolean blocksCompletion(TriggerRule rule) {
        return mandatoryUnder(rule) && suspensoryUnder(rule);
    }

    /** The rule of this version with {@code code}, if any. */
    public Optional<TriggerRule> rule(String code) {
        return rulesOrEmpty().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The clock giving the deadline of a matter in {@code status}, if this version has one. */
    public Optional<StatutoryClock> clockFor(MatterStatus status) {
        return clocksOrEmpty().stream().filter(c -> c.runsIn().contains(status)).findFirst();
    }

    /** How answers name it: code, label and period. */
    public String describe() {
        return code + " (" + label + "; " + (validFrom == null ? "from the start" : "from " + validFrom)
                + (validTo == null ? "" : " to " + validTo) + ")";
    }
}
