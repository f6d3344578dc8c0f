package com.dealradar.region.domain;

import com.dealradar.platform.provenance.Precision;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a matter's status history: the status entered, on which day (when known), and why. */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MatterStatusChange", description = "One entry of a matter's status history")
public record StatusChange(
        @Enumerated(EnumType.STRING)
        @Column(name = "status", length = 30, nullable = false)
        @Schema(description = "The status entered", required = true)
        MatterStatus status,

        @Column(name = "changed_on")
        @Schema(
                description =
                        "The day the status was entered (the legal date, e.g. of acceptance); absent when unknown")
        LocalDate on,

        @Column(name = "note", length = 1000) @Schema(description = "What happened; absent when none was given")
        String note,

        @Column(name = "recorded_at", nullable = false)
        @Schema(description = "When DealRadar recorded the change", required = true)
        Instant recordedAt,

        @Enumerated(EnumType.STRING)
        @Column(name = "on_precision", length = 5)
        @Schema(
                description =
                        "How much of 'on' is known (absent: the day); month: some day in that month, 'on' is its first day")
        Precision precision) {

    public StatusChange(MatterStatus status, LocalDate on, String note, Instant recordedAt) {
        this(status, on, note, recordedAt, null);
    }

    /** The date only when known to the day: a month-precise date cannot start a statutory clock. */
    public LocalDate exactDay() {
        return precision == null || precision == Precision.day ? on : null;
    }
}
